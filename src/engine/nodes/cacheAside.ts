import { Router } from '../balancing/router.ts';
import type { Link } from '../core/link.ts';
import { OP } from '../core/ops.ts';
import type { Call } from '../core/request.ts';
import type { CacheModel } from './cache.ts';
import type { NodeModel } from './nodeModel.ts';

/**
 * A server's side of cache-aside, over one or more caches:
 *
 *   read:  get(key) → hit: answer from the cache
 *                   → miss: read the database (the server's other dependencies), then set(key)
 *   write: write the database, then per the cache's write policy delete(key) (invalidate),
 *          set(key) (write-through) or nothing (ttl-only)
 *
 * Several caches are sharded by key on a consistent-hash ring: the server is a smart client.
 * It learns that a cache is down only from failed operations; after `ejectAfterFailures` in a
 * row it takes the cache off the ring for a while and its keys fall to the next caches, where
 * they miss. A failed get counts as a miss — the database still answers — so a dead cache
 * costs latency and database load, not errors. Sets and deletes are sent without waiting
 * for their acknowledgement, as clients pipeline them.
 */
export class CacheAside {
  readonly router: Router;

  constructor(
    owner: NodeModel,
    readonly links: readonly Link[],
    passive: { threshold: number; ejectForMs: number },
  ) {
    this.router = new Router(owner, links, {
      strategy: 'consistent-hash',
      retries: 0,
      virtualNodes: 100,
      passive,
      rng: owner.sim.rng(`cache-route:${owner.id}`),
      op: OP.get,
    });
  }

  /** Look `call`'s key up; the answer comes back to the owner's `onChildResponse`. */
  get(call: Call): void {
    call.attempts = 0;
    call.lastFailed = -1;
    this.router.dispatch(call);
  }

  /** The get answered: book-keeping, and whether it was a hit. */
  answered(call: Call, child: Call): boolean {
    this.router.handleResponse(call, child);
    return child.ok && child.aux === 1;
  }

  /** After a miss: store the value read from the database at `readAt`. */
  fill(call: Call, readAt: number): void {
    const b = this.pick(call);
    if (b >= 0) call.node.sim.send(call, this.links[b] as Link, OP.set | OP.async, readAt);
  }

  /** After a write that committed at `at`: what the cache's write policy says. */
  wrote(call: Call, at: number): void {
    const b = this.pick(call);
    if (b < 0) return;
    const link = this.links[b] as Link;
    const sim = call.node.sim;
    switch ((link.target as CacheModel).writePolicy) {
      case 'invalidate':
        sim.send(call, link, OP.del | OP.async, at);
        break;
      case 'write-through':
        sim.send(call, link, OP.set | OP.async, at);
        break;
      case 'ttl-only':
        break;
    }
  }

  /** A set or delete was acknowledged (or failed: that counts towards ejecting the cache). */
  asyncAnswered(child: Call): void {
    if (child.ok || child.link === null) return;
    const b = this.links.indexOf(child.link);
    if (b >= 0) this.router.noteFailure(b);
  }

  private pick(call: Call): number {
    const picker = this.router.picker;
    if (picker === null) return 0;
    const req = call.req;
    return picker.pick(picker.usesKey ? req.key : 0, picker.usesSession ? req.session : 0);
  }
}
