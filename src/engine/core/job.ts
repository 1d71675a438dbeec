import type { NodeModel } from '../nodes/nodeModel.ts';
import { ENDED, Request } from './request.ts';

/**
 * A background job: a message in a queue, then the root call of the worker that runs it
 * (its calls to a database hang below it like a user request's). It is not a user request:
 * `ended` is `ENDED.job`, so the user-request accounting and audit never count it; queues
 * count jobs instead. A job outlives the request that published it.
 *
 * A worker that crashes gives the job back: `gen` moves on (its pending service event and
 * any answer from below are then ignored) and the job waits in the queue again.
 */
export class Job extends Request {
  /** The queue that holds it and hears when it is done. */
  queue: NodeModel & JobHome;
  /** Times it went back to the queue after a crash or a failed call. */
  redeliveries = 0;
  /** Mean time a worker spends on it, ms. */
  readonly work: number;

  constructor(
    queue: NodeModel & JobHome,
    publishedAt: number,
    work: number,
    key: number,
    measured: boolean,
    /** An analytics job reads; a background job from a request writes its result. */
    isRead = false,
  ) {
    super(queue, publishedAt, key, 0, isRead, measured);
    this.queue = queue;
    this.work = work;
    this.ended = ENDED.job;
  }
}

/** Where a job lives until it is done: its queue. */
export interface JobHome {
  /** A worker finished the job. */
  jobDone(job: Job): void;
  /** A worker lost the job (it crashed, or a call failed): back into the queue, first in line. */
  jobReturned(job: Job): void;
}
