/**
 * Chart colours. Series colours are distinct in hue and lightness (readable on light and dark
 * surfaces, and for the common colour-vision deficiencies: Okabe–Ito based).
 */
export const SERIES_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#8c6d31',
  '#6a3d9a',
];

export const LATENCY_COLORS = { p50: '#56b4e9', p95: '#0072b2', p99: '#d55e00' } as const;

export const ANSWERED_COLOR = '#009e73';

export const CAUSE_COLORS: Record<string, string> = {
  'node-down': '#d62728',
  crash: '#8c1c13',
  'queue-full': '#e69f00',
  timeout: '#9467bd',
  'no-backend': '#8c564b',
  'edge-cut': '#cc79a7',
  'no-route': '#7f7f7f',
};

export const MARKER_COLORS = { fault: '#d62728', recovery: '#2e8b57', edit: '#1d4ed8' } as const;

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length] as string;
}
