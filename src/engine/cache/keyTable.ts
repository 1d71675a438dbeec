/**
 * An open-addressing hash table from non-negative integer keys to slot numbers, in one typed
 * array of (key, slot + 1) pairs: linear probing, Fibonacci hashing, at most half full, and
 * backward-shift deletion (no tombstones, so a long run of inserts and deletes never slows it
 * down). A look-up touches one pair — usually one cache line — which matters when the table
 * is larger than the processor's caches. O(1) expected per operation; no allocation after
 * construction.
 */
export class KeyTable {
  /** Pairs: [2i] = key, [2i + 1] = slot + 1 (0 = empty). */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.table = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The slot holding `key`, or -1. */
  get(key: number): number {
    const table = this.table;
    const mask = this.mask;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const s = table[2 * i + 1] as number;
      if (s === 0) return -1;
      if (table[2 * i] === key) return s - 1;
    }
  }

  /** Record that `slot` holds `key`, which must not be in the table yet. */
  add(key: number, slot: number): void {
    const table = this.table;
    const mask = this.mask;
    let i = this.home(key);
    while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
    table[2 * i] = key;
    table[2 * i + 1] = slot + 1;
  }

  /** Forget `key` (which must be in the table). */
  remove(key: number): void {
    const table = this.table;
    const mask = this.mask;
    let i = this.home(key);
    while (table[2 * i] !== key || table[2 * i + 1] === 0) i = (i + 1) & mask;
    // Backward shift: pull later entries of the probe run into the hole when their home
    // position allows it, so every remaining key stays reachable from its home.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const s = table[2 * j + 1] as number;
      if (s === 0) break;
      const k = this.home(table[2 * j] as number);
      const between = i <= j ? i < k && k <= j : i < k || k <= j;
      if (!between) {
        table[2 * i] = table[2 * j] as number;
        table[2 * i + 1] = s;
        i = j;
      }
    }
    table[2 * i + 1] = 0;
  }

  clear(): void {
    this.table.fill(0);
  }
}
