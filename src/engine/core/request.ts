import type { NodeModel } from '../nodes/nodeModel.ts';
import type { Link } from './link.ts';

/** Turns a request's uniform draw into its key (popularity rank − 1), when first asked. */
export interface KeyOfDraw {
  rankAt(x: number): number;
}

/**
 * Start times of a simulation's pooled requests, by request number: a typed array of a few
 * thousand entries stays in the processor's caches, where a boxed number field per request
 * would be a cache miss of its own when the answer comes back.
 */
export class RequestTimes {
  start = new Float64Array(1024);

  ensure(id: number): void {
    if (id < this.start.length) return;
    const bigger = new Float64Array(2 * this.start.length);
    bigger.set(this.start);
    this.start = bigger;
  }
}

/** Why a request failed. The report counts errors by cause and by the node where they arose. */
export const causes = [
  'node-down',
  'crash',
  'queue-full',
  'timeout',
  'no-backend',
  'edge-cut',
  'no-route',
] as const;
export type Cause = (typeof causes)[number];
export const CAUSE = {
  nodeDown: 0,
  crash: 1,
  queueFull: 2,
  timeout: 3,
  noBackend: 4,
  edgeCut: 5,
  noRoute: 6,
} as const;
export const CAUSE_COUNT = causes.length;

/** Static files' keys start here, above every data key, so the two key spaces never collide. */
export const STATIC_KEY_BASE = 2 ** 30;

/** How a request ended. `job` marks a background job (see `job.ts`): not a user request at all. */
export const ENDED = { inFlight: 0, completed: 1, failed: 2, job: 3 } as const;

/**
 * One hop of a request: `node` working for its caller `parent` (null for the client's own
 * root call). Nodes keep their per-request state here, so no node needs a map from request
 * to state.
 *
 * Calls are pooled (a busy run makes millions): a call goes back to the pool once its caller
 * has handled its answer. Anything that may outlive that — a pending event, a child's
 * pointer to its parent — remembers the call's `gen` and ignores it if the number moved on.
 */
export class Call {
  // Fields in the order they are laid out in memory: the ones read first when a call comes
  // back after a long wait (its event, its answer) share the object's first cache lines.
  /** Bumped every time the call is recycled. */
  gen = 0;
  node: NodeModel;
  req: Request;
  parent: Call | null;
  /** The parent's `gen` when this call was made: a mismatch means the parent is gone. */
  parentGen = 0;
  /** False once the node failed while holding this call: later events for it are ignored. */
  alive = true;
  /** The edge the call came over: its answer travels back along it. */
  link: Link | null;
  ok = true;
  /** What this call asks of its node (see `ops.ts`); 0 for a plain request. */
  op = 0;
  /** Which backend / station this call went to (meaning depends on the node type). */
  backend = -1;
  /** Slot in the node's list of calls it holds (station in service, balancer active), or -1. */
  slot = -1;
  /** Next downstream dependency for a server; station for a database. */
  stage = 0;
  /**
   * When the call reached its node: every node sets it on arrival before reading it, so
   * `reset` leaves it be (a boxed number in its own heap cell: writes nobody reads cost cache
   * misses). Stations and balancers keep their own copy beside their lists of calls.
   */
  arrivedAt = 0;
  /** A number that travels with the op and back with the answer (meaning depends on the op). */
  aux = 0;
  attempts = 0;
  /** Backend that failed on the previous attempt; retries try another one. */
  lastFailed = -1;
  cause = 0;
  /** Node index where the failure arose. */
  origin = -1;

  constructor(req: Request, node: NodeModel, parent: Call | null, link: Link | null) {
    this.req = req;
    this.node = node;
    this.parent = parent;
    this.link = link;
    if (parent !== null) this.parentGen = parent.gen;
  }

  /** Reuse a pooled call for a new hop. */
  reset(req: Request, node: NodeModel, parent: Call | null, link: Link | null): void {
    this.req = req;
    this.node = node;
    this.parent = parent;
    this.link = link;
    this.parentGen = parent !== null ? parent.gen : 0;
    this.alive = true;
    this.backend = -1;
    this.attempts = 0;
    this.stage = 0;
    this.slot = -1;
    this.ok = true;
    this.cause = 0;
    this.origin = -1;
    this.lastFailed = -1;
    this.op = 0;
    this.aux = 0;
  }
}

/**
 * One user request, from the client's send to its answer, failure or timeout. It is also
 * the request's root call (the client's own hop), which saves an object per request.
 *
 * A client's requests are pooled too (`Simulation.newRequest`): `holds` counts the pooled
 * calls that still carry this request, and once it has ended and the last of them is
 * recycled nothing can read it any more, so it goes back to the pool. A request some call
 * never gives back is simply left to the garbage collector.
 */
export class Request extends Call {
  ended: number = ENDED.inFlight;
  /** A pooled request's number in `times` (−1: not pooled, the start is in start_). */
  private id = -1;
  private times: RequestTimes | null = null;
  private start_: number;
  /** Arrived after warm-up: counted in the statistics. */
  measured: boolean;
  /** Live pooled calls whose `req` is this request. */
  holds = 0;
  /** A client's request, which goes back to the pool when done (jobs are not pooled). */
  pooled = false;
  /** A static file (image, script): key in its own key space from STATIC_KEY_BASE up. */
  isStatic = false;
  /** Carries a background job (see the client's background job share). */
  hasJob = false;
  /** The server that took the job on (it publishes it or runs it inline), or -1. */
  jobOwner = -1;
  isRead: boolean;
  private key_: number;
  /** With key_ = -1: the 32-bit draw m (as an int32) of the uniform m / 2^32 the key comes from, and the sampler that maps it. */
  private keyDraw = 0;
  private keyOf: KeyOfDraw | null = null;
  /** The session's hash as an int32 (a small integer, stored in the object itself), and the count it is taken modulo. */
  private sessionHash: number;
  private sessionCount = 1;
  constructor(
    client: NodeModel,
    start: number,
    /** Popularity rank − 1: key 0 is the most requested. */
    key: number,
    session: number,
    isRead: boolean,
    measured: boolean,
  ) {
    super(null as unknown as Request, client, null, null);
    this.req = this;
    this.start_ = start;
    this.measured = measured;
    this.isRead = isRead;
    this.key_ = key;
    this.sessionHash = session | 0;
  }

  /** When the client sent it, ms. */
  get start(): number {
    const times = this.times;
    return times !== null ? (times.start[this.id] as number) : this.start_;
  }

  /** Make this a pooled request, number `id` in `times`. */
  pool(id: number, times: RequestTimes): void {
    this.id = id;
    this.times = times;
    this.pooled = true;
    times.ensure(id);
    times.start[id] = this.start_;
  }

  /** The user (one of the client's `sessions`) behind it; worked out only if a node asks. */
  get session(): number {
    return (this.sessionHash >>> 0) % this.sessionCount;
  }

  /** The session is `hash` mod `count` (both unsigned 32-bit integers). */
  setSession(hash: number, count: number): void {
    this.sessionHash = hash | 0;
    this.sessionCount = count;
  }

  /**
   * Popularity rank − 1: key 0 is the most requested. A client's key is drawn when the
   * request starts (the random stream moves on then, as always) but looked up in the
   * sampler's table only if something reads it: most topologies never do.
   */
  get key(): number {
    let k = this.key_;
    if (k < 0) {
      k = (this.keyOf as KeyOfDraw).rankAt((this.keyDraw >>> 0) * 2.3283064365386963e-10) - 1;
      this.key_ = k;
    }
    return k;
  }

  /**
   * The key is whatever `keyOf` makes of the uniform m / 2^32 (m a 32-bit draw, as
   * `Rng.next` makes them), worked out when first read.
   */
  setKeyDraw(m: number, keyOf: KeyOfDraw): void {
    this.key_ = -1;
    this.keyDraw = m | 0;
    this.keyOf = keyOf;
  }

  /** Reuse a pooled request for a new one (`gen` moves on, so stale events ignore it). */
  renew(
    client: NodeModel,
    start: number,
    key: number,
    session: number,
    isRead: boolean,
    measured: boolean,
  ): void {
    this.reset(this, client, null, null);
    if (this.times !== null) this.times.start[this.id] = start;
    else this.start_ = start;
    this.key_ = key;
    this.sessionHash = session | 0;
    this.sessionCount = 1;
    this.isRead = isRead;
    this.measured = measured;
    this.ended = ENDED.inFlight;
    this.isStatic = false;
    this.hasJob = false;
    this.jobOwner = -1;
    this.holds = 0;
  }
}
