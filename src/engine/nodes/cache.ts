import { CACHE_COST_PER_MONTH } from '../../scenario/components/cache.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { CacheStore } from '../cache/cacheStore.ts';
import { OP, OP_KIND } from '../core/ops.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';
import { createServiceSampler } from './serviceTime.ts';
import { Station } from './station.ts';

type CacheNode = NodeOfType<'cache'>;

/** Size of the table of recent database writes (per cache), for the fill-after-write race. */
const RECENT_BITS = 12;

/**
 * An in-memory cache node (Memcached, Redis): a pool of threads with a queue, like a server,
 * in front of a `CacheStore` holding real keys. Each get, set or delete waits for a thread,
 * takes the operation time, then runs against the store. Servers use it cache-aside (see
 * `cacheAside.ts`); the cache itself never calls anything.
 *
 * Staleness: the databases a server reaches tell its caches about every committed write
 * (`noteWrite`), which marks a cached copy stale; a read that hits a stale copy is counted.
 * A fill whose value was read before a write to the same key committed (the classic
 * cache-aside race) is stored stale too, detected through a small table of recent writes.
 *
 * A cache that fails loses everything it held: after `restore` it starts empty.
 */
export class CacheModel extends NodeModel {
  station!: Station;
  store: CacheStore;
  hits = 0;
  misses = 0;
  staleReads = 0;
  sets = 0;
  deletes = 0;
  private evictionsAtReset = 0;
  private expiredAtReset = 0;
  private readonly recentKey = new Int32Array(1 << RECENT_BITS).fill(-1);
  private readonly recentAt = new Float64Array(1 << RECENT_BITS);

  constructor(
    sim: Simulation,
    index: number,
    readonly node: CacheNode,
  ) {
    super(sim, index, node.id, 'cache');
    const c = node.config;
    this.hasHitRatio = true;
    this.store = new CacheStore(
      c.capacity,
      c.eviction,
      c.ttlMs,
      c.eviction === 'random' ? sim.rng(`cache:${node.id}`) : null,
    );
  }

  get writePolicy(): CacheNode['config']['writePolicy'] {
    return this.node.config.writePolicy;
  }

  override init(): void {
    const c = this.node.config;
    this.station = new Station(
      this,
      c.workers,
      c.queueLimit,
      createServiceSampler(c.serviceDistribution, c.serviceCv, this.sim.rng(`service:${this.id}`)),
    );
  }

  capacity(): number {
    return this.node.config.workers;
  }

  costPerMonth(): number {
    return this.node.config.costPerMonth ?? CACHE_COST_PER_MONTH;
  }

  receive(call: Call): void {
    if (!this.up) {
      this.sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    this.station.arrive(call, this.node.config.hitTimeMs);
  }

  override onServiceDone(call: Call): void {
    if (!call.alive) return;
    const sim = this.sim;
    const now = sim.now;
    const key = call.req.key;
    const store = this.store;
    const stats = this.stats;
    switch (call.op & OP_KIND) {
      case OP.get: {
        stats.lookups++;
        const slot = store.lookup(key, now);
        if (slot >= 0) {
          this.hits++;
          stats.hits++;
          if (store.isStale(slot)) this.staleReads++;
          call.aux = 1;
        } else {
          this.misses++;
          call.aux = 0;
        }
        break;
      }
      case OP.set:
        this.sets++;
        store.insert(key, now, this.writtenSince(key, call.aux));
        break;
      case OP.del:
        this.deletes++;
        store.remove(key);
        break;
    }
    stats.served++;
    stats.timeInNodeSum += now - this.station.arrivedAtOf(call);
    this.station.release(call);
    sim.respond(call);
  }

  /** A database committed a write to `key` at `at`: a cached copy is stale from now on. */
  noteWrite(key: number, at: number): void {
    this.store.markStale(key);
    const h = Math.imul(key, 0x9e3779b1) >>> (32 - RECENT_BITS);
    this.recentKey[h] = key;
    this.recentAt[h] = at;
  }

  /** Was `key` written after `t` (as far as the recent-writes table remembers)? */
  private writtenSince(key: number, t: number): boolean {
    const h = Math.imul(key, 0x9e3779b1) >>> (32 - RECENT_BITS);
    return this.recentKey[h] === key && (this.recentAt[h] as number) > t;
  }

  /** An edit while running rebuilt this cache: keep its contents if they still fit the same way. */
  override adoptStatsOf(old: NodeModel): void {
    super.adoptStatsOf(old);
    if (!(old instanceof CacheModel)) return;
    const a = old.node.config;
    const b = this.node.config;
    if (a.capacity === b.capacity && a.eviction === b.eviction && a.ttlMs === b.ttlMs && old.up)
      this.store = old.store;
  }

  override flush(): void {
    this.store.clear();
  }

  override fail(): void {
    super.fail();
    this.store.clear();
    for (const call of this.station.crash()) {
      call.alive = false;
      this.sim.failCall(call, CAUSE.crash, this.index);
    }
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    this.station.forEachCall(visit);
  }

  override onWindowReset(): void {
    this.hits = 0;
    this.misses = 0;
    this.staleReads = 0;
    this.sets = 0;
    this.deletes = 0;
    this.evictionsAtReset = this.store.evictions;
    this.expiredAtReset = this.store.expired;
  }

  override extraReport(): Record<string, unknown> {
    const lookups = this.hits + this.misses;
    return {
      hitRatio: lookups > 0 ? this.hits / lookups : 0,
      hits: this.hits,
      misses: this.misses,
      staleReads: this.staleReads,
      sets: this.sets,
      deletes: this.deletes,
      evictions: this.store.evictions - this.evictionsAtReset,
      expired: this.store.expired - this.expiredAtReset,
      size: this.store.size,
      capacityItems: this.store.capacity,
      eviction: this.node.config.eviction,
      writePolicy: this.node.config.writePolicy,
    };
  }
}
