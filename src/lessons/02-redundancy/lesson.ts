import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'redundancy',
  topic: 'redundancy',
  title: 'Losing a server',
  summary: 'A redundant system survives the loss of a server, but only if the others can carry the load.',
  why: 'Servers die: disks fail, deploys go wrong. With N servers behind a balancer, losing one costs 1/N of the capacity, and the system keeps serving, as long as the survivors can carry all the traffic. Planning for one failure is called N + 1.',
  try: 'Run the start: 300 req/s over two servers of 200 req/s each, and `web-1` dies at 15 s. Then add a third server and run again.',
  notice:
    'On the errors chart, queue-full errors start at 15 s and never stop: `web-2` alone answers 200 of the 300 req/s and turns the rest away.',
  chart: 'errors',
  steps: [
    {
      id: 'watch-crash',
      do: 'Run the start and watch what happens at 15 s.',
      done: '`web-2` is now alone: its 20-request queue fills in a fraction of a second and about a third of the requests are refused.',
      check: {
        kind: 'all',
        of: [
          { kind: 'fault', action: 'fail', node: 'web-1' },
          { kind: 'ran', seconds: 20 },
        ],
      },
      chart: 'errors',
    },
    {
      id: 'add-third',
      do: 'Add a third server, `web-3`, like the others, behind `lb`.',
      done: 'Three servers of 200 req/s: when one dies, the other two each take 150 req/s and are 75% busy. Run again.',
      check: { kind: 'nodes', match: { type: 'server', from: 'lb' }, min: 3 },
      chart: 'utilization',
      hint: 'Copy `web-2` and connect `lb` to the copy.',
    },
    {
      id: 'survive',
      do: 'Run to the end and check the goal.',
      done: 'The crash is invisible to users now. The balancer’s one retry even hides the requests that were on `web-1` when it died.',
      check: { kind: 'result', condition: { metric: 'errorRate', max: 0.005 } },
      chart: 'errors',
    },
  ],
  goal: {
    brief:
      'Users send 300 req/s and `web-1` dies at 15 s. Keep the error rate under 0.5% and p99 under 200 ms. The servers you have are as they are: add, don’t upgrade.',
    conditions: [
      { metric: 'errorRate', max: 0.005 },
      { metric: 'p99', max: 200 },
    ],
    constraints: { locked: ['lb', 'web-1', 'web-2'] },
  },
  hints: [
    'After the crash, how much traffic must each surviving server carry, and how much can it?',
    'Two survivors of 200 req/s each can carry 300 req/s. How many servers must you start with?',
  ],
  takeaway:
    'Redundancy is spare capacity: with N + 1 servers, losing any one leaves enough to carry the peak. Without it, a crash turns into errors for as long as it lasts.',
  facts: [
    {
      of: 'start',
      says: 'about a fifth of all requests fail',
      condition: { metric: 'errorRate', min: 0.15, max: 0.25 },
    },
    {
      of: 'start',
      says: 'the errors are queue-full',
      condition: { metric: 'errors', cause: 'queue-full', min: 2000 },
    },
    { of: 'solution', says: 'no request fails', condition: { metric: 'errorRate', max: 0 } },
  ],
  start,
  solution,
} satisfies LessonSource;
