/**
 * What a call asks of its node, for nodes that do more than one thing (a cache gets, sets
 * and deletes). Plain requests carry `OP.none`. `OP.async` marks a call its caller does not
 * wait for (a cache fill after a miss): the answer only updates the caller's bookkeeping.
 */
export const OP = {
  none: 0,
  /** Cache read; the cache answers with `aux` = 1 on a hit, 0 on a miss. */
  get: 1,
  /** Cache write; `aux` = the time the value was read from the database. */
  set: 2,
  /** Cache delete (invalidation after a write). */
  del: 3,
  /** Publish a background job to a queue; `aux` = the job's work in ms. */
  publish: 4,
  /**
   * Batch work from a scheduler: a server or database spends `aux` ms on it instead of its
   * usual service time (a server then answers without calling anything).
   */
  batch: 5,
  /** Run a map-reduce job; `aux` = its input in MB. */
  mapReduce: 6,
  /** Flag: fire and forget. */
  async: 16,
} as const;

/** The operation without its flags. */
export const OP_KIND = 15;
