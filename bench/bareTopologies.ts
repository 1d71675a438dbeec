import { CacheStore } from '../src/engine/cache/cacheStore.ts';
import { ZipfAliasSampler } from '../src/engine/core/zipf.ts';
import { BareHeap, xoshiro } from './bareParts.ts';

/**
 * Second yardsticks: the benchmark's own topologies written as bare loops, as tight as the
 * bare M/M/c loop and with its parts (`bareParts.ts`: a binary heap of times in typed arrays,
 * xoshiro128**, nothing allocated per event) and doing strictly less than the engine: no calls, no statistics
 * beyond a latency sum, no failures, no health checks, no per-second timeline.
 *
 * They answer a question the M/M/4 yardstick cannot: how fast can *any* simulator of these
 * topologies go on this machine? A thousand servers with nine requests each in flight, or a
 * million-key cache, do not fit in the processor's caches the way four workers do, so even
 * the bare loop slows down — the ceiling is memory, not the engine.
 */

/**
 * The balanced-servers benchmark as a bare loop: Poisson arrivals → a balancer that processes
 * each request in `processMs` (FIFO, deterministic: an event when it is done) → round-robin
 * over `servers` single-worker FIFO servers with exponential service. Returns the mean
 * response time (to check it simulates the same thing) and the events processed.
 */
export function bareBalanced(
  customers: number,
  servers: number,
  perServerRps: number,
  serviceMs: number,
  processMs: number,
  seed = 1,
): { meanResponse: number; events: number } {
  const rng = xoshiro(seed);
  const lambdaPerMs = (servers * perServerRps) / 1000;
  const heap = new BareHeap(1 << 17);
  // Each server's line: a ring of arrival times, grown by doubling when one fills up.
  let ringBits = 8;
  let ring = new Float64Array(servers << ringBits);
  const head = new Int32Array(servers);
  const len = new Int32Array(servers);
  const busy = new Uint8Array(servers);
  const ARRIVAL = -1;
  const FORWARD = -2;
  let lbFreeAt = 0;
  let rr = 0;
  let generated = 0;
  let done = 0;
  let sum = 0;
  let events = 0;
  heap.push(-Math.log(rng.next()) / lambdaPerMs, ARRIVAL, 0, 0);
  while (done < customers) {
    heap.pop();
    events++;
    const now = heap.time;
    const kind = heap.kind;
    if (kind === ARRIVAL) {
      generated++;
      if (generated < customers) heap.push(now - Math.log(rng.next()) / lambdaPerMs, ARRIVAL, 0, 0);
      lbFreeAt = Math.max(lbFreeAt, now) + processMs;
      heap.push(lbFreeAt, FORWARD, now, 0);
    } else if (kind === FORWARD) {
      const s = rr;
      rr = rr + 1 === servers ? 0 : rr + 1;
      if (busy[s] === 0) {
        busy[s] = 1;
        heap.push(now - Math.log(rng.next()) * serviceMs, s, heap.numA, 0);
      } else {
        if ((len[s] as number) === 1 << ringBits) {
          ({ ring, ringBits } = growRings(ring, ringBits, servers, head, len));
        }
        const mask = (1 << ringBits) - 1;
        ring[(s << ringBits) + (((head[s] as number) + (len[s] as number)) & mask)] = heap.numA;
        len[s] = (len[s] as number) + 1;
      }
    } else {
      const s = kind;
      done++;
      sum += now - heap.numA;
      if ((len[s] as number) > 0) {
        const arrived = ring[(s << ringBits) + (head[s] as number)] as number;
        head[s] = ((head[s] as number) + 1) & ((1 << ringBits) - 1);
        len[s] = (len[s] as number) - 1;
        heap.push(now - Math.log(rng.next()) * serviceMs, s, arrived, 0);
      } else busy[s] = 0;
    }
  }
  return { meanResponse: sum / done, events };
}

function growRings(
  ring: Float64Array,
  bits: number,
  servers: number,
  head: Int32Array,
  len: Int32Array,
): { ring: Float64Array<ArrayBuffer>; ringBits: number } {
  const next = new Float64Array(servers << (bits + 1));
  const mask = (1 << bits) - 1;
  for (let s = 0; s < servers; s++) {
    for (let i = 0; i < (len[s] as number); i++)
      next[(s << (bits + 1)) + i] = ring[(s << bits) + (((head[s] as number) + i) & mask)] as number;
    head[s] = 0;
  }
  return { ring: next, ringBits: bits + 1 };
}

let cachedZipf: ZipfAliasSampler | null = null;

/**
 * The cache-heavy benchmark as a bare loop: 100 requests per ms over `keys` keys with Zipf
 * popularity → a server step (1 ms; at 3% load the engine's servers never queue, so no
 * queue here) → a get on one of `caches` LRU caches chosen by key hash (0.2 ms) → on a miss
 * a database read (5 ms, no queue: 6% load) and a fill. The keys and the caches are the
 * engine's own data structures (its alias table and `CacheStore`), so this loop makes the
 * same trips to memory and nothing else. The alias table is built once per process and not
 * timed. Returns the hit ratio and the events processed.
 */
export function bareCacheHeavy(
  customers: number,
  keys = 1_000_000,
  caches = 4,
  capacity = 100_000,
  seed = 1,
): { hitRatio: number; events: number } {
  if (cachedZipf === null || cachedZipf.n !== keys) cachedZipf = new ZipfAliasSampler(keys, 1);
  const zipf = cachedZipf;
  const rng = xoshiro(seed);
  const stores = Array.from({ length: caches }, () => new CacheStore(capacity, 'lru', null, null));
  const storeOf = (key: number) => stores[(Math.imul(key, 0x85ebca6b) >>> 0) % caches] as CacheStore;
  const heap = new BareHeap(1 << 16);
  const ARRIVAL = 0;
  const SERVED = 1;
  const GOT = 2;
  const READ = 3;
  let generated = 0;
  let done = 0;
  let hits = 0;
  let events = 0;
  heap.push(-Math.log(rng.next()) / 100, ARRIVAL, 0, 0);
  while (done < customers) {
    heap.pop();
    events++;
    const now = heap.time;
    switch (heap.kind) {
      case ARRIVAL: {
        generated++;
        if (generated < customers) heap.push(now - Math.log(rng.next()) / 100, ARRIVAL, 0, 0);
        const key = zipf.rankAt(rng.u32() * 2.3283064365386963e-10) - 1;
        heap.push(now - Math.log(rng.next()), SERVED, now, key);
        break;
      }
      case SERVED:
        heap.push(now - Math.log(rng.next()) * 0.2, GOT, heap.numA, heap.numB);
        break;
      case GOT: {
        const key = heap.numB;
        if (storeOf(key).lookup(key, now) >= 0) {
          hits++;
          done++;
        } else heap.push(now - Math.log(rng.next()) * 5, READ, heap.numA, key);
        break;
      }
      case READ:
        storeOf(heap.numB).insert(heap.numB, now, false);
        done++;
        break;
    }
  }
  return { hitRatio: hits / done, events };
}
