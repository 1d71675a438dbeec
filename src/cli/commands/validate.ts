import { EXIT, type Io, UsageError } from '../io.ts';
import { loadScenario } from '../loadScenario.ts';

export function validate(argv: string[], io: Io): number {
  const files = argv.filter((a) => a !== '--help' && a !== '-h');
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out('Usage: scalelab validate FILE…\n\nChecks each scenario file and says what is wrong with it.');
    return EXIT.ok;
  }
  if (files.length === 0) throw new UsageError('validate needs at least one scenario file.');
  for (const f of files) {
    const s = loadScenario(f, io);
    io.out(
      `${f}: ok — "${s.title}", ${s.nodes.length} nodes, ${s.edges.length} edges, ${s.events.length} events.`,
    );
  }
  return EXIT.ok;
}
