/**
 * Second yardsticks: the benchmark's own topologies written as bare loops, as tight as the
 * bare M/M/c loop (typed arrays, a binary heap of times, xoshiro128** inline, nothing
 * allocated per event) and doing strictly less than the engine: no calls, no statistics
 * beyond a latency sum, no failures, no health checks, no per-second timeline.
 *
 * They answer a question the M/M/4 yardstick cannot: how fast can *any* simulator of these
 * topologies go on this machine? A thousand servers with nine requests each in flight, or a
 * million-key cache, do not fit in the processor's caches the way four workers do, so even
 * the bare loop slows down — the ceiling is memory, not the engine.
 */

/** xoshiro128**: 32-bit outputs; `next()` maps one to (0, 1]. */
function xoshiro(seed: number) {
  let s0 = 0x9e3779b9 ^ seed;
  let s1 = 0x243f6a88;
  let s2 = 0xb7e15162;
  let s3 = 0x12345678 ^ Math.imul(seed, 7);
  const u32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r;
  };
  return { u32, next: (): number => (u32() + 1) * 2.3283064365386963e-10 };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A min-heap of events by time: (time, kind, a number, a second number). Ties in time do
 * not occur with continuous draws, so no sequence numbers.
 */
class BareHeap {
  private readonly t: Float64Array;
  private readonly k: Int32Array;
  private readonly a: Float64Array;
  private readonly b: Int32Array;
  n = 0;
  time = 0;
  kind = 0;
  numA = 0;
  numB = 0;

  constructor(capacity: number) {
    this.t = new Float64Array(capacity);
    this.k = new Int32Array(capacity);
    this.a = new Float64Array(capacity);
    this.b = new Int32Array(capacity);
  }

  push(time: number, kind: number, a: number, b: number): void {
    const { t, k } = this;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((t[parent] as number) <= time) break;
      t[i] = t[parent] as number;
      k[i] = k[parent] as number;
      this.a[i] = this.a[parent] as number;
      this.b[i] = this.b[parent] as number;
      i = parent;
    }
    t[i] = time;
    k[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }

  /** Takes the earliest event into time / kind / numA / numB. */
  pop(): void {
    const { t, k, a, b } = this;
    this.time = t[0] as number;
    this.kind = k[0] as number;
    this.numA = a[0] as number;
    this.numB = b[0] as number;
    const n = --this.n;
    const lt = t[n] as number;
    const lk = k[n] as number;
    const la = a[n] as number;
    const lb = b[n] as number;
    let i = 0;
    for (;;) {
      let ch = 2 * i + 1;
      if (ch >= n) break;
      if (ch + 1 < n && (t[ch + 1] as number) < (t[ch] as number)) ch++;
      if (lt <= (t[ch] as number)) break;
      t[i] = t[ch] as number;
      k[i] = k[ch] as number;
      a[i] = a[ch] as number;
      b[i] = b[ch] as number;
      i = ch;
    }
    t[i] = lt;
    k[i] = lk;
    a[i] = la;
    b[i] = lb;
  }
}

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

/**
 * Walker's alias table for Zipf(s) over n keys, as 32-bit (threshold, alias) pairs side by
 * side — the engine's layout, so a draw reads one cache line.
 */
function zipfAlias(n: number, s: number): Uint32Array {
  const p = new Float64Array(n);
  let z = 0;
  for (let i = 0; i < n; i++) z += p[i] = (i + 1) ** -s;
  for (let i = 0; i < n; i++) p[i] = ((p[i] as number) * n) / z;
  const table = new Uint32Array(2 * n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) ((p[i] as number) < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const a = small.pop() as number;
    const b = large[large.length - 1] as number;
    table[2 * a] = Math.min(2 ** 32 - 1, Math.ceil((p[a] as number) * 2 ** 32));
    table[2 * a + 1] = b;
    p[b] = (p[b] as number) + (p[a] as number) - 1;
    if ((p[b] as number) < 1) small.push(large.pop() as number);
  }
  for (const i of [...small, ...large]) {
    table[2 * i] = 2 ** 32 - 1;
    table[2 * i + 1] = i;
  }
  return table;
}

/** An LRU cache of integer keys: open-addressing index and an intrusive list, in typed arrays. */
class BareLru {
  private readonly index: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  private readonly keys: Int32Array;
  private readonly link: Int32Array;
  private size = 0;
  private head = -1;
  private tail = -1;

  constructor(private readonly capacity: number) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.index = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
    this.keys = new Int32Array(capacity);
    this.link = new Int32Array(2 * capacity);
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private find(key: number): number {
    const t = this.index;
    for (let i = this.home(key); ; i = (i + 1) & this.mask) {
      const s = t[2 * i + 1] as number;
      if (s === 0) return -1;
      if (t[2 * i] === key) return s - 1;
    }
  }

  /** A read: true on a hit (which moves the key to the front). */
  get(key: number): boolean {
    const slot = this.find(key);
    if (slot < 0) return false;
    if (this.head !== slot) {
      this.unlink(slot);
      this.pushHead(slot);
    }
    return true;
  }

  /** A fill after a miss; evicts the least recently used key when full. */
  set(key: number): void {
    if (this.find(key) >= 0) return;
    let slot: number;
    if (this.size === this.capacity) {
      slot = this.tail;
      this.unlink(slot);
      this.forget(this.keys[slot] as number);
    } else slot = this.size++;
    this.keys[slot] = key;
    const t = this.index;
    let i = this.home(key);
    while (t[2 * i + 1] !== 0) i = (i + 1) & this.mask;
    t[2 * i] = key;
    t[2 * i + 1] = slot + 1;
    this.pushHead(slot);
  }

  private forget(key: number): void {
    const t = this.index;
    const mask = this.mask;
    let i = this.home(key);
    while (t[2 * i] !== key || t[2 * i + 1] === 0) i = (i + 1) & mask;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const s = t[2 * j + 1] as number;
      if (s === 0) break;
      const h = this.home(t[2 * j] as number);
      if (i <= j ? !(i < h && h <= j) : !(i < h || h <= j)) {
        t[2 * i] = t[2 * j] as number;
        t[2 * i + 1] = s;
        i = j;
      }
    }
    t[2 * i + 1] = 0;
  }

  private unlink(slot: number): void {
    const l = this.link;
    const p = l[2 * slot] as number;
    const n = l[2 * slot + 1] as number;
    if (p >= 0) l[2 * p + 1] = n;
    else this.head = n;
    if (n >= 0) l[2 * n] = p;
    else this.tail = p;
  }

  private pushHead(slot: number): void {
    const l = this.link;
    l[2 * slot] = -1;
    l[2 * slot + 1] = this.head;
    if (this.head >= 0) l[2 * this.head] = slot;
    else this.tail = slot;
    this.head = slot;
  }
}

let cachedAlias: { n: number; s: number; table: Uint32Array } | null = null;

/**
 * The cache-heavy benchmark as a bare loop: 100 requests per ms over `keys` keys with Zipf
 * popularity → a server step (1 ms; at 3% load the engine's servers never queue, so no
 * queue here) → a get on one of `caches` LRU caches chosen by key hash (0.2 ms) → on a miss
 * a database read (5 ms, no queue: 6% load) and a fill. The alias table is built once per
 * process and not timed. Returns the hit ratio and the events processed.
 */
export function bareCacheHeavy(
  customers: number,
  keys = 1_000_000,
  caches = 4,
  capacity = 100_000,
  seed = 1,
): { hitRatio: number; events: number } {
  if (cachedAlias === null || cachedAlias.n !== keys)
    cachedAlias = { n: keys, s: 1, table: zipfAlias(keys, 1) };
  const table = cachedAlias.table;
  const rng = xoshiro(seed);
  const stores = Array.from({ length: caches }, () => new BareLru(capacity));
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
        const m = rng.u32();
        const column = Math.floor(m * keys * 2.3283064365386963e-10);
        const r = Math.imul(m, keys) >>> 0;
        const key = r < (table[2 * column] as number) ? column : (table[2 * column + 1] as number);
        heap.push(now - Math.log(rng.next()), SERVED, now, key);
        break;
      }
      case SERVED:
        heap.push(now - Math.log(rng.next()) * 0.2, GOT, heap.numA, heap.numB);
        break;
      case GOT: {
        const key = heap.numB;
        if ((stores[(Math.imul(key, 0x85ebca6b) >>> 0) % caches] as BareLru).get(key)) {
          hits++;
          done++;
        } else heap.push(now - Math.log(rng.next()) * 5, READ, heap.numA, key);
        break;
      }
      case READ:
        (stores[(Math.imul(heap.numB, 0x85ebca6b) >>> 0) % caches] as BareLru).set(heap.numB);
        done++;
        break;
    }
  }
  return { hitRatio: hits / done, events };
}
