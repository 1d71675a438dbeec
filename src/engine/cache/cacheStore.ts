import type { Rng } from '../core/random.ts';
import { KeyTable } from './keyTable.ts';

export type Eviction = 'lru' | 'lfu' | 'fifo' | 'random';

const LRU = 0;
const FIFO = 1;
const RANDOM = 2;
const LFU = 3;
const POLICY: Record<Eviction, number> = { lru: LRU, fifo: FIFO, random: RANDOM, lfu: LFU };

/**
 * The contents of one cache: real keys in a fixed number of slots, and a real eviction
 * policy — so the hit ratio *emerges* from popularity, capacity and policy instead of being
 * a dial. Everything lives in typed arrays sized once; no operation allocates.
 *
 *  - LRU and FIFO: an intrusive doubly-linked list over the slots (head = newest). A hit
 *    moves the slot to the head under LRU and leaves it under FIFO. O(1).
 *  - RANDOM: evicts a uniformly chosen slot (the cache is full when it evicts, so every slot
 *    holds a key). O(1).
 *  - LFU (in-cache counts): the O(1) scheme of Shah, Mitra & Matani (2010) — slots hang in
 *    buckets of equal count, buckets in a list by ascending count; the victim is the least
 *    recently used slot of the lowest bucket.
 *  - TTL: an entry older than `ttlMs` is dropped when it is next looked up (lazy expiry,
 *    as Memcached does), counted as expired and as a miss.
 */
export class CacheStore {
  size = 0;
  evictions = 0;
  expired = 0;
  private readonly policy: number;
  private readonly keys: Int32Array;
  private readonly index: KeyTable;
  /** List links per slot, interleaved so one slot's pair shares a cache line: [2s] prev, [2s + 1] next. */
  private readonly link: Int32Array;
  /** Time each entry was written (for the TTL); empty without a TTL. */
  private readonly born: Float64Array;
  private readonly stale: Uint8Array;
  private readonly freeSlots: Int32Array;
  private freeTop = 0;
  private head = -1;
  private tail = -1;
  // LFU buckets (empty arrays for other policies).
  private readonly bucketOf: Int32Array;
  private readonly bFreq: Float64Array;
  private readonly bHead: Int32Array;
  private readonly bTail: Int32Array;
  private readonly bPrev: Int32Array;
  private readonly bNext: Int32Array;
  private readonly bFree: Int32Array;
  private bFreeTop = 0;
  private bFirst = -1;

  constructor(
    readonly capacity: number,
    eviction: Eviction,
    /** Entries expire this long after they were written; null = never. */
    readonly ttlMs: number | null,
    /** For random eviction only. */
    private readonly rng: Rng | null,
  ) {
    if (!(capacity >= 1)) throw new RangeError('a cache needs a capacity of at least 1');
    this.policy = POLICY[eviction];
    if (this.policy === RANDOM && rng === null) throw new Error('random eviction needs a random stream');
    this.keys = new Int32Array(capacity);
    this.index = new KeyTable(capacity);
    this.link = new Int32Array(this.policy !== RANDOM ? 2 * capacity : 0);
    this.born = new Float64Array(ttlMs !== null ? capacity : 0);
    this.stale = new Uint8Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    const lfu = this.policy === LFU;
    const nb = lfu ? capacity : 0;
    this.bucketOf = new Int32Array(nb);
    this.bFreq = new Float64Array(nb);
    this.bHead = new Int32Array(nb);
    this.bTail = new Int32Array(nb);
    this.bPrev = new Int32Array(nb);
    this.bNext = new Int32Array(nb);
    this.bFree = new Int32Array(nb);
    this.empty(true);
  }

  /** Empty the cache (a restart or a flush). O(capacity). */
  clear(): void {
    this.empty(false);
  }

  /** `fresh`: the arrays were just allocated, so they are zero already. */
  private empty(fresh: boolean): void {
    const cap = this.capacity;
    if (!fresh) this.index.clear();
    this.size = 0;
    for (let i = 0; i < cap; i++) this.freeSlots[i] = cap - 1 - i;
    this.freeTop = cap;
    this.head = -1;
    this.tail = -1;
    if (!fresh) this.stale.fill(0);
    if (this.policy === LFU) {
      for (let i = 0; i < cap; i++) this.bFree[i] = cap - 1 - i;
      this.bFreeTop = cap;
      this.bFirst = -1;
    }
  }

  /**
   * A read of `key` at time `now`: the slot holding it (a hit, which counts as a use), or -1
   * (a miss; an expired entry is dropped and counted).
   */
  lookup(key: number, now: number): number {
    const slot = this.index.get(key);
    if (slot < 0) return -1;
    if (this.ttlMs !== null && now - (this.born[slot] as number) >= this.ttlMs) {
      this.expired++;
      this.removeSlot(slot);
      return -1;
    }
    if (this.policy === LRU) this.toHead(slot);
    else if (this.policy === LFU) this.bump(slot);
    return slot;
  }

  /** Whether `key` is cached, without counting a use (for tests and reports). */
  has(key: number): boolean {
    return this.index.get(key) >= 0;
  }

  /** The entry in `slot` is older than the latest write to its key. */
  isStale(slot: number): boolean {
    return this.stale[slot] === 1;
  }

  /**
   * Write `key` (a fill after a miss, or a write-through). A new key evicts one entry when
   * the cache is full. Rewriting a cached key refreshes its TTL and staleness; under LRU it is
   * also a use.
   */
  insert(key: number, now: number, stale: boolean): void {
    let slot = this.index.get(key);
    if (slot >= 0) {
      if (this.ttlMs !== null) this.born[slot] = now;
      this.stale[slot] = stale ? 1 : 0;
      if (this.policy === LRU) this.toHead(slot);
      return;
    }
    if (this.size === this.capacity) this.evict();
    slot = this.freeSlots[--this.freeTop] as number;
    this.keys[slot] = key;
    this.index.add(key, slot);
    if (this.ttlMs !== null) this.born[slot] = now;
    this.stale[slot] = stale ? 1 : 0;
    this.size++;
    const p = this.policy;
    if (p === LRU || p === FIFO) this.pushHead(slot);
    else if (p === LFU) this.lfuAdd(slot);
  }

  /** Delete `key` (an invalidation). Returns whether it was cached. */
  remove(key: number): boolean {
    const slot = this.index.get(key);
    if (slot < 0) return false;
    this.removeSlot(slot);
    return true;
  }

  /** The database changed `key`: a cached copy is now stale. Returns whether one was cached. */
  markStale(key: number): boolean {
    const slot = this.index.get(key);
    if (slot < 0) return false;
    this.stale[slot] = 1;
    return true;
  }

  private evict(): void {
    let victim: number;
    switch (this.policy) {
      case RANDOM:
        victim = (this.rng as Rng).int(this.capacity);
        break;
      case LFU:
        victim = this.bTail[this.bFirst] as number;
        break;
      default:
        victim = this.tail;
    }
    this.evictions++;
    this.removeSlot(victim);
  }

  private removeSlot(slot: number): void {
    const p = this.policy;
    if (p === LRU || p === FIFO) this.unlink(slot);
    else if (p === LFU) this.lfuRemove(slot);
    this.index.remove(this.keys[slot] as number);
    this.stale[slot] = 0;
    this.freeSlots[this.freeTop++] = slot;
    this.size--;
  }

  // ——— the recency / insertion list (LRU, FIFO) ———

  private pushHead(slot: number): void {
    const link = this.link;
    link[2 * slot] = -1;
    link[2 * slot + 1] = this.head;
    if (this.head >= 0) link[2 * this.head] = slot;
    else this.tail = slot;
    this.head = slot;
  }

  private unlink(slot: number): void {
    const link = this.link;
    const p = link[2 * slot] as number;
    const n = link[2 * slot + 1] as number;
    if (p >= 0) link[2 * p + 1] = n;
    else this.head = n;
    if (n >= 0) link[2 * n] = p;
    else this.tail = p;
  }

  private toHead(slot: number): void {
    if (this.head === slot) return;
    this.unlink(slot);
    this.pushHead(slot);
  }

  // ——— LFU frequency buckets ———

  private newBucket(freq: number): number {
    const b = this.bFree[--this.bFreeTop] as number;
    this.bFreq[b] = freq;
    this.bHead[b] = -1;
    this.bTail[b] = -1;
    return b;
  }

  private lfuAdd(slot: number): void {
    let b = this.bFirst;
    if (b < 0 || this.bFreq[b] !== 1) {
      b = this.newBucket(1);
      this.bPrev[b] = -1;
      this.bNext[b] = this.bFirst;
      if (this.bFirst >= 0) this.bPrev[this.bFirst] = b;
      this.bFirst = b;
    }
    this.intoBucket(b, slot);
  }

  /** One more use of `slot`: move it to the bucket of count + 1. */
  private bump(slot: number): void {
    const b = this.bucketOf[slot] as number;
    const f = (this.bFreq[b] as number) + 1;
    let nb = this.bNext[b] as number;
    if (nb < 0 || this.bFreq[nb] !== f) {
      if (this.bHead[b] === slot && this.bTail[b] === slot) {
        // Alone in its bucket and no bucket for f yet: the bucket itself moves up.
        this.bFreq[b] = f;
        return;
      }
      nb = this.newBucket(f);
      this.bPrev[nb] = b;
      this.bNext[nb] = this.bNext[b] as number;
      if ((this.bNext[b] as number) >= 0) this.bPrev[this.bNext[b] as number] = nb;
      this.bNext[b] = nb;
    }
    this.outOfBucket(b, slot);
    this.intoBucket(nb, slot);
  }

  private lfuRemove(slot: number): void {
    this.outOfBucket(this.bucketOf[slot] as number, slot);
  }

  private intoBucket(b: number, slot: number): void {
    const link = this.link;
    const h = this.bHead[b] as number;
    link[2 * slot] = -1;
    link[2 * slot + 1] = h;
    if (h >= 0) link[2 * h] = slot;
    else this.bTail[b] = slot;
    this.bHead[b] = slot;
    this.bucketOf[slot] = b;
  }

  /** Take `slot` out of bucket `b`; an emptied bucket leaves the bucket list. */
  private outOfBucket(b: number, slot: number): void {
    const link = this.link;
    const p = link[2 * slot] as number;
    const n = link[2 * slot + 1] as number;
    if (p >= 0) link[2 * p + 1] = n;
    else this.bHead[b] = n;
    if (n >= 0) link[2 * n] = p;
    else this.bTail[b] = p;
    if ((this.bHead[b] as number) >= 0) return;
    const bp = this.bPrev[b] as number;
    const bn = this.bNext[b] as number;
    if (bp >= 0) this.bNext[bp] = bn;
    else this.bFirst = bn;
    if (bn >= 0) this.bPrev[bn] = bp;
    this.bFree[this.bFreeTop++] = b;
  }
}
