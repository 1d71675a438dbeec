import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'smart-client',
  topic: 'smart-client',
  title: 'A client that balances itself',
  summary:
    'No balancer: the client picks servers itself. It works, but it only learns of trouble from its own failed requests.',
  why: 'A smart client spreads its requests over the servers itself, as database drivers and cache libraries do. There is no balancer to pay for or to fail, but also no health checks: the client learns that a server is in trouble only when its own requests fail. A server that is slow rather than dead fails by timing out, one full second at a time.',
  try: 'Run the start: `users` take turns over three servers and give up after 1 s; at 10.3 s `web-2` becomes 50 times slower. Then make the client smarter.',
  notice:
    'On the errors chart, bursts of timeouts every 6 s or so: each time the client’s 5 s ban on `web-2` ends, it tries again, and a second’s worth of its requests time out before it gives up once more.',
  chart: 'errors',
  steps: [
    {
      id: 'watch-bursts',
      do: 'Run the start and watch the errors chart after 10 s.',
      done: 'The client noticed after about 1.1 s, its timeout, and then kept coming back: it cannot tell slow from dead, or from recovered.',
      check: { kind: 'ran', seconds: 30 },
      chart: 'errors',
    },
    {
      id: 'by-load',
      do: 'Select `users` and set its strategy to least-connections (or power-of-two).',
      done: 'A slow server answers late, so it always has the most requests outstanding and gets few new ones. Errors fall to about 0.3%.',
      check: {
        kind: 'config',
        match: { id: 'users' },
        path: 'strategy',
        oneOf: ['least-connections', 'power-of-two'],
      },
      chart: 'errors',
    },
    {
      id: 'eject-longer',
      do: 'Eject a server after 1 failure, for 20 s or more.',
      done: 'One timeout and `web-2` is left alone for a long while: the bursts are gone.',
      check: {
        kind: 'all',
        of: [
          { kind: 'config', match: { id: 'users' }, path: 'ejectAfterFailures', max: 1 },
          { kind: 'config', match: { id: 'users' }, path: 'ejectForMs', min: 20000 },
        ],
      },
      hint: 'The fields are “Eject after failures” and “Eject for” on the client.',
    },
  ],
  goal: {
    brief:
      'Users send 300 req/s straight to three servers and give up after 1 s; `web-2` becomes 50 times slower at 10.3 s. Without a balancer, keep the error rate under 0.5%.',
    conditions: [{ metric: 'errorRate', max: 0.005 }],
    constraints: { allowedTypes: ['client', 'server'], locked: ['web-1', 'web-2', 'web-3'] },
  },
  hints: [
    'The errors are timeouts: requests sent to `web-2` after it slowed down.',
    'Which strategies notice that a server has many requests in progress?',
    'A smart client bans a server after “eject after failures” failures in a row, for “eject for” ms.',
  ],
  takeaway:
    'A smart client needs no balancer, but every client must carry the logic, and it detects trouble only through its own failures and timeouts. A balancer’s health checks would not have helped either: `web-2` was alive, just slow.',
  facts: [
    {
      of: 'start',
      says: 'the client notices after about 1.1 s',
      condition: { metric: 'detectionMs', node: 'web-2', min: 1000, max: 1300 },
    },
    {
      of: 'start',
      says: 'about 500 requests time out',
      condition: { metric: 'errors', cause: 'timeout', min: 400, max: 650 },
    },
    {
      of: 'least-connections',
      says: 'least-connections alone: errors about 0.3%',
      condition: { metric: 'errorRate', min: 0.0015, max: 0.0045 },
    },
    {
      of: 'solution',
      says: 'with a long ban, almost no timeouts',
      condition: { metric: 'errorRate', max: 0.001 },
    },
  ],
  variants: {
    'least-connections': {
      from: 'start',
      set: [{ node: 'users', path: 'strategy', value: 'least-connections' }],
    },
  },
  start,
  solution,
} satisfies LessonSource;
