import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';
import twoBalancers from './two-balancers.ts';

export default {
  id: 'hardware-vs-software',
  topic: 'hardware-vs-software',
  title: 'The balancer is a machine too',
  summary:
    'Hardware balancers carry more and cost far more; software ones are cheap but saturate; one alone is a single point of failure.',
  why: 'A software balancer (HAProxy on a small VM) costs about $60 a month and forwards about 40,000 req/s. A hardware appliance forwards 1,000,000 but costs $2,500. And a single balancer of either kind is a single point of failure: when it dies, everything behind it is out of reach.',
  try: 'Run the start: 45,000 req/s through one software balancer, which dies at 3 s. Try the hardware kind for `lb-1`. Then try two or three software balancers instead, with `users` connected to each.',
  notice:
    'On the latency chart, p99 climbs from the first second: `lb-1` forwards 40,000 of the 45,000 req/s and its backlog grows. At 3 s the errors chart jumps: nothing gets through any more.',
  chart: 'latency',
  steps: [
    {
      id: 'watch-start',
      do: 'Run the start: watch latency, then the errors at 3 s.',
      done: 'Two problems: the balancer was saturated from the start, and when it died every request failed.',
      check: {
        kind: 'all',
        of: [
          { kind: 'fault', action: 'fail', node: 'lb-1' },
          { kind: 'ran', seconds: 4 },
        ],
      },
      chart: 'errors',
    },
    {
      id: 'second-balancer',
      do: 'Add a software balancer `lb-2`: connect `users` to it, and it to all four servers.',
      done: 'The client spreads requests over both and retries on the other when one fails. Run: no errors at 3 s now, but p99 jumps: `lb-2` alone cannot forward 45,000 req/s.',
      check: {
        kind: 'all',
        of: [
          { kind: 'edges', from: { id: 'users' }, to: { type: 'loadBalancer' }, min: 2 },
          { kind: 'edges', from: { type: 'loadBalancer' }, to: { type: 'server' }, min: 8 },
        ],
      },
      chart: 'latency',
      hint: 'Copy `lb-1` with its connections, or add a Load balancer and draw the five arrows.',
    },
    {
      id: 'third-balancer',
      do: 'Add a third one, `lb-3`, connected the same way.',
      done: 'Any two of the three forward 80,000 req/s: N + 1 for balancers, for $180 a month. One appliance costs $2,500 and is still a single point of failure.',
      check: {
        kind: 'all',
        of: [
          { kind: 'edges', from: { id: 'users' }, to: { type: 'loadBalancer' }, min: 3 },
          { kind: 'edges', from: { type: 'loadBalancer' }, to: { type: 'server' }, min: 12 },
        ],
      },
      chart: 'latency',
    },
  ],
  goal: {
    brief:
      'Users send 45,000 req/s and `lb-1` dies at 3 s. Keep the error rate under 0.1% and p99 under 150 ms, for at most $1,000 a month. The four servers stay as they are.',
    conditions: [
      { metric: 'errorRate', max: 0.001 },
      { metric: 'p99', max: 150 },
    ],
    constraints: { budgetPerMonth: 1000, locked: ['web-1', 'web-2', 'web-3', 'web-4'] },
  },
  hints: [
    'A software balancer forwards about 40,000 req/s; a hardware one 1,000,000, for $2,500 a month.',
    'A client connected to several balancers picks one per request and retries on another when one fails.',
    'When one balancer dies, can the others still forward 45,000 req/s?',
    'A standby (in the balancer’s settings: its built-in twin, or another balancer chosen as its Standby balancer) takes over after the failover time, but every request fails until it does, and two boxes cost twice as much: $5,280 a month for a hardware pair here.',
  ],
  takeaway:
    'Several cheap balancers beat one expensive one: they add up in capacity, and with one to spare the loss of any one is invisible. A single balancer, however big, is a single point of failure.',
  facts: [
    { of: 'start', says: 'p99 climbs above 300 ms', condition: { metric: 'p99', min: 300 } },
    {
      of: 'start',
      says: 'about half of all requests fail',
      condition: { metric: 'errorRate', min: 0.45, max: 0.6 },
    },
    {
      of: 'hardware',
      says: 'a hardware balancer still fails half the requests',
      condition: { metric: 'errorRate', min: 0.45 },
    },
    {
      of: 'hardware',
      says: 'with the appliance the design costs $2,780 a month',
      condition: { metric: 'costPerMonth', min: 2780, max: 2780 },
    },
    {
      of: 'hardware-pair',
      says: 'a hardware standby pair costs $5,280 a month',
      condition: { metric: 'costPerMonth', min: 5280, max: 5280 },
    },
    {
      of: 'hardware-pair',
      says: 'requests fail until the standby takes over',
      condition: { metric: 'errorRate', min: 0.05 },
    },
    { of: 'two-balancers', says: 'two balancers: no errors', condition: { metric: 'errorRate', max: 0.001 } },
    { of: 'two-balancers', says: 'two balancers: p99 jumps', condition: { metric: 'p99', min: 300 } },
    {
      of: 'solution',
      says: 'three software balancers: $460 a month in all',
      condition: { metric: 'costPerMonth', min: 460, max: 460 },
    },
  ],
  variants: {
    hardware: { from: 'start', set: [{ node: 'lb-1', path: 'profile', value: 'hardware' }] },
    'hardware-pair': {
      from: 'start',
      set: [
        { node: 'lb-1', path: 'profile', value: 'hardware' },
        { node: 'lb-1', path: 'standby', value: true },
        { node: 'lb-1', path: 'failoverMs', value: 500 },
      ],
    },
    'two-balancers': { scenario: twoBalancers },
  },
  start,
  solution,
} satisfies LessonSource;
