import { serverProfiles } from '../../scenario/components/server.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { Router } from '../balancing/router.ts';
import { OP, OP_KIND } from '../core/ops.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import type { CacheModel } from './cache.ts';
import { CacheAside } from './cacheAside.ts';
import { DatabaseModel } from './database.ts';
import { NodeModel } from './nodeModel.ts';
import { createServiceSampler } from './serviceTime.ts';
import { Station } from './station.ts';

type ServerNode = NodeOfType<'server'>;

/** `call.stage` while the server waits for its cache's answer. */
const STAGE_CACHE = -1;
/** `call.stage` while the server waits for its queue to confirm a job. */
const STAGE_PUBLISH = -2;

/**
 * An application server: wait for a worker, spend the service time, then call each
 * downstream dependency in turn (its databases, balancers, and — if it has several direct
 * server targets — one of them as a smart client), and answer when they have all answered.
 * The worker is held throughout, as in a thread-per-request server.
 *
 * With caches among its targets the server runs cache-aside (`cacheAside.ts`): a read asks
 * the cache first and skips every other dependency on a hit; on a miss it calls them and
 * then fills the cache. A write calls them and then tells the cache, per its write policy.
 * `call.aux` remembers when the data was read or written (−1: nothing to fill).
 *
 * A request with a background job is taken on by the first server it reaches. With a queue
 * among its targets, that server publishes the job after its other calls and answers once
 * the queue confirms; without one it does the job itself, holding its worker for the job
 * time too (the user waits).
 */
export class ServerModel extends NodeModel {
  station!: Station;
  private deps: Router[] = [];
  private cache: CacheAside | null = null;
  private queue: Router | null = null;
  private readonly speed: number;
  /** serviceTimeMs × speed: a plain request's mean service time. */
  private readonly meanMs: number;
  private readonly jobTimeMs: number;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: ServerNode,
  ) {
    super(sim, index, node.id, 'server');
    this.speed = serverProfiles[node.config.profile].speed;
    this.meanMs = node.config.serviceTimeMs * this.speed;
    this.jobTimeMs = node.config.jobTimeMs;
  }

  override init(): void {
    const c = this.node.config;
    this.station = new Station(
      this,
      c.workers,
      c.queueLimit,
      createServiceSampler(c.serviceDistribution, c.serviceCv, this.sim.rng(`service:${this.id}`)),
    );
    // Dependencies, called in this order: each database, each balancer, then one smart-client
    // group over all direct server targets.
    const dbs = this.out.filter((l) => l.target.kind === 'database');
    const lbs = this.out.filter((l) => l.target.kind === 'loadBalancer');
    const servers = this.out.filter((l) => l.target.kind === 'server');
    const single = {
      strategy: c.strategy,
      retries: c.retries,
      virtualNodes: 100,
      passive: null,
      rng: this.sim.rng(`route:${this.id}`),
    };
    this.deps = [...dbs, ...lbs].map((l) => new Router(this, [l], single));
    if (servers.length > 0)
      this.deps.push(
        new Router(this, servers, {
          ...single,
          passive: { threshold: c.ejectAfterFailures, ejectForMs: c.ejectForMs },
        }),
      );
    const queues = this.out.filter((l) => l.target.kind === 'queue');
    if (queues.length > 0)
      this.queue = new Router(this, queues, {
        ...single,
        strategy: 'round-robin',
        retries: 0,
        rng: this.sim.rng(`publish:${this.id}`),
        op: OP.publish,
        aux: c.jobTimeMs,
      });
    const caches = this.out.filter((l) => l.target.kind === 'cache');
    if (caches.length > 0) {
      this.cache = new CacheAside(this, caches, {
        threshold: c.ejectAfterFailures,
        ejectForMs: c.ejectForMs,
      });
      // Every database this server's data comes from tells these caches about its writes.
      for (const db of this.databasesDownstream()) for (const l of caches) db.watch(l.target as CacheModel);
    }
  }

  /** The databases reachable through this server's dependencies (other tiers included). */
  private databasesDownstream(): DatabaseModel[] {
    const found = new Set<DatabaseModel>();
    const seen = new Set<NodeModel>([this]);
    const stack: NodeModel[] = [this];
    while (stack.length > 0) {
      const node = stack.pop() as NodeModel;
      for (const l of node.out) {
        const t = l.target;
        if (seen.has(t)) continue;
        seen.add(t);
        if (t instanceof DatabaseModel) found.add(t);
        else if (t.kind === 'server' || t.kind === 'loadBalancer') stack.push(t);
      }
    }
    return [...found];
  }

  override weight(): number {
    return this.node.config.weight;
  }

  capacity(): number {
    return this.node.config.workers;
  }

  costPerMonth(): number {
    return this.node.config.costPerMonth ?? serverProfiles[this.node.config.profile].costPerMonth;
  }

  receive(call: Call): void {
    if (!this.up) {
      this.sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    if ((call.op & OP_KIND) === OP.batch) {
      // A scheduler's batch work: it holds a worker as long as it says, like any request.
      this.station.arrive(call, call.aux * this.speed);
      return;
    }
    const req = call.req;
    if (req.hasJob && req.jobOwner < 0) {
      req.jobOwner = this.index;
      if (this.queue === null) {
        this.station.arrive(call, (this.node.config.serviceTimeMs + this.jobTimeMs) * this.speed);
        return;
      }
    }
    this.station.arrive(call, this.meanMs);
  }

  /** This server took on the request's job and now fails it: a retry elsewhere may take it. */
  private dropJob(call: Call): void {
    if (call.req.jobOwner === this.index) call.req.jobOwner = -1;
  }

  override onServiceDone(call: Call): void {
    if (!call.alive) return;
    // A static file comes off the server's own disk: no cache, no database, no other tier.
    // Batch work is all in the worker's time.
    if (call.req.isStatic || (call.op & OP_KIND) === OP.batch) {
      this.finish(call);
      return;
    }
    call.aux = -1;
    if (this.cache !== null && call.req.isRead) {
      call.stage = STAGE_CACHE;
      this.cache.get(call);
      return;
    }
    call.stage = 0;
    this.next(call);
  }

  private next(call: Call): void {
    const dep = this.deps[call.stage];
    if (dep === undefined) {
      this.afterDependencies(call);
      return;
    }
    call.attempts = 0;
    call.lastFailed = -1;
    dep.dispatch(call);
  }

  override onChildResponse(call: Call, child: Call): void {
    if ((child.op & OP.async) !== 0) {
      this.cache?.asyncAnswered(child);
      return;
    }
    if (!call.alive) return;
    if (call.stage === STAGE_PUBLISH) {
      const queue = this.queue as Router;
      if (queue.handleResponse(call, child)) return;
      if (child.ok) this.finish(call);
      else {
        this.station.release(call);
        this.dropJob(call);
        this.sim.passFailure(call, child);
      }
      return;
    }
    if (call.stage === STAGE_CACHE) {
      // A hit skips the other dependencies; a miss (or a failed cache) calls them, then fills.
      const hit = (this.cache as CacheAside).answered(call, child);
      call.aux = hit ? -1 : this.sim.now;
      call.stage = hit ? this.deps.length : 0;
      this.next(call);
      return;
    }
    const dep = this.deps[call.stage] as Router;
    if (dep.handleResponse(call, child)) return;
    if (child.ok) {
      // When the first dependency (the database, usually) read or wrote the data.
      if (call.stage === 0 && this.cache !== null) call.aux = this.sim.now - (child.link?.latency ?? 0);
      call.stage++;
      this.next(call);
      return;
    }
    this.station.release(call);
    this.dropJob(call);
    this.sim.passFailure(call, child);
  }

  private afterDependencies(call: Call): void {
    const cache = this.cache;
    if (cache !== null) {
      if (!call.req.isRead) cache.wrote(call, call.aux >= 0 ? call.aux : this.sim.now);
      else if (call.aux >= 0) cache.fill(call, call.aux);
    }
    if (this.queue !== null && call.req.jobOwner === this.index) {
      call.stage = STAGE_PUBLISH;
      call.attempts = 0;
      call.lastFailed = -1;
      this.queue.dispatch(call);
      return;
    }
    this.finish(call);
  }

  private finish(call: Call): void {
    const stats = this.stats;
    stats.served++;
    stats.timeInNodeSum += this.sim.now - this.station.arrivedAtOf(call);
    this.station.release(call);
    this.sim.respond(call);
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    this.station.forEachCall(visit);
  }

  override takeQueued(): Call[] {
    this.stats.advance(this.sim.now);
    const waiting = this.station.queue.drain();
    this.stats.queued -= waiting.length;
    return waiting;
  }

  override fail(): void {
    super.fail();
    // Calls still queued have stage 0 and no backend: abandon() is a no-op for them.
    for (const call of this.station.crash()) {
      this.deps[call.stage]?.abandon(call);
      this.dropJob(call);
      call.alive = false;
      this.sim.failCall(call, CAUSE.crash, this.index);
    }
  }
}
