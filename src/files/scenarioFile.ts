import { restoreScenario, type Scenario } from '../scenario/index.ts';

/**
 * The scenario as a file, both ways. Export writes the document itself, pretty-printed (a
 * person can read and diff it; the CLI reads it too). Import checks the size before reading a
 * single byte, then hands the text to the one restore funnel, whose message names what is wrong.
 */

/** A scenario file is text; the largest real one is a few hundred kB. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const JSON_TYPE = 'application/json';

export function scenarioJson(doc: Scenario): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Whether a dropped or picked file may be a scenario: named .json, or of a JSON, text or
 * unknown type (a download saved without its extension). A picture or a PDF is refused by its
 * type, with a plainer message than the JSON parser's complaint about its first byte.
 */
export function mayBeScenarioFile(file: { name: string; type: string }): boolean {
  const type = file.type.toLowerCase();
  return (
    /\.json$/i.test(file.name) ||
    type === '' ||
    type === 'application/octet-stream' ||
    type.includes('json') ||
    type.startsWith('text/')
  );
}

export type FileResult =
  | { ok: true; scenario: Scenario; migratedFrom: number | null }
  | { ok: false; reason: string };

/** What `readScenarioFile` needs of a `File` (tests pass plain objects). */
export interface ScenarioFileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

export async function readScenarioFile(file: ScenarioFileLike): Promise<FileResult> {
  const name = `“${file.name}”`;
  if (file.size > MAX_FILE_BYTES)
    return {
      ok: false,
      reason: `${name} was not opened: it is ${formatBytes(file.size)}, over the ${formatBytes(MAX_FILE_BYTES)} limit for a scenario file. Your work is unchanged.`,
    };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return {
      ok: false,
      reason: `${name} could not be read (${e instanceof Error ? e.message : String(e)}). Your work is unchanged.`,
    };
  }
  const r = restoreScenario(text);
  if (!r.ok) return { ok: false, reason: `${name} was not opened (your work is unchanged). ${r.error}` };
  return { ok: true, scenario: r.scenario, migratedFrom: r.migratedFrom };
}

/** "1.5 MB", "820 kB", "12 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}
