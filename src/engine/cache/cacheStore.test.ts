import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/random.ts';
import { CacheStore, type Eviction } from './cacheStore.ts';
import { KeyTable } from './keyTable.ts';

/**
 * The typed-array cache against a plain, obviously-correct model (arrays scanned in full),
 * over random sequences of reads, writes, deletes and flushes on a small key universe.
 */
type Op =
  | { kind: 'get'; key: number; dt: number }
  | { kind: 'set'; key: number; dt: number }
  | { kind: 'del'; key: number; dt: number }
  | { kind: 'clear'; key: number; dt: number };

interface Entry {
  key: number;
  count: number;
  /** When it entered its place in the order the policy keeps (LRU use, FIFO insert, LFU bucket). */
  order: number;
  born: number;
}

class ModelCache {
  entries: Entry[] = [];
  evictions = 0;
  expired = 0;
  private tick = 0;
  constructor(
    readonly capacity: number,
    readonly eviction: Eviction,
    readonly ttl: number | null,
  ) {}
  private find(key: number): number {
    return this.entries.findIndex((e) => e.key === key);
  }
  lookup(key: number, now: number): boolean {
    const i = this.find(key);
    if (i < 0) return false;
    const e = this.entries[i] as Entry;
    if (this.ttl !== null && now - e.born >= this.ttl) {
      this.expired++;
      this.entries.splice(i, 1);
      return false;
    }
    if (this.eviction === 'lru') e.order = ++this.tick;
    if (this.eviction === 'lfu') {
      e.count++;
      e.order = ++this.tick;
    }
    return true;
  }
  insert(key: number, now: number): void {
    const i = this.find(key);
    if (i >= 0) {
      const e = this.entries[i] as Entry;
      e.born = now;
      if (this.eviction === 'lru') e.order = ++this.tick;
      return;
    }
    if (this.entries.length === this.capacity) {
      let v = 0;
      for (let j = 1; j < this.entries.length; j++) {
        const a = this.entries[j] as Entry;
        const b = this.entries[v] as Entry;
        const less =
          this.eviction === 'lfu'
            ? a.count < b.count || (a.count === b.count && a.order < b.order)
            : a.order < b.order;
        if (less) v = j;
      }
      this.entries.splice(v, 1);
      this.evictions++;
    }
    this.entries.push({ key, count: 1, order: ++this.tick, born: now });
  }
  remove(key: number): void {
    const i = this.find(key);
    if (i >= 0) this.entries.splice(i, 1);
  }
}

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('get', 'get', 'get', 'set', 'set', 'del', 'clear'),
  key: fc.integer({ min: 0, max: 24 }),
  dt: fc.integer({ min: 0, max: 5 }),
}) as fc.Arbitrary<Op>;

describe('CacheStore agrees with a plain model', () => {
  for (const eviction of ['lru', 'fifo', 'lfu'] as const)
    it(`${eviction}: same hits, contents and evictions`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 12 }),
          fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
          fc.array(opArb, { maxLength: 300 }),
          (capacity, ttl, ops) => {
            const store = new CacheStore(capacity, eviction, ttl, null);
            const model = new ModelCache(capacity, eviction, ttl);
            let now = 0;
            for (const op of ops) {
              now += op.dt;
              if (op.kind === 'get') expect(store.lookup(op.key, now) >= 0).toBe(model.lookup(op.key, now));
              else if (op.kind === 'set') {
                store.insert(op.key, now, false);
                model.insert(op.key, now);
              } else if (op.kind === 'del') {
                store.remove(op.key);
                model.remove(op.key);
              } else {
                store.clear();
                model.entries = [];
              }
              expect(store.size).toBe(model.entries.length);
            }
            for (let k = 0; k <= 24; k++) expect(store.has(k)).toBe(model.entries.some((e) => e.key === k));
            expect(store.evictions).toBe(model.evictions);
            expect(store.expired).toBe(model.expired);
          },
        ),
        { numRuns: 300 },
      );
    });

  it('random: holds at most capacity keys, always the one just written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(opArb, { maxLength: 300 }), (capacity, ops) => {
        const store = new CacheStore(capacity, 'random', null, new Rng(1, 'test'));
        let inserted = 0;
        for (const op of ops) {
          if (op.kind === 'set') {
            const had = store.has(op.key);
            store.insert(op.key, 0, false);
            if (!had) inserted++;
            expect(store.has(op.key)).toBe(true);
          } else if (op.kind === 'del') store.remove(op.key);
          else if (op.kind === 'get') store.lookup(op.key, 0);
          else store.clear();
          let present = 0;
          for (let k = 0; k <= 24; k++) if (store.has(k)) present++;
          expect(present).toBe(store.size);
          expect(store.size).toBeLessThanOrEqual(capacity);
        }
        expect(store.evictions).toBeLessThanOrEqual(inserted);
      }),
      { numRuns: 200 },
    );
  });

  it('stale flags: set by markStale, cleared by a fresh write', () => {
    const s = new CacheStore(4, 'lru', null, null);
    s.insert(7, 0, false);
    expect(s.markStale(7)).toBe(true);
    expect(s.isStale(s.lookup(7, 0))).toBe(true);
    s.insert(7, 1, false);
    expect(s.isStale(s.lookup(7, 1))).toBe(false);
    expect(s.markStale(8)).toBe(false);
  });
});

describe('KeyTable', () => {
  it('finds every key after many inserts and backward-shift deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200 })), { maxLength: 400 }),
        (ops) => {
          const cap = 64;
          const table = new KeyTable(cap);
          const slotOf = new Map<number, number>();
          const free = Array.from({ length: cap }, (_, i) => i);
          for (const [add, key] of ops) {
            if (add && !slotOf.has(key) && free.length > 0) {
              const slot = free.pop() as number;
              table.add(key, slot);
              slotOf.set(key, slot);
            } else if (!add && slotOf.has(key)) {
              table.remove(key);
              free.push(slotOf.get(key) as number);
              slotOf.delete(key);
            }
            for (let k = 0; k <= 200; k += 3) expect(table.get(k)).toBe(slotOf.get(k) ?? -1);
          }
          for (let k = 0; k <= 200; k++) expect(table.get(k)).toBe(slotOf.get(k) ?? -1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
