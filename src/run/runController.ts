import type { RunSnapshot } from '../exercises/checks.ts';
import type { Scenario, ScenarioEvent } from '../scenario/index.ts';
import type { WhySnapshot } from '../why/snapshot.ts';
import { type Frame, type Layout, LIVE_NODE_COLUMNS, LN } from './frameFormat.ts';
import type { ApplyResult, LiveFault } from './liveFault.ts';
import type { Speed } from './pacing.ts';
import type { RunApi } from './runApi.ts';
import type { ReconfigureResult } from './runHost.ts';
import { type EdgeLive, initialRunState, type NodeLive, type RunStore, sameRecord } from './runStore.ts';
import { runSettingsChanged, simulationChanged } from './scenarioDiff.ts';
import { Series } from './series.ts';

/** The run API as seen from the page: every call is a message, so every answer a promise. */
export type RunPort = {
  [K in keyof RunApi]: (...args: Parameters<RunApi[K]>) => Promise<ReturnType<RunApi[K]>>;
};

/** A worker running the API (or, in tests, the API in the same thread). */
export interface RunWorker {
  api: RunPort;
  terminate(): void;
  /** Called when the worker itself dies (a script error, out of memory). */
  onCrash(listener: (message: string) => void): void;
}

/** Where the scenario comes from: the editor's document, without its undo machinery. */
export interface DocumentSource {
  get(): Scenario;
  subscribe(listener: (doc: Scenario) => void): () => void;
}

export interface FrameClock {
  request(fn: () => void): number;
  cancel(id: number): void;
  /** Wall time, ms. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RunControllerDeps {
  createWorker(): RunWorker;
  docs: DocumentSource;
  store: RunStore;
  clock: FrameClock;
}

const WHY_EVERY_MS = 1000;
const LIVE_EVERY_MS = 250;
const EDIT_DEBOUNCE_MS = 150;

/**
 * The page side of a live run: starts the worker, sends commands, pulls at most one frame per
 * animation frame (a pull model: the worker never floods the page), folds frames into the run
 * store and the series, follows document edits, and turns worker failures into a message with
 * a Restart. The main thread never simulates.
 */
export class RunController {
  readonly series = new Series();
  private worker: RunWorker | null = null;
  private readonly layouts = new Map<number, Layout>();
  /** The document the worker is running (null before the first Run or after an error). */
  private loaded: Scenario | null = null;
  private raf = 0;
  private pulling = false;
  private whyWanted = 0;
  private whyInFlight = false;
  private lastWhy = Number.NEGATIVE_INFINITY;
  private editTimer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  /** Bumped when the worker is replaced: answers from an old one are ignored. */
  private generation = 0;
  private disposed = false;
  private lastLive: Float32Array = new Float32Array(0);
  private lastLiveAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: RunControllerDeps) {}

  /**
   * Start following the document; the returned function stops it and ends the worker. (A
   * React effect calls this, so a remount — StrictMode's, say — detaches and attaches again.)
   */
  attach(): () => void {
    this.disposed = false;
    this.unsubscribe?.();
    this.unsubscribe = this.deps.docs.subscribe((doc) => this.onDocument(doc));
    return () => this.dispose();
  }

  get store(): RunStore {
    return this.deps.store;
  }

  /** The editor's document now (experiments start from it). */
  get document(): Scenario {
    return this.deps.docs.get();
  }

  /** Follow the editor's document (for views outside the editor, such as experiments). */
  readonly subscribeDocument = (listener: () => void): (() => void) => this.deps.docs.subscribe(listener);

  // ——— Commands ———

  /** Run, or pause a running run: the one Run/Pause button. */
  toggle(): Promise<void> {
    return this.store.getState().status === 'running' ? this.pause() : this.run();
  }

  async run(): Promise<void> {
    const status = this.store.getState().status;
    if (status === 'running') return;
    if (status === 'idle' || status === 'error' || status === 'finished' || this.loaded === null) {
      if (!(await this.load())) return;
    }
    await this.call((api) => api.play());
    this.store.setState({ status: 'running', message: null });
    this.pump();
  }

  async pause(): Promise<void> {
    if (this.store.getState().status !== 'running') return;
    await this.call((api) => api.pause());
    await this.pullNow();
  }

  /** One simulated second, then pause. */
  async step(): Promise<void> {
    const status = this.store.getState().status;
    if (status === 'idle' || status === 'error' || this.loaded === null) {
      if (!(await this.load())) return;
    }
    await this.call((api) => api.step());
    await this.pullNow();
    this.requestWhy(true);
  }

  /** Back to time 0 with the current document and its seed: the same run again. */
  async reset(): Promise<void> {
    const wasRunning = this.store.getState().status === 'running';
    if (!(await this.load())) return;
    if (wasRunning) await this.run();
  }

  /** What the run has seen so far, for a lesson's guided steps (null before a run). */
  async seen(): Promise<RunSnapshot | null> {
    if (!this.worker || this.loaded === null) return null;
    return this.call((api) => api.seen());
  }

  async setSpeed(speed: Speed): Promise<void> {
    this.store.setState({ speed });
    if (this.worker) await this.call((api) => api.setSpeed(speed));
  }

  async applyFault(fault: LiveFault): Promise<ApplyResult> {
    if (!this.worker || this.loaded === null)
      return { ok: false, reason: 'Press Run first: faults apply to a running simulation.' };
    const r = await this.call((api) => api.apply(fault));
    if (!r) return { ok: false, reason: 'The simulation is not answering.' };
    this.store.setState(r.ok ? { lastFault: r, message: null } : { message: r.reason });
    await this.pullNow();
    this.requestWhy(true);
    return r;
  }

  /** The last clicked fault as a scheduled event, for "keep it in the scenario" (once). */
  takeLastFault(): ScenarioEvent | null {
    const event = this.store.getState().lastFault?.event ?? null;
    this.store.setState({ lastFault: null });
    return event;
  }

  /** After an error: a fresh worker and the current document, at time 0. */
  async restart(): Promise<void> {
    this.dropWorker();
    await this.load();
  }

  /** The Why panel is on screen: keep its snapshot fresh. Returns the undo. */
  watchWhy(): () => void {
    this.whyWanted++;
    this.requestWhy(true);
    return () => {
      this.whyWanted--;
    };
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.dropWorker();
    this.store.setState({ ...initialRunState, speed: this.store.getState().speed });
    this.series.clear();
    if (this.editTimer !== null) this.deps.clock.clearTimeout(this.editTimer);
  }

  // ——— Internals ———

  private ensureWorker(): RunWorker {
    if (this.worker) return this.worker;
    const worker = this.deps.createWorker();
    const generation = ++this.generation;
    worker.onCrash((message) => {
      if (generation === this.generation) this.fail(message);
    });
    this.worker = worker;
    void worker.api.setSpeed(this.store.getState().speed);
    return worker;
  }

  private dropWorker(): void {
    this.generation++;
    this.worker?.terminate();
    this.worker = null;
    this.loaded = null;
    this.pulling = false;
    if (this.raf) this.deps.clock.cancel(this.raf);
    this.raf = 0;
  }

  /** Load the current document at time 0, paused. */
  private async load(): Promise<boolean> {
    const doc = this.deps.docs.get();
    const worker = this.ensureWorker();
    const generation = this.generation;
    this.series.clear();
    this.layouts.clear();
    this.store.setState({
      ...initialRunState,
      speed: this.store.getState().speed,
      seriesVersion: this.series.version,
    });
    let r: Awaited<ReturnType<RunPort['load']>>;
    try {
      r = await worker.api.load(doc);
    } catch (e) {
      this.fail(messageOf(e));
      return false;
    }
    if (generation !== this.generation) return false;
    if (!r.ok) {
      this.store.setState({ status: 'error', error: `This scenario cannot run: ${r.reason}` });
      return false;
    }
    this.loaded = doc;
    const liveEdits = (await this.call((api) => api.canReconfigure())) ?? false;
    this.store.setState({ liveEdits });
    await this.pullNow(true);
    return true;
  }

  /** Call the worker; a rejected call (the API threw) becomes the error message. */
  private async call<T>(fn: (api: RunPort) => Promise<T>): Promise<T | null> {
    const worker = this.worker;
    if (!worker) return null;
    const generation = this.generation;
    try {
      const value = await fn(worker.api);
      return generation === this.generation ? value : null;
    } catch (e) {
      if (generation === this.generation) this.fail(messageOf(e));
      return null;
    }
  }

  private fail(message: string): void {
    const text = /untouched/.test(message)
      ? message
      : `The simulation stopped: ${message}. Your scenario is untouched.`;
    this.store.setState({ status: 'error', error: text });
    this.loaded = null;
  }

  /** Pull one frame now (after a command), outside the animation loop. */
  private async pullNow(force = false): Promise<void> {
    const frame = await this.call((api) => api.pull(force));
    if (frame) this.applyFrame(frame);
  }

  /** One pull per animation frame while running; at most one in flight. */
  private pump(): void {
    if (this.raf || this.disposed) return;
    this.raf = this.deps.clock.request(() => {
      this.raf = 0;
      if (!this.worker || this.store.getState().status !== 'running') return;
      if (!this.pulling) {
        this.pulling = true;
        const generation = this.generation;
        this.call((api) => api.pull()).then((frame) => {
          if (generation !== this.generation) return;
          this.pulling = false;
          if (frame) this.applyFrame(frame);
        });
      }
      this.pump();
    });
  }

  private applyFrame(frame: Frame): void {
    const store = this.store;
    const before = store.getState();
    for (const l of frame.layouts) this.layouts.set(l.id, l);
    let rows = 0;
    for (const b of frame.blocks) {
      const layout = this.layouts.get(b.layout);
      if (!layout) continue;
      this.series.append(b, layout);
      rows += b.rows;
    }
    const layout = this.layouts.get(frame.layout);
    const next: Partial<typeof before> = {
      status: frame.status,
      clockMs: frame.nowMs,
      durationMs: frame.durationMs,
      achievedSpeed: frame.achievedSpeed,
      lagging: frame.lagging,
    };
    // Node records change with a new second, when a node goes down or up, and otherwise (queues
    // move all the time under load) at most four times a second: a number that changes sixty
    // times a second cannot be read anyway, and thirty nodes re-rendering per frame add up.
    const wall = this.deps.clock.now();
    const upMoved = !sameUp(frame.liveNodes, this.lastLive);
    const liveDue = wall - this.lastLiveAt >= LIVE_EVERY_MS && !sameNumbers(frame.liveNodes, this.lastLive);
    if (
      layout &&
      (rows > 0 || frame.layouts.length > 0 || upMoved || liveDue || frame.status !== before.status)
    ) {
      this.lastLive = frame.liveNodes;
      this.lastLiveAt = wall;
      const nodes = liveNodes(layout, frame, this.series, before.nodes);
      if (nodes !== before.nodes) next.nodes = nodes;
      if (rows > 0 || frame.layouts.length > 0) {
        const edges = liveEdges(layout, frame, this.series, before.edges);
        if (edges !== before.edges) next.edges = edges;
      }
    }
    if (rows > 0 || frame.layouts.length > 0) next.seriesVersion = this.series.version;
    if (frame.markers.length > 0) next.markers = [...before.markers, ...frame.markers];
    if (frame.error) {
      next.error = frame.error;
      next.status = 'error';
      this.loaded = null;
    }
    store.setState(next);
    if (frame.status !== before.status && frame.status !== 'running') this.requestWhy(true);
    else this.requestWhy(false);
  }

  private requestWhy(now: boolean): void {
    if (this.whyWanted <= 0 || this.whyInFlight || !this.worker || this.loaded === null) return;
    const wall = this.deps.clock.now();
    if (!now && wall - this.lastWhy < WHY_EVERY_MS) return;
    this.whyInFlight = true;
    this.lastWhy = wall;
    void this.call((api) => api.why()).then((why: WhySnapshot | null) => {
      this.whyInFlight = false;
      if (why) this.store.setState({ why });
    });
  }

  private onDocument(edited: Scenario): void {
    const loaded = this.loaded;
    if (!loaded) return;
    const { status, liveEdits, clockMs } = this.store.getState();
    // The seed, the length of the run and the warm-up shape a whole run: they wait for Reset,
    // while every other edit still applies now.
    const settings = runSettingsChanged(loaded, edited);
    if (settings && status !== 'idle' && status !== 'error')
      this.store.setState({
        stale: true,
        message: 'Seed, duration and warm-up apply to a whole run: press Reset to run with them.',
      });
    const doc = withRunSettingsOf(edited, loaded);
    // A fault kept as a scheduled event at a time already past changes nothing in this run.
    if (!simulationChanged(loaded, doc, clockMs)) {
      this.loaded = doc;
      return;
    }
    if (status === 'idle' || status === 'error') return;
    if (!liveEdits) {
      this.store.setState({
        stale: true,
        message: 'The run goes on with the scenario as it was: press Reset to run your edits.',
      });
      return;
    }
    if (this.editTimer !== null) this.deps.clock.clearTimeout(this.editTimer);
    this.editTimer = this.deps.clock.setTimeout(() => {
      this.editTimer = null;
      void this.reconfigure();
    }, EDIT_DEBOUNCE_MS);
  }

  private async reconfigure(): Promise<ReconfigureResult | null> {
    const loaded = this.loaded;
    if (!loaded) return null;
    const doc = withRunSettingsOf(this.deps.docs.get(), loaded);
    const r = await this.call((api) => api.reconfigure(doc));
    if (!r) return null;
    if (r.ok) {
      this.loaded = doc;
      this.store.setState({ message: `Applied at ${r.atS.toFixed(1)} s: ${r.label}.` });
    } else this.store.setState({ message: r.reason });
    await this.pullNow();
    return r;
  }
}

/** The edited document with the running simulation's seed, duration and warm-up. */
function withRunSettingsOf(doc: Scenario, running: Scenario): Scenario {
  if (!runSettingsChanged(running, doc)) return doc;
  return { ...doc, seed: running.seed, duration: running.duration, warmup: running.warmup };
}

/** Same up/down state of every node (the first live column). */
function sameUp(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = LN.up; i < a.length; i += LNC) if (a[i] !== b[i]) return false;
  return true;
}

function sameNumbers(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return 'the worker failed';
}

const LNC = LIVE_NODE_COLUMNS.length;

/** Each node's live record; unchanged records (and the map, if none changed) are kept. */
function liveNodes(
  layout: Layout,
  frame: Frame,
  series: Series,
  prev: Readonly<Record<string, NodeLive>>,
): Readonly<Record<string, NodeLive>> {
  const last = series.length - 1;
  let changed = Object.keys(prev).length !== layout.nodeIds.length;
  const out: Record<string, NodeLive> = {};
  layout.nodeIds.forEach((id, k) => {
    const s = series.nodes.get(id);
    const util = last >= 0 && s ? (s.cols.util[last] as number) : Number.NaN;
    const hit = last >= 0 && s ? (s.cols.hitRatio[last] as number) : Number.NaN;
    const failed = last >= 0 && s ? (s.cols.failed[last] as number) : 0;
    const record: NodeLive = {
      up: frame.liveNodes[k * LNC + LN.up] === 1,
      util: Number.isFinite(util) ? Math.round(util * 100) / 100 : (prev[id]?.util ?? null),
      queued: Math.round(frame.liveNodes[k * LNC + LN.queued] as number),
      hitRatio: Number.isFinite(hit) ? Math.round(hit * 100) / 100 : null,
      failed: Number.isFinite(failed) ? Math.round(failed) : 0,
    };
    const old = prev[id];
    if (old && sameRecord(old, record)) out[id] = old;
    else {
      out[id] = record;
      changed = true;
    }
  });
  return changed ? out : prev;
}

function liveEdges(
  layout: Layout,
  frame: Frame,
  series: Series,
  prev: Readonly<Record<string, EdgeLive>>,
): Readonly<Record<string, EdgeLive>> {
  const last = series.length - 1;
  let changed = Object.keys(prev).length !== layout.linkKeys.length;
  const out: Record<string, EdgeLive> = {};
  layout.linkKeys.forEach((key, i) => {
    const s = series.links.get(key);
    const sent = last >= 0 && s ? (s.cols.sent[last] as number) : 0;
    const failed = last >= 0 && s ? (s.cols.failed[last] as number) : 0;
    const record: EdgeLive = {
      rate: Number.isFinite(sent) ? roundRate(sent) : 0,
      failed: Number.isFinite(failed) ? roundRate(failed) : 0,
      cut: frame.liveLinks[i] === 1,
    };
    const old = prev[key];
    if (old && sameRecord(old, record)) out[key] = old;
    else {
      out[key] = record;
      changed = true;
    }
  });
  return changed ? out : prev;
}

/** Two significant figures: an edge's look changes only when its traffic really does. */
function roundRate(v: number): number {
  if (v <= 0) return 0;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
  return Math.round(v / p) * p;
}
