/**
 * The future event list: a binary min-heap ordered by (time, sequence). Ties in time are
 * broken by insertion order, which makes every run reproducible. Events live in a pool of
 * slots held in typed arrays (time, sequence, kind, an integer argument) plus one object
 * reference; freed slots are reused, so the steady state allocates nothing per event.
 */
export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kinds: Uint8Array;
  private ints: Int32Array;
  private refs: unknown[];
  private heap: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private size_ = 0;
  private capacity: number;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.kinds = new Uint8Array(initialCapacity);
    this.ints = new Int32Array(initialCapacity);
    this.refs = new Array(initialCapacity).fill(null);
    this.heap = new Int32Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
    for (let i = 0; i < initialCapacity; i++) this.free[i] = initialCapacity - 1 - i;
    this.freeCount = initialCapacity;
  }

  get size(): number {
    return this.size_;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size_ === 0 ? Number.POSITIVE_INFINITY : (this.time[this.heap[0] as number] as number);
  }

  push(time: number, kind: number, int: number, ref: unknown): void {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount] as number;
    this.time[slot] = time;
    this.seq[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.ints[slot] = int;
    this.refs[slot] = ref;
    // sift up
    const heap = this.heap;
    const times = this.time;
    const seqs = this.seq;
    const s = this.seq[slot] as number;
    let i = this.size_++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      const pt = times[p] as number;
      if (pt < time || (pt === time && (seqs[p] as number) < s)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = slot;
  }

  /**
   * Removes the earliest event and returns its slot. Read it with kindOf / intOf / refOf /
   * timeOf, then call release(slot) — before the next push.
   */
  pop(): number {
    const heap = this.heap;
    const top = heap[0] as number;
    const last = heap[--this.size_] as number;
    const n = this.size_;
    if (n > 0) {
      const times = this.time;
      const seqs = this.seq;
      const lt = times[last] as number;
      const ls = seqs[last] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        let c = heap[child] as number;
        let ct = times[c] as number;
        const right = child + 1;
        if (right < n) {
          const r = heap[right] as number;
          const rt = times[r] as number;
          if (rt < ct || (rt === ct && (seqs[r] as number) < (seqs[c] as number))) {
            child = right;
            c = r;
            ct = rt;
          }
        }
        if (lt < ct || (lt === ct && ls < (seqs[c] as number))) break;
        heap[i] = c;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  /** Visit the payload object of every pending event (for audits in tests; not hot). */
  forEachRef(visit: (ref: unknown, int: number) => void): void {
    for (let i = 0; i < this.size_; i++) {
      const slot = this.heap[i] as number;
      visit(this.refs[slot], this.ints[slot] as number);
    }
  }

  release(slot: number): void {
    this.refs[slot] = null;
    this.free[this.freeCount++] = slot;
  }

  timeOf(slot: number): number {
    return this.time[slot] as number;
  }
  kindOf(slot: number): number {
    return this.kinds[slot] as number;
  }
  intOf(slot: number): number {
    return this.ints[slot] as number;
  }
  refOf(slot: number): unknown {
    return this.refs[slot];
  }

  private grow(): void {
    const old = this.capacity;
    const cap = old * 2;
    const time = new Float64Array(cap);
    time.set(this.time);
    const seq = new Float64Array(cap);
    seq.set(this.seq);
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    const ints = new Int32Array(cap);
    ints.set(this.ints);
    const heap = new Int32Array(cap);
    heap.set(this.heap);
    const free = new Int32Array(cap);
    for (let i = 0; i < cap - old; i++) free[i] = cap - 1 - i;
    this.freeCount = cap - old;
    this.refs.length = cap;
    this.refs.fill(null, old);
    this.time = time;
    this.seq = seq;
    this.kinds = kinds;
    this.ints = ints;
    this.heap = heap;
    this.free = free;
    this.capacity = cap;
  }
}
