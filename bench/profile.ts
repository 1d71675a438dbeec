/**
 * `npx tsx bench/profile.ts <scenario> [seconds] [rounds]`: run one benchmark scenario a few
 * times next to the bare M/M/c loop and print the best speed of each and their ratio — a
 * quick A/B figure on a shared machine (also for `node --cpu-prof --import tsx …`).
 * Scenarios: 4, 100, 1000 (balanced servers) and cache.
 */
import { Simulation } from '../src/engine/index.ts';
import { restoreOrThrow } from '../src/scenario/restore.ts';
import { bareMmc } from './bareMmc.ts';
import { balancedServers, cacheHeavy } from './scenarios.ts';

const which = process.argv[2] ?? '1000';
const seconds = Number(process.argv[3] ?? 20);
const rounds = Number(process.argv[4] ?? 3);
const input =
  which === 'cache'
    ? cacheHeavy(seconds)
    : balancedServers(Number(which), 100, Math.round((seconds * 1000) / Number(which)));

let bestSim = 0;
let bestBare = 0;
let line = '';
for (let round = 0; round < rounds; round++) {
  const b0 = performance.now();
  bareMmc(2_000_000, 0.36, 0.1, 4);
  bestBare = Math.max(bestBare, 2_000_000 / ((performance.now() - b0) / 1000));
  const sim = new Simulation(restoreOrThrow(input));
  const t0 = performance.now();
  sim.run();
  const wall = performance.now() - t0;
  const r = sim.report();
  bestSim = Math.max(bestSim, r.requests.generated / (wall / 1000));
  line = `${r.requests.generated} requests, ${sim.events} events, mean latency ${r.latencyMs.mean.toFixed(4)} ms`;
}
const k = (n: number) => `${Math.round(n / 1000).toLocaleString('en-US')}k/s`;
console.log(
  `${which}: ${k(bestSim)} (bare ${k(bestBare)}, ${((100 * bestSim) / bestBare).toFixed(0)}%); ${line}`,
);
