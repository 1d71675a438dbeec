import type { LessonSource } from '../schema.ts';
import solution from './solution.ts';
import start from './start.ts';
import twoPlatform from './two-platform.ts';

export default {
  id: 'platform-layer',
  topic: 'platform-layer',
  title: 'A platform layer',
  summary: 'Put caching and data access in one shared tier: products call it, tiers scale on their own.',
  why: 'A platform layer is a tier of services between the products and the data: it owns caching and database access, and every product calls it. Each tier then scales on its own and on its own hardware: CPU-optimised web servers, I/O-optimised platform servers. A new product, like a mobile API, needs more platform capacity, not its own path to the data.',
  try: 'Run the start: the new mobile API `api-1` queries `db` directly. Connect it to `lb-platform` instead, then give the platform the capacity it now needs.',
  notice:
    'In the start the web users suffer most, though nothing on their path changed. Follow the chain on the utilisation chart: `db` swamped by `api-1`, platform servers waiting on `db`, web servers waiting on the platform — all at 100%.',
  chart: 'utilization',
  steps: [
    {
      id: 'run-start',
      do: 'Run the start and compare `browsers` with `phones` on the latency chart.',
      done: '`db` is swamped by `api-1`’s uncached reads, and everything that waits for it backs up. Worse, `api-1` writes behind the cache’s back: nearly a third of the cache’s answers are stale.',
      check: { kind: 'ran', seconds: 20 },
      chart: 'utilization',
    },
    {
      id: 'through-platform',
      do: 'Connect `api-1` to `lb-platform`, and remove its arrow to `db`.',
      done: 'The API now goes through the platform: its reads use the cache and its writes keep the cache fresh. Run: the two platform servers are now the bottleneck.',
      check: {
        kind: 'all',
        of: [
          { kind: 'edges', from: { id: 'api-1' }, to: { id: 'lb-platform' }, min: 1 },
          { kind: 'edges', from: { role: 'api' }, to: { type: 'database' }, max: 0 },
        ],
      },
      chart: 'utilization',
    },
    {
      id: 'scale-platform',
      do: 'Add a third platform server like the others, behind `lb-platform`, connected to `cache` and `db`.',
      done: 'Three platform servers carry both products at about 70% busy. The web tier did not change at all.',
      check: {
        kind: 'all',
        of: [
          { kind: 'nodes', match: { role: 'platform', from: 'lb-platform' }, min: 3 },
          { kind: 'edges', from: { role: 'platform' }, to: { type: 'database' }, min: 3 },
        ],
      },
      chart: 'latency',
      hint: 'Copy `platform-2` with its connections.',
    },
  ],
  goal: {
    brief:
      'Browsers send 600 req/s through the web tier and phones 800 req/s through `api-1`. Keep p99 under 150 ms for both, stale reads under 1%, and at most $1,200 a month. Only the platform may touch the cache and the database; the web servers, `api-1`, the cache and the database stay as they are.',
    conditions: [
      { metric: 'p99', node: 'browsers', max: 150 },
      { metric: 'p99', node: 'phones', max: 150 },
      { metric: 'staleRatio', type: 'cache', max: 0.01 },
    ],
    constraints: {
      budgetPerMonth: 1200,
      locked: ['web-1', 'web-2', 'api-1', 'cache', 'db'],
      rules: [
        {
          label: 'Only the platform tier queries the cache and the database',
          check: {
            kind: 'all',
            of: [
              { kind: 'edges', from: { role: 'web' }, to: { type: 'database' }, max: 0 },
              { kind: 'edges', from: { role: 'web' }, to: { type: 'cache' }, max: 0 },
              { kind: 'edges', from: { role: 'api' }, to: { type: 'database' }, max: 0 },
              { kind: 'edges', from: { role: 'api' }, to: { type: 'cache' }, max: 0 },
            ],
          },
          hint: 'Web and API servers call `lb-platform`; platform servers call `cache` and `db`.',
        },
      ],
    },
  },
  hints: [
    '`api-1` reads `db` for every request, with no cache.',
    'The web servers already go through `lb-platform`. What if `api-1` did too?',
    'The platform now serves both products: 1,400 req/s instead of 600.',
  ],
  takeaway:
    'A platform layer owns the shared concerns (caching, data access) once, for every product. Tiers scale independently: adding the mobile API needed only platform capacity, and the web tier was not touched.',
  facts: [
    {
      of: 'start',
      says: 'web users wait seconds',
      condition: { metric: 'p99', node: 'browsers', min: 3000 },
    },
    {
      of: 'start',
      says: 'nearly a third of the cache’s answers are stale',
      condition: { metric: 'staleRatio', type: 'cache', min: 0.27, max: 0.33 },
    },
    {
      of: 'two-platform',
      says: 'two platform servers are now the bottleneck',
      condition: { metric: 'utilization', type: 'server', min: 0.99 },
    },
    {
      of: 'solution',
      says: 'three platform servers about 70% busy',
      condition: { metric: 'utilization', node: 'platform-1', min: 0.62, max: 0.78 },
    },
    {
      of: 'solution',
      says: 'browsers p99 under 100 ms',
      condition: { metric: 'p99', node: 'browsers', max: 100 },
    },
  ],
  variants: { 'two-platform': { scenario: twoPlatform } },
  start,
  solution,
} satisfies LessonSource;
