import type { ScenarioEvent } from '../scenario/index.ts';

/** A fault the user applies to a running simulation, now. */
export type LiveFault =
  | { action: 'fail' | 'restore' | 'flush'; node: string }
  | { action: 'slow'; node: string; factor: number }
  | { action: 'spike'; node: string; factor: number; for: number }
  | { action: 'cut' | 'heal'; source: string; target: string };

export type LiveFaultAction = LiveFault['action'];

/** What the worker answers: applied at simulated second `atS`, or refused with a reason. */
export type ApplyResult = { ok: true; atS: number; event: ScenarioEvent } | { ok: false; reason: string };

/** The scheduled event that replays `fault` at `atS` (for "keep as scheduled event"). */
export function toScenarioEvent(fault: LiveFault, atS: number): ScenarioEvent {
  const at = Math.round(atS * 1000) / 1000;
  switch (fault.action) {
    case 'cut':
    case 'heal':
      return { at, action: fault.action, source: fault.source, target: fault.target };
    case 'slow':
      return { at, action: 'slow', node: fault.node, factor: fault.factor };
    case 'spike':
      return { at, action: 'spike', node: fault.node, factor: fault.factor, for: fault.for };
    default:
      return { at, action: fault.action, node: fault.node };
  }
}

/** Which live faults make sense for a node of this type (the menus offer only these). */
export function faultsFor(type: string): readonly LiveFaultAction[] {
  switch (type) {
    case 'client':
      return ['spike'];
    case 'cache':
    case 'cdn':
      return ['fail', 'restore', 'slow', 'flush'];
    case 'database':
      return ['fail', 'restore', 'slow', 'flush'];
    default:
      return ['fail', 'restore', 'slow'];
  }
}

/** The words a menu shows for a fault. */
export function faultLabel(fault: LiveFault): string {
  switch (fault.action) {
    case 'fail':
      return 'Fail';
    case 'restore':
      return 'Restore';
    case 'flush':
      return 'Flush';
    case 'slow':
      return `Slow ×${fault.factor}`;
    case 'spike':
      return `Spike ×${fault.factor} for ${fault.for} s`;
    case 'cut':
      return 'Cut';
    case 'heal':
      return 'Heal';
  }
}
