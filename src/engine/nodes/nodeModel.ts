import type { Link } from '../core/link.ts';
import type { Call } from '../core/request.ts';
import type { Simulation } from '../simulation.ts';
import { NodeStats } from './nodeStats.ts';

export type NodeKind =
  | 'client'
  | 'loadBalancer'
  | 'server'
  | 'database'
  | 'cache'
  | 'cdn'
  | 'queue'
  | 'workerPool'
  | 'scheduler'
  | 'mapReduce';

/**
 * The run-time model of one scenario node. Subclasses say what happens when a call arrives
 * (`receive`), when one of their own downstream calls answers (`onChildResponse`), and how
 * they fail and come back.
 */
export abstract class NodeModel {
  up = true;
  /** Service-time multiplier set by a `slow` fault. */
  slow = 1;
  /** Shared with the model this one replaced in an edit while running (see reconfigure.ts). */
  stats = new NodeStats();
  /** The model this one replaced in an edit while running: it finishes its in-flight work. */
  predecessor: NodeModel | null = null;
  /** Replaced or removed by an edit: takes no new work (a client stops sending, a balancer stops probing). */
  retired = false;
  /** Deleted from the document by an edit while running. */
  removed = false;
  /** Outgoing edges in document order. */
  readonly out: Link[] = [];
  /** The node keeps a cache: its report and timeline carry a hit ratio. */
  hasHitRatio = false;

  constructor(
    readonly sim: Simulation,
    readonly index: number,
    readonly id: string,
    readonly kind: NodeKind,
  ) {}

  /** A call arrives at this node. */
  abstract receive(call: Call): void;

  /** A call this node made downstream (for `call`) has answered. */
  onChildResponse(_call: Call, _child: Call): void {}

  /** A worker finished the service time of `call`. */
  onServiceDone(_call: Call): void {}

  /** A timer this node set for `call` (event `wake`) went off. */
  onWake(_call: Call): void {}

  /** A timer this node set for itself (event `timer`) went off. */
  onTimer(_tag: number): void {}

  /** Units of capacity for utilisation (workers, connections); 0 = not a queueing node. */
  abstract capacity(): number;
  abstract costPerMonth(): number;

  /** Share of traffic under weighted round-robin. */
  weight(): number {
    return 1;
  }

  /** Called once after all links are wired. */
  init(): void {}

  fail(): void {
    this.up = false;
    // A model still draining after an edit fails with its node.
    this.predecessor?.fail();
  }

  retire(): void {
    this.retired = true;
  }

  markRemoved(): void {
    this.retired = true;
    this.removed = true;
  }

  adoptStatsOf(old: NodeModel): void {
    this.stats = old.stats;
  }

  /**
   * An edit while running rebuilt this node: it is as broken as the old one was. A failed
   * node stays down and a slowed one slow until a `restore` — changing a dead server's
   * workers does not bring it back.
   */
  adoptFaultsOf(old: NodeModel): void {
    this.up = old.up;
    this.slow = old.slow;
  }

  /** Hand over the calls still waiting for a worker (not those in service). */
  takeQueued(): Call[] {
    return [];
  }

  restore(): void {
    this.up = true;
    this.slow = 1;
  }

  /** Whether a `restore` has something to bring back (a cluster may be partly down yet up). */
  needsRestore(): boolean {
    return !this.up;
  }

  /** A `flush` event: a cache loses its contents (other nodes ignore it). */
  flush(): void {}

  /** The measured window starts (warm-up is over): reset type-specific counters. */
  onWindowReset(): void {}

  /** Every call this node holds (waiting, in service, being proxied). For audits in tests. */
  forEachHeldCall(_visit: (call: Call) => void): void {}

  /** Extra report fields of this type. */
  extraReport(_windowMs: number): Record<string, unknown> {
    return {};
  }
}
