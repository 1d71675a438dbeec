import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'horizontal-scaling',
  topic: 'horizontal-scaling',
  title: 'More servers, more capacity',
  summary:
    'One server can only answer so fast. Add identical servers behind a balancer and capacity adds up.',
  why: 'Each request holds one of a server’s workers for its service time, so a server has a ceiling: `web-1` has 4 workers at 20 ms each, at most 4 ÷ 20 ms = 200 requests per second. Horizontal scaling means adding identical servers behind a balancer: N servers, N × 200 req/s.',
  try: 'Run the start: traffic climbs from 100 to 300 req/s over 30 s. Then add a second server behind `lb` and run again.',
  notice:
    'On the latency chart, p99 stays low while there is spare capacity, then bends sharply upward as the load nears 200 req/s, at about 15 s: the queueing knee.',
  chart: 'latency',
  steps: [
    {
      id: 'run-start',
      do: 'Press Run and watch the latency chart while the traffic climbs.',
      done: 'Past 200 req/s, requests arrive faster than `web-1` can answer them, so its queue grows every second and the wait with it.',
      check: { kind: 'ran', seconds: 20 },
      chart: 'latency',
    },
    {
      id: 'add-server',
      do: 'Add a second server, `web-2`, with the same settings, and connect `lb` to it.',
      done: 'Two servers: 400 req/s of capacity for a peak of 300. Run again and watch p99.',
      check: { kind: 'nodes', match: { type: 'server', from: 'lb' }, min: 2 },
      chart: 'utilization',
      hint: 'Drag a Server from the palette, then draw an arrow from `lb` to it.',
    },
    {
      id: 'run-again',
      do: 'Run to the end and check the goal.',
      done: 'The knee has moved out of reach: each server is busy about half of the run, and three quarters of the time at the 300 req/s peak.',
      check: { kind: 'result', condition: { metric: 'p99', max: 150 } },
      chart: 'latency',
    },
  ],
  goal: {
    brief:
      'Traffic ramps from 100 to 300 req/s over 30 s, then holds for 10 s. Keep p99 under 150 ms for the whole run, without spending more than $300 a month.',
    conditions: [{ metric: 'p99', max: 150 }],
    constraints: { budgetPerMonth: 300, locked: ['web-1'] },
  },
  hints: [
    'One server answers at most workers ÷ service time = 4 ÷ 20 ms = 200 req/s, and the peak is 300.',
    'Identical servers add up: how many do you need to stay well below 100% busy at 300 req/s?',
    'The balancer costs $60 and a standard server $70 a month.',
  ],
  takeaway:
    'Capacity grows with the number of servers: N × workers ÷ service time. Latency is only good with headroom: plan for the peak, not the average.',
  facts: [
    { of: 'start', says: 'p99 of the start is over 5 seconds', condition: { metric: 'p99', min: 5000 } },
    {
      of: 'solution',
      says: 'p99 of two servers is about 105 ms',
      condition: { metric: 'p99', min: 95, max: 115 },
    },
    {
      of: 'solution',
      says: 'each of two servers is about half busy',
      condition: { metric: 'utilization', type: 'server', min: 0.45, max: 0.65 },
    },
  ],
  start,
  solution,
} satisfies LessonSource;
