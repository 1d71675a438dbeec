/**
 * The future event list: a min-heap ordered by (time, sequence). Ties in time are broken by
 * insertion order, which makes every run reproducible. Events' payloads live in a pool of
 * slots held in typed arrays (kind, an integer argument) plus one object reference; freed
 * slots are reused, so the steady state allocates nothing per event.
 *
 * Speed, without changing the order in which events come out:
 * - The heap is 4-ary and keeps each entry's time, sequence and slot inline in its own typed
 *   arrays, so a sift compares neighbouring numbers instead of chasing slot indices (a
 *   thousand pending service completions stay a shallow, cache-friendly heap).
 * - `head` holds the earliest event when it was pushed earlier than everything in the heap
 *   (a balancer's processing step a microsecond ahead, the next arrival in a quiet system).
 *   It comes out next without ever entering the heap; a later, earlier push moves it into
 *   the heap with its original sequence number, so the order is exactly that of one heap.
 */
export class EventQueue {
  private kinds: Uint8Array;
  private ints: Int32Array;
  private refs: unknown[];
  private free: Int32Array;
  private freeCount = 0;
  private capacity: number;
  private nextSeq = 0;

  // The heap proper: entry i is (hTime[i], hSeq[i], hSlot[i]); children of i are 4i+1 … 4i+4.
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  private n = 0;

  // The earliest event, kept out of the heap (see above); headSlot < 0 when empty.
  private headTime = 0;
  private headSeq = 0;
  private headSlot = -1;

  /** Time of the event the last pop() returned. */
  private poppedTime = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.kinds = new Uint8Array(initialCapacity);
    this.ints = new Int32Array(initialCapacity);
    this.refs = new Array(initialCapacity).fill(null);
    this.free = new Int32Array(initialCapacity);
    for (let i = 0; i < initialCapacity; i++) this.free[i] = initialCapacity - 1 - i;
    this.freeCount = initialCapacity;
    this.hTime = new Float64Array(initialCapacity);
    this.hSeq = new Float64Array(initialCapacity);
    this.hSlot = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.n + (this.headSlot >= 0 ? 1 : 0);
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.headSlot >= 0) return this.headTime;
    return this.n === 0 ? Number.POSITIVE_INFINITY : (this.hTime[0] as number);
  }

  push(time: number, kind: number, int: number, ref: unknown): void {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount] as number;
    this.kinds[slot] = kind;
    this.ints[slot] = int;
    this.refs[slot] = ref;
    const seq = this.nextSeq++;
    const head = this.headSlot;
    if (head < 0) {
      // Earlier than everything pending (a tie goes to the older event, already in the heap).
      if (this.n === 0 || time < (this.hTime[0] as number)) {
        this.headTime = time;
        this.headSeq = seq;
        this.headSlot = slot;
      } else this.siftUp(time, seq, slot);
    } else if (time < this.headTime) {
      this.siftUp(this.headTime, this.headSeq, head);
      this.headTime = time;
      this.headSeq = seq;
      this.headSlot = slot;
    } else this.siftUp(time, seq, slot);
  }

  private siftUp(time: number, seq: number, slot: number): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = hTime[parent] as number;
      if (pt < time || (pt === time && (hSeq[parent] as number) < seq)) break;
      hTime[i] = pt;
      hSeq[i] = hSeq[parent] as number;
      hSlot[i] = hSlot[parent] as number;
      i = parent;
    }
    hTime[i] = time;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  /**
   * Removes the earliest event and returns its slot. Read it with kindOf / intOf / refOf /
   * timeOf, then call release(slot) — before the next push.
   */
  pop(): number {
    const head = this.headSlot;
    if (head >= 0) {
      this.headSlot = -1;
      this.poppedTime = this.headTime;
      return head;
    }
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const top = hSlot[0] as number;
    this.poppedTime = hTime[0] as number;
    const n = --this.n;
    if (n > 0) {
      const lt = hTime[n] as number;
      const ls = hSeq[n] as number;
      const lslot = hSlot[n] as number;
      let i = 0;
      for (;;) {
        const first = 4 * i + 1;
        if (first >= n) break;
        // The smallest of up to four children.
        let c = first;
        let ct = hTime[first] as number;
        const end = Math.min(first + 4, n);
        for (let k = first + 1; k < end; k++) {
          const kt = hTime[k] as number;
          if (kt < ct || (kt === ct && (hSeq[k] as number) < (hSeq[c] as number))) {
            c = k;
            ct = kt;
          }
        }
        if (lt < ct || (lt === ct && ls < (hSeq[c] as number))) break;
        hTime[i] = ct;
        hSeq[i] = hSeq[c] as number;
        hSlot[i] = hSlot[c] as number;
        i = c;
      }
      hTime[i] = lt;
      hSeq[i] = ls;
      hSlot[i] = lslot;
    }
    return top;
  }

  /** Visit the payload object of every pending event (for audits in tests; not hot). */
  forEachRef(visit: (ref: unknown, int: number) => void): void {
    if (this.headSlot >= 0) visit(this.refs[this.headSlot], this.ints[this.headSlot] as number);
    for (let i = 0; i < this.n; i++) {
      const slot = this.hSlot[i] as number;
      visit(this.refs[slot], this.ints[slot] as number);
    }
  }

  release(slot: number): void {
    this.refs[slot] = null;
    this.free[this.freeCount++] = slot;
  }

  /** Time of the event just popped (the slot argument is kept for readability at call sites). */
  timeOf(_slot: number): number {
    return this.poppedTime;
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
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    const ints = new Int32Array(cap);
    ints.set(this.ints);
    const free = new Int32Array(cap);
    for (let i = 0; i < cap - old; i++) free[i] = cap - 1 - i;
    this.freeCount = cap - old;
    this.refs.length = cap;
    this.refs.fill(null, old);
    const hTime = new Float64Array(cap);
    hTime.set(this.hTime);
    const hSeq = new Float64Array(cap);
    hSeq.set(this.hSeq);
    const hSlot = new Int32Array(cap);
    hSlot.set(this.hSlot);
    this.kinds = kinds;
    this.ints = ints;
    this.free = free;
    this.hTime = hTime;
    this.hSeq = hSeq;
    this.hSlot = hSlot;
    this.capacity = cap;
  }
}
