import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

const servers = Array.from({ length: 10 }, (_, i) => `web-${i + 1}`);

export default {
  id: 'balancing-strategies',
  topic: 'balancing-strategies',
  title: 'Choosing a server',
  summary: 'Same servers, same traffic, very different tails: how the balancer picks a server matters.',
  why: 'At the same average load, the way requests are spread decides the slowest answers. A random pick sometimes queues a request behind a busy server while another one sits idle. Strategies that look at how busy each server is avoid that.',
  try: 'Run the start: 900 req/s over ten servers of 100 req/s each, picked at random. Then switch `lb` to round-robin, and then to least-connections or power-of-two.',
  notice:
    'Every strategy keeps each server about 90% busy on average, so the utilisation chart hardly changes. The latency chart tells them apart: watch p99.',
  chart: 'latency',
  steps: [
    {
      id: 'run-random',
      do: 'Run the start and note p99 on the latency chart.',
      done: 'Around 380 ms, with every server only 90% busy on average: random picks let queues build up on unlucky servers.',
      check: { kind: 'ran', seconds: 25 },
      chart: 'latency',
    },
    {
      id: 'round-robin',
      do: 'Select `lb` and set its strategy to round-robin. Run again.',
      done: 'Taking turns spreads the arrivals evenly: p99 falls to about 240 ms. But turns ignore how long each request really takes.',
      check: {
        kind: 'not',
        check: { kind: 'config', match: { id: 'lb' }, path: 'strategy', equals: 'random' },
      },
      chart: 'latency',
    },
    {
      id: 'look-at-load',
      do: 'Now try least-connections, or power-of-two, and run again.',
      done: 'Looking at the load wins: power-of-two gets p99 near 100 ms from two random looks; least-connections near 85 ms by looking at all ten.',
      check: {
        kind: 'config',
        match: { id: 'lb' },
        path: 'strategy',
        oneOf: ['least-connections', 'power-of-two'],
      },
      chart: 'latency',
    },
  ],
  goal: {
    brief:
      'Users send 900 req/s to ten servers of 100 req/s each. Keep p99 under 150 ms with the same ten servers: no more, no faster.',
    conditions: [{ metric: 'p99', max: 150 }],
    constraints: { maxCount: { server: 10 }, locked: servers },
  },
  hints: [
    'Every strategy gives each server the same average load. What differs is how often a request waits behind a queue while another server is idle.',
    'Two strategies look at how many requests each server has in progress.',
  ],
  takeaway:
    'Balancing by load beats balancing blindly: least-connections and power-of-two keep queues short at the same utilisation, so the tail stays low. Power-of-two gets most of the benefit from just two looks.',
  facts: [
    { of: 'start', says: 'random: p99 around 380 ms', condition: { metric: 'p99', min: 340, max: 420 } },
    {
      of: 'round-robin',
      says: 'round-robin: p99 about 240 ms',
      condition: { metric: 'p99', min: 210, max: 270 },
    },
    {
      of: 'power-of-two',
      says: 'power-of-two: p99 near 100 ms',
      condition: { metric: 'p99', min: 85, max: 120 },
    },
    {
      of: 'solution',
      says: 'least-connections: p99 near 85 ms',
      condition: { metric: 'p99', min: 70, max: 95 },
    },
  ],
  variants: {
    'round-robin': { from: 'start', set: [{ node: 'lb', path: 'strategy', value: 'round-robin' }] },
    'power-of-two': { from: 'start', set: [{ node: 'lb', path: 'strategy', value: 'power-of-two' }] },
  },
  start,
  solution,
} satisfies LessonSource;
