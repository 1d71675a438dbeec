import type { CSSProperties } from 'react';
import type { EdgeLive } from '../runStore.ts';

/**
 * How an edge looks during a run: thicker with more traffic (log scale: 10/s and 10,000/s
 * both stay readable), red where requests fail, dashed red when cut.
 */
export function liveEdgeLook(live: EdgeLive | undefined): { className: string; style: CSSProperties } | null {
  if (!live) return null;
  const width = live.rate > 0 ? Math.min(8, 1.5 + Math.log10(1 + live.rate) * 1.4) : 1.25;
  const failing = live.failed > 0 && live.failed >= live.rate * 0.01;
  const className = [
    'sl-edge--live',
    live.cut ? 'is-cut' : '',
    failing ? 'is-failing' : '',
    live.rate === 0 ? 'is-idle' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { className, style: { strokeWidth: width } };
}
