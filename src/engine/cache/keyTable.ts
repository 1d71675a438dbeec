/**
 * An open-addressing hash table from non-negative integer keys to slot numbers, in typed
 * arrays: linear probing, Fibonacci hashing, at most half full, and backward-shift deletion
 * (no tombstones, so a long run of inserts and deletes never slows it down). O(1) expected
 * per operation and no allocation after construction. The keys themselves live with the
 * caller (`keyOf(slot)`), which saves a second array.
 */
export class KeyTable {
  /** slot + 1 per position; 0 = empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(
    capacity: number,
    /** The key stored in a slot (the cache's own array). */
    private readonly keys: Int32Array,
  ) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.table = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The slot holding `key`, or -1. */
  get(key: number): number {
    const table = this.table;
    const keys = this.keys;
    const mask = this.mask;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const s = table[i] as number;
      if (s === 0) return -1;
      if (keys[s - 1] === key) return s - 1;
    }
  }

  /** Record that `slot` holds `keys[slot]`, which must not be in the table yet. */
  add(slot: number): void {
    const table = this.table;
    const mask = this.mask;
    let i = this.home(this.keys[slot] as number);
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = slot + 1;
  }

  /** Forget `slot` (which holds `keys[slot]`). */
  remove(slot: number): void {
    const table = this.table;
    const mask = this.mask;
    const keys = this.keys;
    let i = this.home(keys[slot] as number);
    while (table[i] !== slot + 1) i = (i + 1) & mask;
    // Backward shift: pull later entries of the probe run into the hole when their home
    // position allows it, so every remaining key stays reachable from its home.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const s = table[j] as number;
      if (s === 0) break;
      const k = this.home(keys[s - 1] as number);
      const between = i <= j ? i < k && k <= j : i < k || k <= j;
      if (!between) {
        table[i] = s;
        i = j;
      }
    }
    table[i] = 0;
  }

  clear(): void {
    this.table.fill(0);
  }
}
