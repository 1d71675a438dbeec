import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';

export default {
  id: 'cdn',
  topic: 'cdn',
  title: 'Bring the files closer',
  summary:
    'A CDN answers static files from an edge near the users: less distance for them, less work for the origin.',
  why: 'Distance costs time: a round trip across an ocean takes about 100 ms, and no server upgrade can remove it. Most of a page is static files (images, scripts, styles) that are the same for everyone. A CDN keeps copies of them on edges near the users: a file the edge holds is answered there, and the origin never sees the request.',
  try: 'Run the start: users 50 ms away each way, 60% of their requests for static files. Then put a CDN between `users` and `lb`.',
  notice:
    'On the latency chart the median falls from about 110 ms to about 10 ms, because more than half of all requests are now answered at the edge. The slowest answers hardly move: dynamic pages still cross the ocean.',
  chart: 'latency',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and note the median latency.',
      done: 'Every request pays 100 ms to reach the origin and come back: the median is about 110 ms.',
      check: { kind: 'ran', seconds: 20 },
      chart: 'latency',
    },
    {
      id: 'add-cdn',
      do: 'Add a CDN: connect `users` to it and it to `lb`, instead of `users` straight to `lb`.',
      done: 'Requests now reach an edge near the users first. The origin did not move: give the CDN → `lb` edge the 50 ms the old edge had.',
      check: {
        kind: 'all',
        of: [
          { kind: 'edges', from: { id: 'users' }, to: { type: 'cdn' }, min: 1 },
          { kind: 'edges', from: { type: 'cdn' }, to: { id: 'lb' }, min: 1 },
        ],
      },
      hint: 'Delete the arrow from `users` to `lb`, then draw `users` → CDN → `lb`.',
    },
    {
      id: 'keep-distance',
      do: 'Set the latency of the CDN → `lb` edge to 50 ms and run.',
      done: 'Static files the edge holds are answered in its 10 ms round trip; the origin now sees fewer than half of the requests.',
      check: { kind: 'edges', from: { type: 'cdn' }, to: { id: 'lb' }, min: 1, latencyMs: { min: 50 } },
      chart: 'latency',
    },
  ],
  goal: {
    brief:
      'Users 50 ms from the origin send 1,000 req/s, 60% for static files. Bring the median latency under 40 ms and the load on the web servers under 600 req/s. The origin stays where it is.',
    conditions: [
      { metric: 'p50', max: 40 },
      { metric: 'load', type: 'server', max: 600 },
    ],
    constraints: {
      locked: ['lb', 'web-1', 'web-2', 'db'],
      rules: [
        {
          label: 'The origin is 50 ms from the users',
          check: {
            kind: 'all',
            of: [
              { kind: 'edges', to: { type: 'loadBalancer' }, latencyMs: { min: 50 } },
              { kind: 'edges', from: { type: 'client' }, to: { type: 'server' }, max: 0 },
            ],
          },
          hint: 'Every edge into `lb` crosses the ocean: keep it at 50 ms or more.',
        },
        {
          label: 'An edge is at least 10 ms from the users',
          check: { kind: 'config', match: { type: 'cdn' }, path: 'edgeLatencyMs', min: 10, every: true },
        },
      ],
    },
  },
  hints: [
    'No server upgrade removes 100 ms of distance.',
    'Which requests could be answered without the origin at all?',
    'A CDN sits between the users and the balancer; its edges keep static files.',
  ],
  takeaway:
    'A CDN moves static content next to the users: their latency drops from the origin’s round trip to the edge’s, and the origin is offloaded. It does nothing for dynamic requests, so the slowest answers stay as they were.',
  facts: [
    { of: 'start', says: 'the median is about 110 ms', condition: { metric: 'p50', min: 105, max: 115 } },
    { of: 'solution', says: 'with a CDN the median is about 10 ms', condition: { metric: 'p50', max: 15 } },
    {
      of: 'solution',
      says: 'more than half of all requests are answered at the edge',
      condition: { metric: 'offload', type: 'cdn', min: 0.5, max: 0.56 },
    },
    {
      of: 'solution',
      says: 'the origin now sees fewer than half of the requests',
      condition: { metric: 'load', type: 'server', max: 500 },
    },
    { of: 'solution', says: 'the slowest answers hardly move', condition: { metric: 'p99', min: 140 } },
  ],
  start,
  solution,
} satisfies LessonSource;
