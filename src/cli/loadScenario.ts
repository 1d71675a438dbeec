import type { Scenario } from '../scenario/document.ts';
import { restoreScenario } from '../scenario/restore.ts';
import { decodeScenarioLink } from '../share/shareLink.ts';
import { type Io, UsageError } from './io.ts';

/**
 * Reads a scenario from a file path, `-` for standard input, or a share link (`#s1.…` or a
 * URL ending in one) and sends it through the one restore funnel. Every problem becomes a UsageError with a message for a person.
 */
export function loadScenario(source: string, io: Io): Scenario {
  // A share link (the fragment alone, or a whole URL that carries one).
  const link = /^(?:\S*?)(#s\d+\..*)$/s.exec(source.trim());
  if (link && (source.trim().startsWith('#') || /^https?:\/\//.test(source.trim()))) {
    const decoded = decodeScenarioLink(link[1] as string);
    if (!decoded.ok) throw new UsageError(`The link is not a usable scenario.\n${decoded.error}`);
    return decoded.scenario;
  }
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
