import { faultLabel, faultsFor, type LiveFault, type LiveFaultAction } from '../liveFault.ts';
import type { NodeLive } from '../runStore.ts';

export const SLOW_FACTORS = [2, 5, 10] as const;
export const SPIKE_FACTORS = [2, 5, 10] as const;
export const SPIKE_SECONDS = 10;

export interface FaultChoice {
  fault: LiveFault;
  label: string;
  /** Why it cannot be chosen now, or null. */
  disabled: string | null;
}

/** The faults a component offers, given its type and its live state. */
export function nodeFaultChoices(
  id: string,
  type: string,
  live: NodeLive | undefined,
  running: boolean,
  finished = false,
): FaultChoice[] {
  const notRunning = running ? null : finished ? 'The run is over: press Reset' : 'Run the simulation first';
  const out: FaultChoice[] = [];
  const add = (fault: LiveFault, disabled: string | null = null) =>
    out.push({ fault, label: faultLabel(fault), disabled: notRunning ?? disabled });
  for (const action of faultsFor(type) as readonly LiveFaultAction[]) {
    switch (action) {
      case 'fail':
        add({ action: 'fail', node: id }, live && !live.up ? 'It is down already' : null);
        break;
      case 'restore':
        add({ action: 'restore', node: id });
        break;
      case 'slow':
        for (const factor of SLOW_FACTORS)
          add({ action: 'slow', node: id, factor }, live && !live.up ? 'It is down' : null);
        break;
      case 'flush':
        add({ action: 'flush', node: id }, live && !live.up ? 'It is down' : null);
        break;
      case 'spike':
        for (const factor of SPIKE_FACTORS) add({ action: 'spike', node: id, factor, for: SPIKE_SECONDS });
        break;
      default:
        break;
    }
  }
  return out;
}

export function edgeFaultChoices(
  source: string,
  target: string,
  cut: boolean,
  running: boolean,
  finished = false,
): FaultChoice[] {
  const notRunning = running ? null : finished ? 'The run is over: press Reset' : 'Run the simulation first';
  return [
    {
      fault: { action: 'cut', source, target },
      label: 'Cut',
      disabled: notRunning ?? (cut ? 'It is cut already' : null),
    },
    {
      fault: { action: 'heal', source, target },
      label: 'Heal',
      disabled: notRunning ?? (cut ? null : 'It is not cut'),
    },
  ];
}
