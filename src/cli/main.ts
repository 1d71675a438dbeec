import { grade } from './commands/grade.ts';
import { lessonsCommand } from './commands/lessons.ts';
import { share } from './commands/share.ts';
import { simulate } from './commands/simulate.ts';
import { validate } from './commands/validate.ts';
import { EXIT, type Io, processIo, UsageError } from './io.ts';

const help = `ScaleLab — see how backend systems scale.

Usage: scalelab COMMAND [options]

Commands:
  simulate FILE|LINK [--seed N] [--duration S] [--json]   run a scenario and print its report
  share FILE                                             print the scenario's share link (#s1.…)
  validate FILE|LINK                                     check a scenario and say what is wrong
  lessons [--json] [--check [ID…]]                       list the built-in lessons, or check them all
  grade EXERCISE ATTEMPT [--json]                        grade a design against an exercise (#x1.…)

FILE may be - for standard input; LINK is a share link fragment or a URL ending in one.

Run "scalelab COMMAND --help" for a command's options.`;

const commands: Record<string, (argv: string[], io: Io) => number> = {
  simulate,
  share,
  validate,
  lessons: lessonsCommand,
  grade,
};

/** Entry point; returns the exit code. Never throws: every error becomes a message. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${help}`);
    return EXIT.usage;
  }
  try {
    return command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT.usage;
    }
    io.err(`Internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.failed;
  }
}
