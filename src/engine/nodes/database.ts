import { databaseProfiles } from '../../scenario/components/database.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { CacheStore } from '../cache/cacheStore.ts';
import { OP, OP_KIND } from '../core/ops.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';
import { createServiceSampler } from './serviceTime.ts';
import { Station } from './station.ts';

type DatabaseNode = NodeOfType<'database'>;

/**
 * A database: a primary with `connections` concurrent queries and a queue, plus read
 * replicas with the same. Writes go to the primary; reads take turns over the replicas
 * (or the primary when there are none).
 *
 * With a row cache, each copy (primary and replicas) keeps its own cache of rows: a read
 * whose row is cached takes the cached read time instead of the read time, and fills the
 * cache on a miss; a write updates the row in every copy (replication). Whether a read hits
 * is decided when it arrives, since it sets how long the query takes.
 */
export class DatabaseModel extends NodeModel {
  private stations: Station[] = [];
  private nextReplica = 0;
  private readonly speed: number;
  reads = 0;
  writes = 0;
  rowHits = 0;
  rowMisses = 0;
  batchQueries = 0;
  /** One row cache per copy (primary first), or none. */
  private rowCaches: CacheStore[] = [];
  /** Caches in front of this database (cache-aside, in some server): told about every write. */
  private readonly watchers: Array<{ noteWrite(key: number, at: number): void }> = [];

  constructor(
    sim: Simulation,
    index: number,
    readonly node: DatabaseNode,
  ) {
    super(sim, index, node.id, 'database');
    this.speed = databaseProfiles[node.config.profile].speed;
  }

  override init(): void {
    const c = this.node.config;
    const rng = this.sim.rng(`service:${this.id}`);
    const sampler = createServiceSampler(c.serviceDistribution, c.serviceCv, rng);
    for (let i = 0; i <= c.readReplicas; i++)
      this.stations.push(new Station(this, c.connections, c.queueLimit, sampler));
    const rc = c.rowCache;
    if (rc.capacity > 0) {
      this.hasHitRatio = true;
      if (this.adoptedRows !== null) {
        this.rowCaches = this.adoptedRows;
        return;
      }
      for (let i = 0; i <= c.readReplicas; i++)
        this.rowCaches.push(
          new CacheStore(
            rc.capacity,
            rc.eviction,
            null,
            rc.eviction === 'random' ? this.sim.rng(`rowcache:${this.id}:${i}`) : null,
          ),
        );
    }
  }

  /** Row caches of the model this one replaced in an edit while running, when they still fit. */
  private adoptedRows: CacheStore[] | null = null;

  /** An edit while running rebuilt this database: the rows in memory stay if nothing about them changed. */
  override adoptStatsOf(old: NodeModel): void {
    super.adoptStatsOf(old);
    if (!(old instanceof DatabaseModel)) return;
    const a = old.node.config;
    const b = this.node.config;
    if (
      old.up &&
      a.readReplicas === b.readReplicas &&
      JSON.stringify(a.rowCache) === JSON.stringify(b.rowCache) &&
      old.rowCaches.length > 0
    )
      this.adoptedRows = old.rowCaches;
    for (const w of old.watchers) this.watch(w);
  }

  /** A cache that holds copies of this database's rows: it hears of every committed write. */
  watch(cache: { noteWrite(key: number, at: number): void }): void {
    if (!this.watchers.includes(cache)) this.watchers.push(cache);
  }

  capacity(): number {
    return this.node.config.connections * (1 + this.node.config.readReplicas);
  }

  costPerMonth(): number {
    const one = this.node.config.costPerMonth ?? databaseProfiles[this.node.config.profile].costPerMonth;
    return one * (1 + this.node.config.readReplicas);
  }

  receive(call: Call): void {
    if (!this.up) {
      this.sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    const c = this.node.config;
    const isRead = call.req.isRead;
    let station = 0;
    if (isRead) {
      this.reads++;
      if (c.readReplicas > 0) {
        station = 1 + this.nextReplica;
        this.nextReplica = (this.nextReplica + 1) % c.readReplicas;
      }
    } else this.writes++;
    call.stage = station;
    if ((call.op & OP_KIND) === OP.batch) {
      // A scheduler's heavy query (analytics): as long as it says, past any row cache.
      this.batchQueries++;
      const work = call.aux;
      call.aux = 2;
      (this.stations[station] as Station).arrive(call, work * this.speed);
      return;
    }
    // Storage speed applies to work that touches the disk; a row-cache hit is served from memory.
    let mean = (isRead ? c.readTimeMs : c.writeTimeMs) * this.speed;
    const rows = this.rowCaches[station];
    call.aux = 0;
    if (isRead && rows !== undefined) {
      this.stats.lookups++;
      if (rows.lookup(call.req.key, this.sim.now) >= 0) {
        this.rowHits++;
        this.stats.hits++;
        mean = c.rowCache.hitTimeMs;
        call.aux = 1;
      } else this.rowMisses++;
    }
    (this.stations[station] as Station).arrive(call, mean);
  }

  override onServiceDone(call: Call): void {
    if (!call.alive) return;
    const now = this.sim.now;
    const key = call.req.key;
    // A read that missed the row cache brought its row into memory.
    if (call.req.isRead) {
      if (call.aux === 0) this.rowCaches[call.stage]?.insert(key, now, false);
    } else {
      for (const rows of this.rowCaches) rows.insert(key, now, false);
      for (const w of this.watchers) w.noteWrite(key, now);
    }
    const stats = this.stats;
    stats.served++;
    const station = this.stations[call.stage] as Station;
    stats.timeInNodeSum += this.sim.now - station.arrivedAtOf(call);
    station.release(call);
    this.sim.respond(call);
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    for (const s of this.stations) s.forEachCall(visit);
  }

  override flush(): void {
    for (const rows of this.rowCaches) rows.clear();
  }

  override takeQueued(): Call[] {
    this.stats.advance(this.sim.now);
    const waiting = this.stations.flatMap((s) => s.queue.drain());
    this.stats.queued -= waiting.length;
    return waiting;
  }

  override fail(): void {
    super.fail();
    // Memory is lost with the process; the data on disk is not.
    this.flush();
    for (const s of this.stations)
      for (const call of s.crash()) {
        call.alive = false;
        this.sim.failCall(call, CAUSE.crash, this.index);
      }
  }

  override onWindowReset(): void {
    this.reads = 0;
    this.writes = 0;
    this.rowHits = 0;
    this.rowMisses = 0;
    this.batchQueries = 0;
  }

  override extraReport(): Record<string, unknown> {
    const out: Record<string, unknown> = { reads: this.reads, writes: this.writes };
    if (this.batchQueries > 0) out.batchQueries = this.batchQueries;
    if (this.rowCaches.length > 0) {
      const lookups = this.rowHits + this.rowMisses;
      out.rowCache = {
        hitRatio: lookups > 0 ? this.rowHits / lookups : 0,
        hits: this.rowHits,
        misses: this.rowMisses,
        size: this.rowCaches.reduce((a, r) => a + r.size, 0),
        evictions: this.rowCaches.reduce((a, r) => a + r.evictions, 0),
      };
    }
    return out;
  }
}
