import type { NodeOfType } from '../../scenario/document.ts';
import { Router } from '../balancing/router.ts';
import { EV } from '../core/eventKinds.ts';
import { hashString, mix32, type Rng } from '../core/random.ts';
import { CAUSE, type Call, STATIC_KEY_BASE } from '../core/request.ts';
import { createZipfSampler, ZipfAliasSampler } from '../core/zipf.ts';
import { Histogram } from '../metrics/histogram.ts';
import type { Simulation } from '../simulation.ts';
import { NodeModel } from './nodeModel.ts';
import { createRateFunction, type RateFunction } from './traffic.ts';

type ClientNode = NodeOfType<'client'>;

/**
 * Users: a Poisson (or evenly spaced) stream of requests whose rate follows the traffic
 * pattern. Each request carries a key drawn from a Zipf popularity law, a session, and
 * read/write. With several outgoing edges the client is a smart client and balances itself.
 *
 * Time-varying rates use thinning (Lewis & Shedler 1979): candidates arrive at the peak rate
 * λmax and each is kept with probability λ(t)/λmax — exact for any rate function.
 */
export class ClientModel extends NodeModel {
  router!: Router;
  private readonly arrivalsRng: Rng;
  private readonly requestRng: Rng;
  private readonly zipf: { sample(rng: Rng): number };
  /** Latency of this client's answered requests (measured ones): users in one place see it. */
  private readonly latency = new Histogram();
  /** Static files: their own draws, so traffic without them keeps every number it had. */
  private readonly staticRng: Rng | null;
  private readonly staticZipf: { sample(rng: Rng): number } | null;
  /** Which requests carry a background job: their own draws, like static files. */
  private readonly jobRng: Rng | null;
  private readonly sessionSalt: number;
  private readonly sessions: number;
  private sent = 0;
  private readonly rate: RateFunction;
  private spikeFactor = 1;
  private spikeId = 0;
  private lambdaMax = 0;
  /** Bumped when the rate changes: pending arrivals drawn for the old rate are dropped. */
  private generation = 0;
  private constantRate: boolean;
  /** The pending deterministic arrival is only a look at whether the rate became positive. */
  private nextIsProbe = false;

  constructor(
    sim: Simulation,
    index: number,
    readonly node: ClientNode,
  ) {
    super(sim, index, node.id, 'client');
    const c = node.config;
    this.arrivalsRng = sim.rng(`arrivals:${this.id}`);
    this.requestRng = sim.rng(`requests:${this.id}`);
    const withStatic = node.config.staticRatio > 0;
    this.staticRng = withStatic ? sim.rng(`static:${this.id}`) : null;
    this.staticZipf = withStatic ? createZipfSampler(node.config.staticKeys, node.config.zipf) : null;
    this.jobRng = node.config.asyncRatio > 0 ? sim.rng(`jobs:${this.id}`) : null;
    this.zipf = createZipfSampler(c.keys, c.zipf);
    this.sessionSalt = mix32(sim.seed ^ hashString(node.id));
    this.sessions = c.sessions >>> 0;
    this.rate = createRateFunction(c.rps, c.pattern);
    this.constantRate = c.pattern.type === 'constant';
  }

  override init(): void {
    const c = this.node.config;
    this.router = new Router(this, this.out, {
      strategy: c.strategy,
      retries: c.retries,
      virtualNodes: 100,
      passive: { threshold: c.ejectAfterFailures, ejectForMs: c.ejectForMs },
      rng: this.sim.rng(`route:${this.id}`),
    });
    // From now: a client rebuilt by an edit while running starts its stream where the run is,
    // rather than replaying every arrival since time 0 in an instant.
    this.reschedule(this.sim.now);
  }

  capacity(): number {
    return 0;
  }

  costPerMonth(): number {
    return 0;
  }

  receive(call: Call): void {
    // Nothing sends requests to a client (the restore funnel refuses such edges).
    this.sim.failCall(call, CAUSE.noRoute, this.index);
  }

  /** Draw the next arrival after `from` at the current peak rate. */
  private reschedule(from: number): void {
    this.lambdaMax = this.rate.max * this.spikeFactor;
    if (this.lambdaMax <= 0) return;
    if (this.node.config.arrival === 'deterministic') {
      // A metronome whose tempo follows the current rate: no randomness, no thinning. While
      // the rate is zero it looks again every 10 ms (a probe, not a request).
      const lambda = this.rate.at(from / 1000) * this.spikeFactor;
      this.nextIsProbe = lambda <= 0;
      this.sim.schedule(from + (lambda > 0 ? 1000 / lambda : 10), EV.arrival, this.generation, this);
      return;
    }
    this.sim.schedule(from + this.arrivalsRng.exp(1000 / this.lambdaMax), EV.arrival, this.generation, this);
  }

  onArrival(generation: number): void {
    if (generation !== this.generation || this.retired) return;
    const sim = this.sim;
    const now = sim.now;
    const probe = this.nextIsProbe;
    this.reschedule(now);
    if (probe) return;
    // Thinning (Poisson arrivals): keep this candidate with probability λ(t)/λmax.
    if (!this.constantRate && this.node.config.arrival === 'poisson') {
      const lambda = this.rate.at(now / 1000) * this.spikeFactor;
      if (this.arrivalsRng.next() * this.lambdaMax >= lambda) return;
    }
    if (!this.up) return;
    const c = this.node.config;
    const rng = this.requestRng;
    const sr = this.staticRng;
    const isStatic = sr !== null && sr.next() < c.staticRatio;
    const zipf = this.zipf;
    // An alias-table key is one uniform draw; its table look-up waits until a node asks.
    const lazy = !isStatic && zipf instanceof ZipfAliasSampler;
    const keyDraw = lazy ? rng.nextUint32() : 0; // what rng.next() would make m / 2^32 of
    const key = isStatic
      ? STATIC_KEY_BASE + (this.staticZipf as { sample(rng: Rng): number }).sample(sr) - 1
      : lazy
        ? 0
        : zipf.sample(rng) - 1;
    const isRead = isStatic || c.readRatio >= 1 ? true : rng.next() < c.readRatio;
    const root = sim.newRequest(this, now, key, 0, isRead, now >= sim.warmupMs);
    // The user session is a hash of the request's number: uniform over sessions, and free
    // when nothing (no ip-hash balancer) looks at it — the remainder waits until one does.
    root.setSession(mix32((this.sent++ + this.sessionSalt) | 0), this.sessions);
    if (lazy) root.setKeyDraw(keyDraw, zipf);
    root.isStatic = isStatic;
    if (!isStatic && this.jobRng !== null) root.hasJob = this.jobRng.next() < c.asyncRatio;
    sim.onGenerated(root);
    this.stats.arrivals++;
    if (c.timeoutMs !== null) sim.schedule(now + c.timeoutMs, EV.timeout, root.gen, root);
    this.router.dispatch(root);
  }

  override onChildResponse(root: Call, child: Call): void {
    if (root.req.ended !== 0) {
      // Timed out already: the late answer only tells the smart client it was slow.
      if (this.router.picker !== null && root.backend >= 0 && child.link !== null)
        this.router.picker.onDone(root.backend);
      return;
    }
    if (this.router.handleResponse(root, child)) return;
    if (child.ok) {
      this.stats.served++;
      const req = root.req;
      const ms = this.sim.now - req.start;
      this.stats.timeInNodeSum += ms;
      const bucket = this.sim.completeRequest(root);
      if (req.measured) this.latency.recordAt(bucket, ms);
    } else this.sim.failRequest(root, child.cause, child.origin);
  }

  /** The user gave up. A smart client counts it against the backend it chose. */
  onTimeout(root: Call): void {
    if (root.req.ended !== 0) return;
    if (root.backend >= 0) this.router.noteFailure(root.backend);
    this.sim.failRequest(root, CAUSE.timeout, this.index);
  }

  /** Traffic × factor for `forS` seconds. */
  spike(factor: number, forS: number): void {
    this.spikeFactor = factor;
    this.spikeId++;
    this.generation++;
    this.reschedule(this.sim.now);
    this.sim.schedule(this.sim.now + forS * 1000, EV.spikeEnd, this.spikeId, this);
  }

  endSpike(id: number): void {
    if (id !== this.spikeId) return;
    this.spikeFactor = 1;
    this.generation++;
    this.reschedule(this.sim.now);
  }

  override extraReport(): Record<string, unknown> {
    const [p50, p95, p99] = this.latency.quantiles([0.5, 0.95, 0.99]) as number[];
    return { latencyMs: { mean: this.latency.mean(), p50, p95, p99 } };
  }

  override restore(): void {
    super.restore();
  }
}
