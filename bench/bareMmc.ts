import { BareHeap, xoshiro } from './bareParts.ts';

/**
 * The yardstick: an M/M/c queue as tight as JavaScript allows — a binary heap of event
 * times in typed arrays, a ring buffer for the line, xoshiro128**, nothing allocated per
 * event. The engine is measured against this.
 */
export function bareMmc(
  customers: number,
  lambdaPerMs: number,
  muPerMs: number,
  c: number,
  seed = 1,
): { meanResponse: number; events: number } {
  const rng = xoshiro(seed);
  // Events: kind 0 an arrival, 1 a departure whose customer arrived at numA.
  const heap = new BareHeap(1 << 16);
  const ringCap = 1 << 20;
  const ring = new Float64Array(ringCap);
  let head = 0;
  let len = 0;
  let busy = 0;
  let done = 0;
  let sum = 0;
  let events = 0;
  let generated = 0;
  heap.push(-Math.log(rng.next()) / lambdaPerMs, 0, 0, 0);
  while (done < customers) {
    heap.pop();
    events++;
    const now = heap.time;
    if (heap.kind === 0) {
      generated++;
      if (generated < customers) heap.push(now - Math.log(rng.next()) / lambdaPerMs, 0, 0, 0);
      if (busy < c) {
        busy++;
        heap.push(now - Math.log(rng.next()) / muPerMs, 1, now, 0);
      } else {
        ring[(head + len) & (ringCap - 1)] = now;
        len++;
      }
    } else {
      done++;
      sum += now - heap.numA;
      if (len > 0) {
        const arrived = ring[head] as number;
        head = (head + 1) & (ringCap - 1);
        len--;
        heap.push(now - Math.log(rng.next()) / muPerMs, 1, arrived, 0);
      } else busy--;
    }
  }
  return { meanResponse: sum / done, events };
}
