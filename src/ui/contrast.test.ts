import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * WCAG AA for the theme tokens, in both themes: 4.5:1 for text, 3:1 for the graphics and
 * borders a person needs to see (icons, edges, input borders, focus rings).
 */
const css = readFileSync(new URL('./theme.css', import.meta.url), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--(sl-[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]),
  );
}

const lightBlock = css.slice(css.indexOf(':root'), css.indexOf('@media (prefers-color-scheme: dark)'));
const darkBlock = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
const themes = { light: tokens(lightBlock), dark: { ...tokens(lightBlock), ...tokens(darkBlock) } };

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color-mix(in srgb, a p%, b)`, as the badges use. */
function mix(a: string, b: string, p: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x
    .map((c, i) =>
      Math.round(c * p + (y[i] as number) * (1 - p))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const text: [string, string][] = [
  ['sl-text', 'sl-bg'],
  ['sl-text', 'sl-surface'],
  ['sl-text', 'sl-surface-2'],
  ['sl-text', 'sl-surface-hover'],
  ['sl-text', 'sl-info-bg'],
  ['sl-text-muted', 'sl-surface'],
  ['sl-text-muted', 'sl-surface-2'],
  ['sl-text-muted', 'sl-bg'],
  ['sl-danger', 'sl-surface'],
  ['sl-warning-text', 'sl-warning-bg'],
  ['sl-success-text', 'sl-success-bg'],
  ['sl-accent-text', 'sl-accent'],
  ['sl-surface', 'sl-text'],
];

const graphics: [string, string][] = [
  ['sl-border-strong', 'sl-surface'],
  ['sl-edge', 'sl-canvas'],
  ['sl-focus', 'sl-surface'],
  ['sl-focus', 'sl-canvas'],
  ['sl-accent', 'sl-surface'],
  ['sl-danger', 'sl-surface'],
  ...[
    'client',
    'balancer',
    'server',
    'database',
    'cache',
    'cdn',
    'queue',
    'worker',
    'scheduler',
    'mapreduce',
    'planned',
  ].map((t) => [`sl-type-${t}`, 'sl-surface'] as [string, string]),
];

describe.each(Object.entries(themes))('%s theme', (_name, t) => {
  const get = (k: string) => {
    const v = t[k];
    if (!v) throw new Error(`--${k} is not defined as a hex colour`);
    return v;
  };
  it.each(text)('text %s on %s ≥ 4.5:1', (fg, bg) => {
    expect(contrast(get(fg), get(bg))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(graphics)('graphic %s on %s ≥ 3:1', (fg, bg) => {
    expect(contrast(get(fg), get(bg))).toBeGreaterThanOrEqual(3);
  });
  it('icons on their tinted badges ≥ 3:1', () => {
    for (const type of [
      'client',
      'balancer',
      'server',
      'database',
      'cache',
      'cdn',
      'queue',
      'worker',
      'scheduler',
      'mapreduce',
    ]) {
      const color = get(`sl-type-${type}`);
      expect(contrast(color, mix(color, get('sl-surface'), 0.13)), type).toBeGreaterThanOrEqual(3);
    }
  });
});
