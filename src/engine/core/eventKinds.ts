/** Kinds of events in the future event list. The integer and object payload depend on the kind. */
export const EV = {
  /** A client's next request. int: generation (stale arrivals after a rate change are dropped); ref: client. */
  arrival: 1,
  /** A call reaches its node after the edge latency. ref: call. */
  deliver: 2,
  /** A call's answer reaches its caller after the edge latency. ref: call (the child). */
  respond: 3,
  /** A worker finishes its service time. ref: call. */
  serviceDone: 4,
  /** A balancer finishes processing a request and forwards it. ref: call. */
  forward: 5,
  /** A balancer probes its backends. ref: balancer node. */
  healthCheck: 6,
  /** A user gives up on a request. ref: root call. */
  timeout: 7,
  /** A smart client tries an ejected backend again. int: backend; ref: router. */
  ejectEnd: 8,
  /** A scheduled scenario event. int: index into scenario.events. */
  scenario: 9,
  /** A traffic spike ends. int: spike id; ref: client. */
  spikeEnd: 10,
  /** One second of simulated time has passed: sample the time series. */
  tick: 11,
  /** Warm-up is over: start counting. */
  warmupEnd: 12,
  /** A node's own timer for a call (a CDN's edge round trip, …). int: call.gen; ref: call. */
  wake: 13,
  /** A node's own timer, not tied to a call (a scheduler's next run). int: the node's tag; ref: node. */
  timer: 14,
} as const;
