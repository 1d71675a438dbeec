import type { CSSProperties } from 'react';
import { useNodeLive } from './RunContext.tsx';

/**
 * A node's live state on the canvas: a fill from calm to hot for its utilisation, its queue,
 * its hit ratio, and a clear "down" look. It reads only its own node's record from the run
 * store, so a frame re-renders the nodes whose numbers changed and nothing else.
 */
export function NodeLiveState({ id }: { id: string }) {
  const live = useNodeLive(id);
  if (!live) return null;
  const util = live.util;
  const parts: string[] = [];
  if (!live.up) parts.push('down');
  if (util !== null) parts.push(`${Math.round(util * 100)}% busy`);
  if (live.queued > 0) parts.push(`${live.queued} waiting`);
  if (live.hitRatio !== null) parts.push(`${Math.round(live.hitRatio * 100)}% cache hits`);
  if (live.failed > 0) parts.push(`${live.failed} failures a second`);
  return (
    <div
      className={`sl-live${live.up ? '' : ' is-down'}${live.failed > 0 ? ' is-failing' : ''}`}
      style={{ '--sl-util': util ?? 0, '--sl-heat': heat(util ?? 0) } as CSSProperties}
      data-live-node={id}
    >
      <span className="sl-visually-hidden">{parts.join(', ')}</span>
      <span className="sl-live__chips" aria-hidden="true">
        {!live.up && <span className="sl-live__chip sl-live__chip--down">Down</span>}
        {live.up && util !== null && <span className="sl-live__chip">{Math.round(util * 100)}%</span>}
        {live.up && live.queued > 0 && (
          <span className="sl-live__chip sl-live__chip--queue">{compact(live.queued)} q</span>
        )}
        {live.up && live.hitRatio !== null && (
          <span className="sl-live__chip sl-live__chip--hit">hit {Math.round(live.hitRatio * 100)}%</span>
        )}
      </span>
      {util !== null && live.up && <span className="sl-live__bar" aria-hidden="true" />}
    </div>
  );
}

/** Hue from calm green (0% busy) through amber to hot red (100%). */
export function heat(util: number): string {
  const u = Math.min(1, Math.max(0, util));
  // Stay green to 50%, then move quickly: the knee of the queueing curve is what matters.
  const hue = u < 0.5 ? 145 : 145 - ((u - 0.5) / 0.5) * 145;
  return `hsl(${Math.round(hue)} 70% 42%)`;
}

function compact(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);
}
