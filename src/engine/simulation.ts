import type { Scenario, ScenarioEvent } from '../scenario/document.ts';
import { requestEdges } from '../scenario/edgeKinds.ts';
import { EV } from './core/eventKinds.ts';
import { EventQueue } from './core/eventQueue.ts';
import { Link } from './core/link.ts';
import { Rng } from './core/random.ts';
import { CAUSE, CAUSE_COUNT, Call, ENDED, Request, RequestTimes } from './core/request.ts';
import { FaultLog } from './metrics/faultLog.ts';
import { bucketOf, Histogram } from './metrics/histogram.ts';
import { buildReport, type Report } from './metrics/report.ts';
import { Timeline } from './metrics/timeline.ts';
import { CacheModel } from './nodes/cache.ts';
import { CdnModel } from './nodes/cdn.ts';
import { ClientModel } from './nodes/client.ts';
import { DatabaseModel } from './nodes/database.ts';
import { LoadBalancerModel, wireStandbyPairs } from './nodes/loadBalancer.ts';
import { MapReduceModel } from './nodes/mapReduce.ts';
import type { NodeModel } from './nodes/nodeModel.ts';
import { QueueModel } from './nodes/queue.ts';
import { SchedulerModel } from './nodes/scheduler.ts';
import { ServerModel } from './nodes/server.ts';
import { WorkerPoolModel } from './nodes/workerPool.ts';
import { type EditSummary, reconfigure } from './reconfigure.ts';

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's duration, in seconds. */
  duration?: number;
  /** Most points the per-second timeline keeps before it halves its resolution. */
  maxTimelinePoints?: number;
  /**
   * Called at the end of every simulated second, before the per-second counters reset: a
   * live view reads `secondLatency`, `secondCompleted`, `secondFailed` and the nodes' stats
   * here. It must not change the simulation.
   */
  onTick?: (sim: Simulation) => void;
}

/**
 * A seeded discrete-event simulation of individual requests through a scenario's topology.
 * It only steps: `runUntil(t)` processes every event up to simulated time t (ms). Pacing
 * against a wall clock, workers and UI belong to whoever drives it. No timers, no DOM,
 * no Math.random: the same scenario and seed give the same report, anywhere.
 */
export class Simulation {
  now = 0;
  readonly seed: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly nodes: NodeModel[] = [];
  readonly links: Link[] = [];
  readonly byId = new Map<string, NodeModel>();
  private readonly queue = new EventQueue(4096);
  /** Events processed so far. */
  events = 0;

  // Request accounting. "measured" counts only requests that arrived after warm-up.
  generated = 0;
  completed = 0;
  failed = 0;
  readonly failedByCause = new Float64Array(CAUSE_COUNT);
  readonly latency = new Histogram();
  /** Every request ever started and ended, warm-up included: for the invariant checks. */
  allGenerated = 0;
  allEnded = 0;
  /** Requests that tried to end twice. Always 0 unless the engine has a bug. */
  invariantViolations = 0;

  // The current second, for the timeline.
  readonly secondLatency = new Histogram();
  secondCompleted = 0;
  readonly secondFailed = new Float64Array(CAUSE_COUNT);
  readonly timeline: Timeline;
  readonly faults: FaultLog;
  private measuring: boolean;
  private readonly onTick: ((sim: Simulation) => void) | undefined;

  constructor(
    /** The document being simulated; an edit while running replaces it (see reconfigure). */
    public scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    this.seed = options.seed ?? scenario.seed;
    this.durationMs = (options.duration ?? scenario.duration) * 1000;
    this.warmupMs = Math.min(scenario.warmup * 1000, this.durationMs);
    this.measuring = this.warmupMs === 0;
    this.onTick = options.onTick;

    scenario.nodes.forEach((n, i) => {
      const model = createModel(this, i, n);
      this.nodes.push(model);
      this.byId.set(n.id, model);
    });
    requestEdges(scenario).forEach((e, i) => {
      const source = this.byId.get(e.source);
      const target = this.byId.get(e.target);
      if (!source || !target) throw new Error(`edge ${i} refers to a missing node`);
      const link = new Link(i, source, target, e.latencyMs);
      this.links.push(link);
      source.out.push(link);
    });
    wireStandbyPairs(this, scenario);
    this.timeline = new Timeline(this.nodes.length, options.maxTimelinePoints ?? 1800);
    this.faults = new FaultLog(this);
    for (const node of this.nodes) node.init();
    scenario.events.forEach((ev, i) => {
      if (ev.at * 1000 <= this.durationMs) this.schedule(ev.at * 1000, EV.scenario, i, scenario.events);
    });
    if (this.warmupMs > 0) this.schedule(this.warmupMs, EV.warmupEnd, 0, null);
    this.schedule(1000, EV.tick, 0, null);
  }

  /** A named, independent random stream derived from the seed. */
  rng(stream: string): Rng {
    return new Rng(this.seed, stream);
  }

  schedule(time: number, kind: number, int: number, ref: unknown): void {
    this.queue.push(time, kind, int, ref);
  }

  /** Process every event up to simulated time `untilMs` (capped at the duration). */
  runUntil(untilMs: number): void {
    const until = Math.min(untilMs, this.durationMs);
    const q = this.queue;
    let events = 0;
    while (q.size > 0 && q.peekTime() <= until) {
      const slot = q.pop();
      const time = q.timeOf(slot);
      const kind = q.kindOf(slot);
      const int = q.intOf(slot);
      const ref = q.refOf(slot);
      q.release(slot);
      // An event scheduled in the past would turn the clock back: always an engine bug, counted.
      // (Checked here, not in schedule(): a larger schedule() is no longer inlined into its callers.)
      if (time < this.now) this.invariantViolations++;
      this.now = time;
      events++;
      switch (kind) {
        case EV.arrival:
          (ref as ClientModel).onArrival(int);
          break;
        case EV.serviceDone: {
          const call = ref as Call;
          if (call.gen === int) call.node.onServiceDone(call);
          break;
        }
        case EV.wake: {
          const call = ref as Call;
          if (call.gen === int) call.node.onWake(call);
          break;
        }
        case EV.timer:
          (ref as NodeModel).onTimer(int);
          break;
        case EV.forward: {
          const call = ref as Call;
          if (call.gen === int) (call.node as LoadBalancerModel).forward(call);
          break;
        }
        case EV.deliver: {
          const call = ref as Call;
          if (call.gen !== int) break;
          const link = call.link as Link;
          if (link.cut) this.failCall(call, CAUSE.edgeCut, link.source.index);
          else call.node.receive(call);
          break;
        }
        case EV.respond: {
          const child = ref as Call;
          if (child.gen === int) this.handOver(child);
          break;
        }
        case EV.timeout: {
          const root = ref as Call;
          if (root.gen === int) (root.node as ClientModel).onTimeout(root);
          break;
        }
        case EV.healthCheck:
          (ref as LoadBalancerModel).healthCheck();
          break;
        case EV.ejectEnd:
          (ref as { unEject(b: number): void }).unEject(int);
          break;
        case EV.scenario:
          // Events of a document replaced by an edit are dropped; the new list was scheduled.
          if (ref === this.scenario.events) this.apply(this.scenario.events[int] as ScenarioEvent);
          break;
        case EV.spikeEnd:
          (ref as ClientModel).endSpike(int);
          break;
        case EV.tick:
          this.tick();
          break;
        case EV.warmupEnd:
          this.startMeasuring();
          break;
      }
    }
    this.events += events;
    if (until > this.now) this.now = until;
  }

  /** Run to the end of the scenario and return the report. */
  run(): Report {
    this.runUntil(this.durationMs);
    return this.report();
  }

  get finished(): boolean {
    return this.now >= this.durationMs;
  }

  report(): Report {
    return buildReport(this);
  }

  // ——— Moving calls between nodes ———

  /**
   * Send a new call for `parent` over `link`; it arrives after the link's latency. `op` and
   * `aux` tell the target what is asked of it (see `core/ops.ts`); 0 for a plain request.
   */
  send(parent: Call, link: Link, op = 0, aux = 0): void {
    const child = this.newCall(parent.req, link.target, parent, link);
    child.op = op;
    child.aux = aux;
    link.sent++;
    if (link.cut) {
      this.failCall(child, CAUSE.edgeCut, link.source.index);
      return;
    }
    if (link.latency > 0) this.schedule(this.now + link.latency, EV.deliver, child.gen, child);
    else link.target.receive(child);
  }

  /** `call` is done (ok or failed): its answer travels back to its caller. */
  respond(call: Call): void {
    const parent = call.parent;
    if (parent === null) return;
    const link = call.link;
    if (!call.ok && link !== null) link.failed++;
    if (link !== null && link.latency > 0) this.schedule(this.now + link.latency, EV.respond, call.gen, call);
    else this.handOver(call);
  }

  /** Give a child's answer to its caller, then recycle the child. */
  private handOver(child: Call): void {
    const parent = child.parent as Call;
    // The caller may be gone (it crashed, or its user timed out and it was recycled).
    if (parent.gen === child.parentGen) parent.node.onChildResponse(parent, child);
    this.recycle(child);
  }

  private readonly pool: Call[] = [];
  private readonly requestPool: Request[] = [];
  private readonly requestTimes = new RequestTimes();
  private requestsMade = 0;

  newCall(req: Request, node: NodeModel, parent: Call | null, link: Link | null): Call {
    req.holds++;
    const call = this.pool.pop();
    if (call === undefined) return new Call(req, node, parent, link);
    call.reset(req, node, parent, link);
    return call;
  }

  /** A client's new request (its root call), from the pool when one is free. */
  newRequest(
    client: NodeModel,
    start: number,
    key: number,
    session: number,
    isRead: boolean,
    measured: boolean,
  ): Request {
    const req = this.requestPool.pop();
    if (req === undefined) {
      const fresh = new Request(client, start, key, session, isRead, measured);
      fresh.pool(this.requestsMade++, this.requestTimes);
      return fresh;
    }
    req.renew(client, start, key, session, isRead, measured);
    return req;
  }

  /**
   * Back to the pool. Only for calls nobody will read again except through a gen check. The
   * last call of an ended request takes the request back to the pool with it.
   */
  recycle(call: Call): void {
    call.gen++;
    const req = call.req;
    if (--req.holds === 0 && req.pooled && req.ended !== ENDED.inFlight) {
      req.gen++;
      if (this.requestPool.length < 100_000) this.requestPool.push(req);
    }
    if (this.pool.length < 100_000) this.pool.push(call);
  }

  /** `call` failed with `cause`, arising at node `origin`; the failure travels back to its caller. */
  failCall(call: Call, cause: number, origin: number): void {
    call.ok = false;
    call.cause = cause;
    call.origin = origin;
    this.noteNodeFailure(origin, cause);
    this.respond(call);
  }

  /** `call` failed because its downstream `child` did: pass the same cause and origin on. */
  passFailure(call: Call, child: Call): void {
    call.ok = false;
    call.cause = child.cause;
    call.origin = child.origin;
    this.respond(call);
  }

  /** A failure that never left the node (no route, no healthy backend), as a child result. */
  failedChild(call: Call, cause: number, origin: number): Call {
    const child = this.newCall(call.req, call.node, call, null);
    child.ok = false;
    child.cause = cause;
    child.origin = origin;
    this.noteNodeFailure(origin, cause);
    return child;
  }

  private noteNodeFailure(origin: number, cause: number): void {
    const stats = (this.nodes[origin] as NodeModel).stats;
    stats.failed[cause] = (stats.failed[cause] as number) + 1;
    stats.failedTotal++;
  }

  // ——— Request accounting ———

  onGenerated(req: Request): void {
    this.allGenerated++;
    if (req.measured) this.generated++;
  }

  /**
   * The request of `root` got its answer. Returns the latency's histogram bucket, so the
   * client can record it too without working it out again.
   */
  completeRequest(root: Call): number {
    const req = root.req;
    const latency = this.now - req.start;
    const bucket = bucketOf(latency);
    if (req.ended !== ENDED.inFlight) {
      this.invariantViolations++;
      return bucket;
    }
    req.ended = ENDED.completed;
    this.allEnded++;
    this.secondLatency.recordAt(bucket, latency);
    this.secondCompleted++;
    if (req.measured) {
      this.completed++;
      this.latency.recordAt(bucket, latency);
    }
    return bucket;
  }

  failRequest(root: Call, cause: number, origin: number): void {
    const req = root.req;
    if (req.ended !== ENDED.inFlight) {
      this.invariantViolations++;
      return;
    }
    req.ended = ENDED.failed;
    this.allEnded++;
    this.secondFailed[cause] = (this.secondFailed[cause] as number) + 1;
    if (req.measured) {
      this.failed++;
      this.failedByCause[cause] = (this.failedByCause[cause] as number) + 1;
    }
    this.faults.attribute(cause, origin, req.measured);
  }

  /** A balancer or smart client stopped sending to `target`. */
  noteDetection(by: number, target: number): void {
    this.faults.detected(by, target);
  }

  // ——— Faults and edits ———

  /**
   * Edit while running: apply the next version of the document now, without restarting.
   * Returns what changed. See reconfigure.ts for what happens to requests in flight.
   */
  reconfigure(next: Scenario): EditSummary {
    return reconfigure(this, next);
  }

  /** A model for a document node (used when building and when editing while running). */
  createModel(index: number, node: Scenario['nodes'][number]): NodeModel {
    return createModel(this, index, node);
  }

  /** Adopt the edited document: its future events replace the old ones. */
  replaceScenario(next: Scenario): void {
    this.scenario = next;
    this.timeline.ensureNodes(this.nodes.length);
    next.events.forEach((ev, i) => {
      const at = ev.at * 1000;
      if (at > this.now && at <= this.durationMs) this.schedule(at, EV.scenario, i, next.events);
    });
  }

  /** Apply a fault now: from the scenario's schedule or from a user's click. */
  apply(ev: ScenarioEvent): void {
    const node = ev.node !== undefined ? this.byId.get(ev.node) : undefined;
    switch (ev.action) {
      case 'fail':
        if (node?.up) {
          this.faults.opened(ev, node);
          node.fail();
        }
        break;
      case 'restore':
        if (node) {
          if (node.needsRestore()) node.restore();
          else node.slow = 1;
          this.faults.closed(ev, node);
        }
        break;
      case 'slow':
        if (node) {
          node.slow = ev.factor ?? 2;
          this.faults.opened(ev, node);
        }
        break;
      case 'run':
        if (node instanceof MapReduceModel) {
          node.runJob();
          this.faults.opened(ev, node);
        }
        break;
      case 'flush':
        if (node) {
          node.flush();
          this.faults.opened(ev, node);
        }
        break;
      case 'spike':
        if (node instanceof ClientModel) {
          node.spike(ev.factor ?? 2, ev.for ?? 10);
          this.faults.opened(ev, node);
        }
        break;
      case 'cut':
      case 'heal': {
        const link = this.links.find((l) => l.source.id === ev.source && l.target.id === ev.target);
        if (link) {
          link.cut = ev.action === 'cut';
          this.faults.edge(ev, link);
        }
        break;
      }
    }
  }

  // ——— Time series ———

  private tick(): void {
    const now = this.now;
    for (const node of this.nodes) node.stats.advance(now);
    this.timeline.record(this, now);
    this.onTick?.(this);
    this.secondLatency.reset();
    this.secondCompleted = 0;
    this.secondFailed.fill(0);
    for (const node of this.nodes) {
      const s = node.stats;
      s.tickBusyArea = s.busyArea;
      s.tickQueueArea = s.queueArea;
      s.tickTimeInNode = s.timeInNodeSum;
      s.tickServed = s.served;
      s.tickFailed = s.failedTotal;
      s.tickHits = s.hits;
      s.tickLookups = s.lookups;
    }
    for (const link of this.links) {
      link.tickSent = link.sent;
      link.tickFailed = link.failed;
    }
    if (now + 1000 <= this.durationMs) this.schedule(now + 1000, EV.tick, 0, null);
  }

  private startMeasuring(): void {
    this.measuring = true;
    for (const node of this.nodes) {
      node.stats.resetWindow(this.now);
      node.onWindowReset();
    }
  }

  /** Length of the measured window so far, in ms. */
  windowMs(): number {
    return this.measuring ? Math.max(0, this.now - this.warmupMs) : 0;
  }

  /**
   * Audit: the requests still in flight that some node or pending event actually holds.
   * Equal to `inFlightAll` unless the engine lost a request. Slow; for tests.
   */
  auditInFlight(): number {
    const live = new Set<Request>();
    const see = (call: Call) => {
      // A dead call (its node crashed) holds nothing: the request must be alive elsewhere.
      if (call.alive && call.req.ended === ENDED.inFlight) live.add(call.req);
    };
    // Every call-carrying event passes the call's gen as its integer; a stale one is ignored.
    this.queue.forEachRef((ref, int) => {
      if (ref instanceof Call && ref.gen === int) see(ref);
    });
    for (const node of this.nodes)
      for (let m: NodeModel | null = node; m !== null; m = m.predecessor) m.forEachHeldCall(see);
    return live.size;
  }

  /** Requests started but not yet ended (warm-up included). */
  get inFlightAll(): number {
    return this.allGenerated - this.allEnded;
  }
}

function createModel(sim: Simulation, i: number, n: Scenario['nodes'][number]): NodeModel {
  switch (n.type) {
    case 'client':
      return new ClientModel(sim, i, n);
    case 'loadBalancer':
      return new LoadBalancerModel(sim, i, n);
    case 'server':
      return new ServerModel(sim, i, n);
    case 'database':
      return new DatabaseModel(sim, i, n);
    case 'cache':
      return new CacheModel(sim, i, n);
    case 'cdn':
      return new CdnModel(sim, i, n);
    case 'queue':
      return new QueueModel(sim, i, n);
    case 'workerPool':
      return new WorkerPoolModel(sim, i, n);
    case 'scheduler':
      return new SchedulerModel(sim, i, n);
    case 'mapReduce':
      return new MapReduceModel(sim, i, n);
  }
}
