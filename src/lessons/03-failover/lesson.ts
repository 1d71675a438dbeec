import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'failover',
  topic: 'failover',
  title: 'Noticing a dead server',
  summary: 'A balancer learns that a server died only from its health checks. Until then, requests fail.',
  why: 'When a server dies, the balancer does not know at once. It probes every backend on a timer and takes one out after enough failed probes in a row. Until then it keeps sending that server its share of the traffic, and every one of those requests fails. That gap is the detection window.',
  try: 'Run the start: `web-1` dies at 10.3 s, and `lb` probes every 5 s and gives up on a server after 3 failed probes. Then make the health checks quicker.',
  notice:
    'On the errors chart: a block of node-down errors from 10.3 s until the balancer notices, almost 15 s later. The block’s width is the detection window; its height is the dead server’s share of the traffic.',
  chart: 'errors',
  steps: [
    {
      id: 'watch-window',
      do: 'Run the start and watch the errors chart after 10 s.',
      done: 'The balancer needed almost 15 s to notice. Meanwhile a third of all requests went to a dead server.',
      check: {
        kind: 'all',
        of: [
          { kind: 'fault', action: 'fail', node: 'web-1' },
          { kind: 'ran', seconds: 26 },
        ],
      },
      chart: 'errors',
    },
    {
      id: 'interval',
      do: 'Select `lb` and set its health checks to run every 1,000 ms or less.',
      done: 'Probes come more often, so a death is seen sooner. The window is between (down after − 1) × interval and down after × interval.',
      check: { kind: 'config', match: { id: 'lb' }, path: 'healthCheck.intervalMs', max: 1000 },
      hint: 'The field is “Check every” in the balancer’s health checks.',
    },
    {
      id: 'threshold',
      do: 'Take a server out after 2 failed probes instead of 3.',
      done: 'Fewer probes to wait for. (On a real network a probe is lost now and then: with too few, a healthy server would be taken out by mistake.)',
      check: { kind: 'config', match: { id: 'lb' }, path: 'healthCheck.unhealthyThreshold', max: 2 },
      hint: 'The field is “Down after” in the balancer’s health checks.',
    },
    {
      id: 'check',
      do: 'Run again and check the goal.',
      done: 'The block of errors has shrunk to a sliver.',
      check: { kind: 'result', condition: { metric: 'faultFailures', node: 'web-1', max: 100 } },
      chart: 'errors',
    },
  ],
  goal: {
    brief:
      'Users send 300 req/s to three servers and `web-1` dies at 10.3 s. The balancer must notice within 1 s, and no more than 100 requests may fail because of the crash.',
    conditions: [
      { metric: 'detectionMs', node: 'web-1', max: 1000 },
      { metric: 'faultFailures', node: 'web-1', max: 100 },
    ],
    constraints: { locked: ['web-1', 'web-2', 'web-3'] },
  },
  hints: [
    'With a probe every 5 s and 3 failures needed, the balancer notices 10 to 15 s after a crash.',
    'Try probing every 500 ms and taking a server out after 2 failed probes: 0.5 to 1 s.',
    'Retries on the balancer hide the failed requests from users, but not the window: the balancer still sends a third of the traffic to a dead server until it notices.',
  ],
  takeaway:
    'Failover is only as fast as failure detection. The window lies between (k − 1) and k probe intervals for k failed probes: shorter intervals shrink it, retries hide it at the price of a wasted round trip.',
  facts: [
    {
      of: 'start',
      says: 'the balancer notices almost 15 s after the crash',
      condition: { metric: 'detectionMs', node: 'web-1', min: 14000, max: 15000 },
    },
    {
      of: 'start',
      says: 'more than a thousand requests fail',
      condition: { metric: 'faultFailures', node: 'web-1', min: 1000 },
    },
    {
      of: 'solution',
      says: 'probing every 500 ms, it notices within a second',
      condition: { metric: 'detectionMs', node: 'web-1', max: 1000 },
    },
    {
      of: 'solution',
      says: 'the failures stop within a second',
      condition: { metric: 'recoveryMs', node: 'web-1', max: 1000 },
    },
    {
      of: 'with-retries',
      says: 'one retry hides every failure from users',
      condition: { metric: 'errorRate', max: 0 },
    },
    {
      of: 'with-retries',
      says: 'with retries the balancer still notices after almost 15 s',
      condition: { metric: 'detectionMs', node: 'web-1', min: 14000 },
    },
  ],
  variants: { 'with-retries': { from: 'start', set: [{ node: 'lb', path: 'retries', value: 1 }] } },
  start,
  solution,
} satisfies LessonSource;
