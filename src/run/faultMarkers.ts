import type { FaultRecord } from '../engine/index.ts';
import type { Marker } from './frameFormat.ts';

/**
 * Turns the engine's fault log into chart markers: one when a fault starts (from the
 * scenario's schedule or a click, alike) and one when it ends (restore, heal, a spike running
 * out). Reads the log; never writes it.
 */
export class FaultMarkers {
  private seen = 0;
  /** Records whose end is still to be announced. */
  private readonly open = new Set<FaultRecord>();

  reset(): void {
    this.seen = 0;
    this.open.clear();
  }

  /** New markers since the last call, given the log and the simulated clock (ms). */
  collect(records: readonly FaultRecord[], nowMs: number): Marker[] {
    const out: Marker[] = [];
    for (; this.seen < records.length; this.seen++) {
      const r = records[this.seen] as FaultRecord;
      out.push({ t: r.startS, kind: 'fault', label: startLabel(r) });
      // A flush is over at once; everything else ends later (or never).
      if (r.action !== 'flush') this.open.add(r);
    }
    for (const r of this.open) {
      if (r.endS !== null && r.endS * 1000 <= nowMs) {
        out.push({ t: r.endS, kind: 'recovery', label: endLabel(r) });
        this.open.delete(r);
      }
    }
    return out;
  }
}

export function startLabel(r: Pick<FaultRecord, 'action' | 'target' | 'factor'>): string {
  switch (r.action) {
    case 'fail':
      return `${r.target} down`;
    case 'slow':
      return `${r.target} slow ×${r.factor ?? 2}`;
    case 'flush':
      return `${r.target} flushed`;
    case 'spike':
      return `${r.target} traffic ×${r.factor ?? 2}`;
    case 'cut':
      return `${r.target} cut`;
    default:
      return `${r.target} ${r.action}`;
  }
}

export function endLabel(r: Pick<FaultRecord, 'action' | 'target'>): string {
  switch (r.action) {
    case 'fail':
      return `${r.target} back`;
    case 'slow':
      return `${r.target} normal speed`;
    case 'spike':
      return `${r.target} traffic normal`;
    case 'cut':
      return `${r.target} healed`;
    default:
      return `${r.target} ended`;
  }
}
