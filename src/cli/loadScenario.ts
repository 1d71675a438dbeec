import type { Scenario } from '../scenario/document.ts';
import { restoreScenario } from '../scenario/restore.ts';
import { type Io, UsageError } from './io.ts';

/**
 * Reads a scenario from a file path (or `-` for standard input) and sends it through the one
 * restore funnel. Every problem becomes a UsageError with a message for a person.
 */
export function loadScenario(source: string, io: Io): Scenario {
  let text: string;
  try {
    text = source === '-' ? io.readStdin() : io.readFile(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new UsageError(`Cannot read ${source === '-' ? 'standard input' : `"${source}"`}: ${why}.`);
  }
  const result = restoreScenario(text);
  if (!result.ok)
    throw new UsageError(
      `${source === '-' ? 'Standard input' : `"${source}"`} is not a usable scenario.\n${result.error}`,
    );
  return result.scenario;
}
