import { parseArgs } from 'node:util';
import { Simulation } from '../../engine/index.ts';
import { LIMITS } from '../../scenario/document.ts';
import { formatReport } from '../formatReport.ts';
import { EXIT, type Io, UsageError } from '../io.ts';
import { loadScenario } from '../loadScenario.ts';

export const simulateHelp = `Usage: scalelab simulate FILE|LINK [--seed N] [--duration S] [--json]

Runs a scenario through the simulator and prints a summary.

  FILE            a scenario JSON file, or - for standard input
  LINK            a share link: the fragment (#s1.…) or a whole URL ending in one
  --seed N        use this seed instead of the scenario's (0 … 4294967295)
  --duration S    simulate S seconds instead of the scenario's duration
  --json          print exactly one JSON object (the full report) instead of a summary`;

export function simulate(argv: string[], io: Io): number {
  const { values, positionals } = parseOrUsage(argv);
  if (values.help) {
    io.out(simulateHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw new UsageError(`simulate needs exactly one scenario file.\n\n${simulateHelp}`);
  const scenario = loadScenario(positionals[0] as string, io);
  const seed =
    values.seed === undefined
      ? undefined
      : parseNumber('--seed', values.seed, { integer: true, min: 0, max: 2 ** 32 - 1 });
  const duration =
    values.duration === undefined
      ? undefined
      : parseNumber('--duration', values.duration, { min: 0.001, max: LIMITS.durationS });
  if (duration !== undefined && duration <= scenario.warmup)
    throw new UsageError(
      `--duration ${duration} is not longer than the scenario's warm-up (${scenario.warmup} s).`,
    );
  const options = {
    ...(seed === undefined ? {} : { seed }),
    ...(duration === undefined ? {} : { duration }),
  };
  const t0 = performance.now();
  const sim = new Simulation(scenario, options);
  const report = sim.run();
  const wallMs = performance.now() - t0;
  if (values.json) io.out(JSON.stringify(report));
  else io.out(formatReport(report, { wallMs, events: sim.events }));
  return EXIT.ok;
}

function parseOrUsage(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        duration: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${simulateHelp}`);
  }
}

function parseNumber(flag: string, text: string, o: { integer?: boolean; min: number; max: number }): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new UsageError(`${flag} expects a number, got "${text}".`);
  if (o.integer && !Number.isInteger(n))
    throw new UsageError(`${flag} expects a whole number, got "${text}".`);
  if (n < o.min || n > o.max)
    throw new UsageError(`${flag} must be between ${o.min} and ${o.max}, got ${text}.`);
  return n;
}
