import { CDN_COST_PER_MONTH } from '../../scenario/components/cdn.ts';
import type { NodeOfType } from '../../scenario/document.ts';
import { Router } from '../balancing/router.ts';
import { CacheStore } from '../cache/cacheStore.ts';
import { EV } from '../core/eventKinds.ts';
import { CAUSE, type Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';

type CdnNode = NodeOfType<'cdn'>;

/**
 * A CDN: edge caches near the users in front of the origin (a balancer or web servers).
 * Every request first pays the users' round trip to their edge. A static file found in the
 * edge cache is answered there; a missing one is fetched from the origin and kept (its key
 * space is the client's static files); dynamic requests always go on to the origin. The
 * edge has no queue of its own — a CDN's capacity dwarfs one site's traffic — so its cost
 * is latency, and its gift is the origin traffic it absorbs (the offload).
 */
export class CdnModel extends NodeModel {
  router!: Router;
  store: CacheStore;
  hits = 0;
  misses = 0;
  dynamic = 0;
  toOrigin = 0;
  private evictionsAtReset = 0;
  /** Calls inside the CDN (at the edge or waiting for the origin); call.slot indexes it. */
  private readonly active: Call[] = [];

  constructor(
    sim: Simulation,
    index: number,
    readonly node: CdnNode,
  ) {
    super(sim, index, node.id, 'cdn');
    const c = node.config;
    this.hasHitRatio = true;
    this.store = new CacheStore(
      c.capacity,
      c.eviction,
      c.ttlMs,
      c.eviction === 'random' ? sim.rng(`cache:${node.id}`) : null,
    );
  }

  override init(): void {
    this.router = new Router(this, this.out, {
      strategy: 'round-robin',
      retries: 0,
      virtualNodes: 100,
      passive: { threshold: 3, ejectForMs: 5000 },
      rng: this.sim.rng(`route:${this.id}`),
    });
  }

  capacity(): number {
    return 0;
  }

  costPerMonth(): number {
    return this.node.config.costPerMonth ?? CDN_COST_PER_MONTH;
  }

  receive(call: Call): void {
    const sim = this.sim;
    if (!this.up) {
      sim.failCall(call, CAUSE.nodeDown, this.index);
      return;
    }
    this.stats.arrivals++;
    call.arrivedAt = sim.now;
    call.slot = this.active.length;
    this.active.push(call);
    const edge = this.node.config.edgeLatencyMs;
    if (edge > 0) sim.schedule(sim.now + edge, EV.wake, call.gen, call);
    else this.onWake(call);
  }

  /** The request reached the edge: answer it there, or send it on to the origin. */
  override onWake(call: Call): void {
    if (!call.alive) return;
    const req = call.req;
    if (req.isStatic) {
      this.stats.lookups++;
      if (this.store.lookup(req.key, this.sim.now) >= 0) {
        this.hits++;
        this.stats.hits++;
        this.answer(call);
        return;
      }
      this.misses++;
    } else this.dynamic++;
    this.toOrigin++;
    call.attempts = 0;
    call.lastFailed = -1;
    this.router.dispatch(call);
  }

  override onChildResponse(call: Call, child: Call): void {
    if (!call.alive) return;
    if (this.router.handleResponse(call, child)) return;
    if (!child.ok) {
      this.leave(call);
      this.sim.passFailure(call, child);
      return;
    }
    if (call.req.isStatic) this.store.insert(call.req.key, this.sim.now, false);
    this.answer(call);
  }

  private answer(call: Call): void {
    this.leave(call);
    this.stats.served++;
    this.stats.timeInNodeSum += this.sim.now - call.arrivedAt;
    this.sim.respond(call);
  }

  private leave(call: Call): void {
    const last = this.active.pop() as Call;
    if (last !== call) {
      this.active[call.slot] = last;
      last.slot = call.slot;
    }
    call.slot = -1;
  }

  override forEachHeldCall(visit: (call: Call) => void): void {
    for (const c of this.active) visit(c);
  }

  /** An edit while running rebuilt this CDN: keep the edge's files if they still fit the same way. */
  override adoptStatsOf(old: NodeModel): void {
    super.adoptStatsOf(old);
    if (!(old instanceof CdnModel)) return;
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
    for (const call of this.active.splice(0)) {
      this.router.abandon(call);
      call.alive = false;
      call.slot = -1;
      this.sim.failCall(call, CAUSE.crash, this.index);
    }
  }

  override onWindowReset(): void {
    this.hits = 0;
    this.misses = 0;
    this.dynamic = 0;
    this.toOrigin = 0;
    this.evictionsAtReset = this.store.evictions;
  }

  override extraReport(): Record<string, unknown> {
    const lookups = this.hits + this.misses;
    const all = lookups + this.dynamic;
    return {
      hitRatio: lookups > 0 ? this.hits / lookups : 0,
      hits: this.hits,
      misses: this.misses,
      staticRequests: lookups,
      dynamicRequests: this.dynamic,
      originRequests: this.toOrigin,
      /** Share of the requests reaching the CDN that the origin never saw. */
      offload: all > 0 ? 1 - this.toOrigin / all : 0,
      evictions: this.store.evictions - this.evictionsAtReset,
      size: this.store.size,
      capacityItems: this.store.capacity,
    };
  }
}
