/**
 * `npm run bench`: simulated requests per wall-clock second for standard scenarios, against
 * a bare M/M/c loop as the yardstick, with peak memory, and a memory-flatness check over an
 * hour of simulated time. Prints a table; `--json` prints the figures as JSON.
 *
 * The machine is often shared, so the yardstick is run again right before every scenario and
 * each row's "vs bare" compares it with its own neighbour, not with a run made under another
 * load. The load average is printed at the start and at the end.
 */
import { loadavg } from 'node:os';
import { Simulation } from '../src/engine/index.ts';
import { restoreOrThrow } from '../src/scenario/restore.ts';
import { bareMmc } from './bareMmc.ts';
import { bareBalanced, bareCacheHeavy } from './bareTopologies.ts';
import { balancedServers, cacheHeavy } from './scenarios.ts';

interface Row {
  name: string;
  /** Speed of the bare loop measured just before this row (req/s). */
  barePerSec?: number;
  /** Speed of the same topology as a bare loop (bareTopologies.ts), measured just before this row. */
  topologyBarePerSec?: number;
  bareCpuPerSec?: number;
  /** Process CPU time (all threads, GC helpers included), ms: on a busy machine wall time overstates the cost. */
  cpuMs: number;
  /** Requests per second of process CPU time: what a quiet machine's wall clock would show, roughly. */
  requestsPerCpuSec: number;
  requests: number;
  events: number;
  wallMs: number;
  requestsPerSec: number;
  eventsPerSec: number;
  peakHeapMB: number;
}

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const scale = quick ? 0.2 : 1;

/** JS heap plus typed-array storage (caches and the event heap live in ArrayBuffers). */
function heapMB(): number {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

/** Aggregate hit ratio of the caches in the last run (for the cache-heavy row). */
let lastHitRatio: number | null = null;
/** Memory after the first 10-second slice and at the end of the last run (flatness). */
let lastMemory = { firstSliceMB: 0, endMB: 0 };

function runScenario(name: string, input: ReturnType<typeof balancedServers>): Row {
  const sim = new Simulation(restoreOrThrow(input));
  let peak = heapMB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // Advance in 10-second slices so peak memory can be sampled along the way.
  let firstSliceMB = 0;
  for (let t = 10_000; ; t += 10_000) {
    sim.runUntil(t);
    const mb = heapMB();
    if (t === 10_000) firstSliceMB = mb;
    peak = Math.max(peak, mb);
    if (sim.finished) break;
  }
  lastMemory = { firstSliceMB, endMB: heapMB() };
  const wallMs = performance.now() - t0;
  const cpuMs = cpuSince(cpu0);
  const r = sim.report();
  let hits = 0;
  let lookups = 0;
  for (const n of Object.values(r.nodes))
    if (n.type === 'cache') {
      hits += n.hits as number;
      lookups += (n.hits as number) + (n.misses as number);
    }
  lastHitRatio = lookups > 0 ? hits / lookups : null;
  return {
    name,
    requests: r.requests.generated,
    events: sim.events,
    wallMs,
    requestsPerSec: r.requests.generated / (wallMs / 1000),
    eventsPerSec: sim.events / (wallMs / 1000),
    peakHeapMB: peak,
    cpuMs,
    requestsPerCpuSec: r.requests.generated / (cpuMs / 1000),
  };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function runBare(customers: number): Row {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = bareMmc(customers, 0.36, 0.1, 4);
  const wallMs = performance.now() - t0;
  const cpuMs = cpuSince(cpu0);
  return {
    name: 'bare M/M/4 loop (yardstick)',
    requests: customers,
    events: r.events,
    wallMs,
    requestsPerSec: customers / (wallMs / 1000),
    eventsPerSec: r.events / (wallMs / 1000),
    peakHeapMB: heapMB(),
    cpuMs,
    requestsPerCpuSec: customers / (cpuMs / 1000),
  };
}

const rows: Row[] = [];
// JIT warm-up: a short run of each kind, not reported.
runBare(200_000);
runScenario('warm-up', balancedServers(10, 100, 20));
runScenario('warm-up', cacheHeavy(2));

const loadAtStart = loadavg();
rows.push(runBare(Math.round(5_000_000 * scale)));
/** A scenario row, with the bare loop measured again right before it. */
function measured(name: string, input: ReturnType<typeof balancedServers>, topologyBare: () => number): Row {
  const bare = runBare(Math.round(2_000_000 * scale));
  const topologyBarePerSec = topologyBare();
  return {
    ...runScenario(name, input),
    barePerSec: bare.requestsPerSec,
    bareCpuPerSec: bare.requestsPerCpuSec,
    topologyBarePerSec,
  };
}
/** Requests per second of a bare loop of a row's own topology (best of two short runs). */
function speedOf(requests: number, run: (n: number) => unknown): number {
  let best = 0;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    run(requests);
    best = Math.max(best, requests / ((performance.now() - t0) / 1000));
  }
  return best;
}
/** The balanced rows' own bare loop: same rates, 9 ms service, the hardware balancer's 1 µs step. */
const bareServers = (servers: number) => () =>
  speedOf(Math.round(2_000_000 * scale), (n) => bareBalanced(n, servers, 100, 9, 0.001));
bareCacheHeavy(1000); // builds its key table once, outside the timing
rows.push(
  measured('4 servers, 400 req/s', balancedServers(4, 100, Math.round(5000 * scale)), bareServers(4)),
);
rows.push(
  measured('100 servers, 10,000 req/s', balancedServers(100, 100, Math.round(300 * scale)), bareServers(100)),
);
rows.push(
  measured(
    '1,000 servers, 100,000 req/s',
    balancedServers(1000, 100, Math.round(40 * scale)),
    bareServers(1000),
  ),
);
rows.push(
  measured('cache-heavy, 100,000 req/s', cacheHeavy(Math.round(40 * scale)), () =>
    speedOf(Math.round(2_000_000 * scale), (n) => bareCacheHeavy(n)),
  ),
);
const cacheHitRatio = lastHitRatio;
const cacheMemory = lastMemory;

// Memory must stay flat over an hour of simulated time: compare the heap after 10 and 60 minutes.
const flat = (() => {
  const sim = new Simulation(restoreOrThrow(balancedServers(10, 100, 3600)));
  sim.runUntil(600_000);
  globalThis.gc?.();
  const at10 = heapMB();
  sim.runUntil(3_600_000);
  globalThis.gc?.();
  const at60 = heapMB();
  return { at10MinMB: at10, at60MinMB: at60, requests: sim.report().requests.generated };
})();

const yardstick = rows[0] as Row;
const loadAtEnd = loadavg();
const vsBare = (r: Row) => r.requestsPerSec / (r.barePerSec ?? yardstick.requestsPerSec);
const vsBareCpu = (r: Row) => r.requestsPerCpuSec / (r.bareCpuPerSec ?? yardstick.requestsPerCpuSec);
const vsTopology = (r: Row) => (r.topologyBarePerSec ? r.requestsPerSec / r.topologyBarePerSec : null);
if (json) {
  console.log(
    JSON.stringify(
      {
        rows: rows.map((r) => ({
          ...r,
          vsBare: vsBare(r),
          vsBareCpu: vsBareCpu(r),
          vsTopologyBare: vsTopology(r),
        })),
        memoryOverAnHour: flat,
        cacheHitRatio,
        cacheMemory,
        loadAverage: { start: loadAtStart, end: loadAtEnd },
      },
      null,
      2,
    ),
  );
} else {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(0)}%`);
  console.log('\nScaleLab engine benchmark (simulated requests per wall-clock second)\n');
  console.log(
    `${'scenario'.padEnd(32)}${'requests'.padStart(11)}${'req/s'.padStart(12)}${'events/s'.padStart(13)}${'peak mem'.padStart(10)}${'vs M/M/4'.padStart(10)}${'own bare'.padStart(12)}${'vs own'.padStart(8)}`,
  );
  for (const r of rows)
    console.log(
      `${r.name.padEnd(32)}${fmt(r.requests).padStart(11)}${fmt(r.requestsPerSec).padStart(12)}${fmt(r.eventsPerSec).padStart(13)}${`${r.peakHeapMB.toFixed(0)} MB`.padStart(10)}${pct(vsBare(r)).padStart(10)}${(r.topologyBarePerSec ? fmt(r.topologyBarePerSec) : '—').padStart(12)}${pct(vsTopology(r)).padStart(8)}`,
    );
  console.log(
    `\nPer second of the process's CPU time (all its threads; on a busy machine closer to what a quiet one shows): ${rows
      .slice(1)
      .map((r) => `${r.name.split(', ')[0]} ${fmt(r.requestsPerCpuSec)} (${pct(vsBareCpu(r))} of M/M/4)`)
      .join('; ')}.`,
  );
  console.log(
    `\nMemory over an hour of simulated time (10 servers, 1,000 req/s, ${fmt(flat.requests)} requests): heap ${flat.at10MinMB.toFixed(1)} MB at 10 min, ${flat.at60MinMB.toFixed(1)} MB at 60 min${globalThis.gc ? '' : ' (run node with --expose-gc for exact figures)'}.`,
  );
  console.log(
    `Cache-heavy: 1,000,000 keys, Zipf 1.0, 50 servers, 4 LRU caches of 100,000 items (hit ratio ${cacheHitRatio === null ? '—' : `${(100 * cacheHitRatio).toFixed(1)}%`}), a database for the misses. Memory ${cacheMemory.firstSliceMB.toFixed(0)} MB after 10 s, ${cacheMemory.endMB.toFixed(0)} MB at the end.`,
  );
  console.log(
    `"vs M/M/4": against the bare M/M/4 loop run right before each row (${rows
      .slice(1)
      .map((r) => fmt(r.barePerSec ?? 0))
      .join(
        ', ',
      )} req/s). Load average (1, 5, 15 min): ${loadAtStart.map((l) => l.toFixed(2)).join(', ')} at the start, ${loadAtEnd.map((l) => l.toFixed(2)).join(', ')} at the end.`,
  );
  console.log(
    '"own bare": the row\'s own topology as a bare loop (bench/bareTopologies.ts: no statistics, no calls, no failures) — the most any simulator of it could do here; "vs own": the engine against it.',
  );
  console.log(
    'Targets: ≥ 2,500,000 req/s at every size and ≥ 40% of the bare M/M/4 loop; cache-heavy ≥ 1,000,000 req/s.',
  );
}
