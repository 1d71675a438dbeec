import { hashString, mix32, type Rng } from '../core/random.ts';

/**
 * Backend choice for balancers and smart clients. Every picker is O(1) or O(log n) per
 * request — none scans all backends — so a balancer in front of 1,000 servers costs the
 * same as one in front of 4. `healthy` is the picker's *view* (from health checks or from
 * failures seen), not the truth: a balancer keeps sending to a dead server until it notices.
 */
export interface Picker {
  /** Index of the chosen backend, or -1 when none is healthy. */
  pick(key: number, session: number): number;
  /** The choice depends on the key (callers may pass 0 otherwise: a key is drawn lazily). */
  readonly usesKey: boolean;
  /** The choice depends on the session (callers may pass 0 otherwise). */
  readonly usesSession: boolean;
  /** A request was sent to / came back from backend i (connection counting). */
  onSend(i: number): void;
  onDone(i: number): void;
  setHealthy(i: number, healthy: boolean): void;
  isHealthy(i: number): boolean;
  readonly healthyCount: number;
  /** Requests outstanding per backend, as this picker sees them. */
  readonly active: Int32Array;
}

export type Strategy =
  | 'round-robin'
  | 'weighted-round-robin'
  | 'random'
  | 'least-connections'
  | 'power-of-two'
  | 'ip-hash'
  | 'consistent-hash';

export interface PickerOptions {
  strategy: Strategy;
  /** Backend ids: the consistent-hash ring is built from them so it is stable across runs. */
  ids: readonly string[];
  weights: readonly number[];
  virtualNodes: number;
  rng: Rng;
}

export function createPicker(o: PickerOptions): Picker {
  switch (o.strategy) {
    case 'round-robin':
      return new RoundRobin(o.ids.length);
    case 'weighted-round-robin':
      return new WeightedRoundRobin(o.weights);
    case 'random':
      return new RandomPick(o.ids.length, o.rng);
    case 'least-connections':
      return new LeastConnections(o.ids.length, o.rng);
    case 'power-of-two':
      return new PowerOfTwo(o.ids.length, o.rng);
    case 'ip-hash':
      return new IpHash(o.ids.length);
    case 'consistent-hash':
      return new ConsistentHash(o.ids, o.virtualNodes);
  }
}

/** Health flags and connection counts shared by all strategies. */
abstract class BasePicker implements Picker {
  readonly active: Int32Array;
  protected readonly healthy: Uint8Array;
  healthyCount: number;
  readonly usesKey: boolean = false;
  readonly usesSession: boolean = false;

  constructor(readonly n: number) {
    this.active = new Int32Array(n);
    this.healthy = new Uint8Array(n).fill(1);
    this.healthyCount = n;
  }
  abstract pick(key: number, session: number): number;
  onSend(i: number): void {
    this.active[i] = (this.active[i] as number) + 1;
  }
  onDone(i: number): void {
    this.active[i] = (this.active[i] as number) - 1;
  }
  isHealthy(i: number): boolean {
    return this.healthy[i] === 1;
  }
  setHealthy(i: number, healthy: boolean): void {
    const v = healthy ? 1 : 0;
    if (this.healthy[i] === v) return;
    this.healthy[i] = v;
    this.healthyCount += healthy ? 1 : -1;
    this.onHealthChange(i, healthy);
  }
  protected onHealthChange(_i: number, _healthy: boolean): void {}
}

/** Takes turns; skips backends it believes are down. */
class RoundRobin extends BasePicker {
  private cursor = 0;
  pick(): number {
    if (this.healthyCount === 0) return -1;
    const n = this.n;
    for (;;) {
      const i = this.cursor;
      this.cursor = i + 1 === n ? 0 : i + 1;
      if (this.healthy[i] === 1) return i;
    }
  }
}

/**
 * Smooth weighted round-robin (as in nginx), precomputed into one cycle of length Σ weights
 * so each pick is O(1): weights 5,1,1 give a a b a c a a — spread out, not bunched.
 */
class WeightedRoundRobin extends BasePicker {
  private readonly cycle: Int32Array;
  private cursor = 0;
  constructor(weights: readonly number[]) {
    super(weights.length);
    const total = weights.reduce((a, b) => a + b, 0);
    this.cycle = new Int32Array(total);
    const current = new Float64Array(weights.length);
    for (let k = 0; k < total; k++) {
      let best = 0;
      for (let i = 0; i < weights.length; i++) {
        current[i] = (current[i] as number) + (weights[i] as number);
        if ((current[i] as number) > (current[best] as number)) best = i;
      }
      current[best] = (current[best] as number) - total;
      this.cycle[k] = best;
    }
  }
  pick(): number {
    if (this.healthyCount === 0) return -1;
    const len = this.cycle.length;
    for (;;) {
      const i = this.cycle[this.cursor] as number;
      this.cursor = this.cursor + 1 === len ? 0 : this.cursor + 1;
      if (this.healthy[i] === 1) return i;
    }
  }
}

/** A dense list of healthy backends with O(1) removal, for uniform choices. */
class HealthyList {
  readonly items: Int32Array;
  private readonly pos: Int32Array;
  length: number;
  constructor(n: number) {
    this.items = new Int32Array(n);
    this.pos = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.items[i] = i;
      this.pos[i] = i;
    }
    this.length = n;
  }
  remove(i: number): void {
    const p = this.pos[i] as number;
    const last = this.items[--this.length] as number;
    this.items[p] = last;
    this.pos[last] = p;
    this.items[this.length] = i;
    this.pos[i] = this.length;
  }
  add(i: number): void {
    const p = this.pos[i] as number;
    const first = this.items[this.length] as number;
    this.items[p] = first;
    this.pos[first] = p;
    this.items[this.length] = i;
    this.pos[i] = this.length++;
  }
}

class RandomPick extends BasePicker {
  private readonly list: HealthyList;
  constructor(
    n: number,
    private readonly rng: Rng,
  ) {
    super(n);
    this.list = new HealthyList(n);
  }
  pick(): number {
    const len = this.list.length;
    if (len === 0) return -1;
    return this.list.items[Math.floor(this.rng.next() * len)] as number;
  }
  protected override onHealthChange(i: number, healthy: boolean): void {
    healthy ? this.list.add(i) : this.list.remove(i);
  }
}

/**
 * Join-the-shortest-queue in O(1): backends are kept in buckets by their connection count,
 * with a pointer to the lowest non-empty bucket. A count changes by ±1 per event, so the
 * pointer moves by at most one step. Ties are broken at random, as the theory assumes.
 */
class LeastConnections extends BasePicker {
  private buckets: Int32Array[] = [];
  private bucketLen: number[] = [];
  private readonly pos: Int32Array;
  private min = 0;
  constructor(
    n: number,
    private readonly rng: Rng,
  ) {
    super(n);
    this.pos = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) this.insert(i);
  }
  pick(): number {
    if (this.healthyCount === 0) return -1;
    while ((this.bucketLen[this.min] ?? 0) === 0) this.min++;
    const len = this.bucketLen[this.min] as number;
    const bucket = this.buckets[this.min] as Int32Array;
    return bucket[len === 1 ? 0 : Math.floor(this.rng.next() * len)] as number;
  }
  override onSend(i: number): void {
    const inIndex = (this.pos[i] as number) >= 0;
    if (inIndex) this.extract(i);
    this.active[i] = (this.active[i] as number) + 1;
    if (inIndex) this.insert(i);
  }
  override onDone(i: number): void {
    const inIndex = (this.pos[i] as number) >= 0;
    if (inIndex) this.extract(i);
    this.active[i] = (this.active[i] as number) - 1;
    if (inIndex) this.insert(i);
  }
  protected override onHealthChange(i: number, healthy: boolean): void {
    healthy ? this.insert(i) : this.extract(i);
  }
  private insert(i: number): void {
    const c = Math.max(0, this.active[i] as number);
    while (this.buckets.length <= c) {
      this.buckets.push(new Int32Array(4));
      this.bucketLen.push(0);
    }
    let bucket = this.buckets[c] as Int32Array;
    const len = this.bucketLen[c] as number;
    if (len === bucket.length) {
      const bigger = new Int32Array(len * 2);
      bigger.set(bucket);
      this.buckets[c] = bigger;
      bucket = bigger;
    }
    bucket[len] = i;
    this.pos[i] = len;
    this.bucketLen[c] = len + 1;
    if (c < this.min) this.min = c;
  }
  private extract(i: number): void {
    const c = Math.max(0, this.active[i] as number);
    const bucket = this.buckets[c] as Int32Array;
    const len = (this.bucketLen[c] as number) - 1;
    const p = this.pos[i] as number;
    const last = bucket[len] as number;
    bucket[p] = last;
    this.pos[last] = p;
    this.bucketLen[c] = len;
    this.pos[i] = -1;
  }
}

/** Power of two choices: sample two distinct healthy backends, send to the less loaded. */
class PowerOfTwo extends BasePicker {
  private readonly list: HealthyList;
  constructor(
    n: number,
    private readonly rng: Rng,
  ) {
    super(n);
    this.list = new HealthyList(n);
  }
  pick(): number {
    const len = this.list.length;
    if (len === 0) return -1;
    const items = this.list.items;
    if (len === 1) return items[0] as number;
    const a = Math.floor(this.rng.next() * len);
    let b = Math.floor(this.rng.next() * (len - 1));
    if (b >= a) b++;
    const ia = items[a] as number;
    const ib = items[b] as number;
    const ca = this.active[ia] as number;
    const cb = this.active[ib] as number;
    if (ca !== cb) return ca < cb ? ia : ib;
    return this.rng.next() < 0.5 ? ia : ib;
  }
  protected override onHealthChange(i: number, healthy: boolean): void {
    healthy ? this.list.add(i) : this.list.remove(i);
  }
}

/** Sticky sessions: hash(session) mod n; if that backend is down, the next healthy one. */
class IpHash extends BasePicker {
  override readonly usesSession = true;
  pick(_key: number, session: number): number {
    if (this.healthyCount === 0) return -1;
    let i = mix32(session + 0x5bd1e995) % this.n;
    while (this.healthy[i] !== 1) i = i + 1 === this.n ? 0 : i + 1;
    return i;
  }
}

/**
 * A consistent-hash ring: each backend owns `virtualNodes` points; a key goes to the first
 * point clockwise of its hash. When a backend is down its keys fall to the next points —
 * only its own keys move, which is why caches keep their locality.
 */
const GUIDE_BITS = 10;
const GUIDE_SIZE = 1 << GUIDE_BITS;

/** A built ring: point hashes in order, their owners, and the guide into them. Read-only. */
interface Ring {
  hash: Uint32Array;
  owner: Int32Array;
  guide: Int32Array;
}

/**
 * Rings already built, by backend ids and points per backend: fifty servers sharding over
 * the same caches share one ring instead of fifty copies crowding the processor's caches.
 * Bounded, and pure data, so sharing changes nothing but memory.
 */
const rings = new Map<string, Ring>();

function ringOf(ids: readonly string[], virtualNodes: number): Ring {
  const name = `${virtualNodes}\u0000${ids.join('\u0000')}`;
  const known = rings.get(name);
  if (known !== undefined) return known;
  const points: Array<[number, number]> = [];
  ids.forEach((id, owner) => {
    for (let v = 0; v < virtualNodes; v++) points.push([hashString(`${id}#${v}`), owner]);
  });
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const hash = Uint32Array.from(points, (p) => p[0]);
  const owner = Int32Array.from(points, (p) => p[1]);
  // guide[g]: the first ring point at or after g · 2^22, so a look-up starts a few points
  // short of its answer instead of bisecting the whole ring.
  const guide = new Int32Array(GUIDE_SIZE + 1);
  let at = 0;
  for (let g = 0; g <= GUIDE_SIZE; g++) {
    const from = g * 2 ** (32 - GUIDE_BITS);
    while (at < hash.length && (hash[at] as number) < from) at++;
    guide[g] = at;
  }
  if (rings.size >= 64) rings.clear();
  const ring = { hash, owner, guide };
  rings.set(name, ring);
  return ring;
}

class ConsistentHash extends BasePicker {
  private readonly ringHash: Uint32Array;
  private readonly ringOwner: Int32Array;
  private readonly guide: Int32Array;
  constructor(ids: readonly string[], virtualNodes: number) {
    super(ids.length);
    const ring = ringOf(ids, virtualNodes);
    this.ringHash = ring.hash;
    this.ringOwner = ring.owner;
    this.guide = ring.guide;
  }
  override readonly usesKey = true;
  pick(key: number): number {
    if (this.healthyCount === 0) return -1;
    const h = mix32(key + 0x27d4eb2f);
    const hashes = this.ringHash;
    const len = hashes.length;
    // The first point ≥ h lies between the guide entries of h's stretch of the ring.
    const g = h >>> (32 - GUIDE_BITS);
    let lo = this.guide[g] as number;
    let hi = this.guide[g + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((hashes[mid] as number) < h) lo = mid + 1;
      else hi = mid;
    }
    for (let step = 0; step < len; step++) {
      const owner = this.ringOwner[(lo + step) % len] as number;
      if (this.healthy[owner] === 1) return owner;
    }
    return -1;
  }
}
