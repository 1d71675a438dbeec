import { encodeScenarioLink } from '../../share/shareLink.ts';
import { EXIT, type Io, UsageError } from '../io.ts';
import { loadScenario } from '../loadScenario.ts';

export const shareHelp = `Usage: scalelab share FILE

Prints the scenario's share link fragment (starting with #) as the last line. Append it to
the app's address to open the same scenario — and, with its seed, the same run.`;

export function share(argv: string[], io: Io): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(shareHelp);
    return EXIT.ok;
  }
  if (argv.length !== 1) throw new UsageError(`share needs exactly one scenario file.\n\n${shareHelp}`);
  const scenario = loadScenario(argv[0] as string, io);
  const link = encodeScenarioLink(scenario);
  io.out(
    `"${scenario.title}": ${scenario.nodes.length} nodes, ${scenario.edges.length} edges, link of ${link.length} characters.`,
  );
  io.out(link);
  return EXIT.ok;
}
