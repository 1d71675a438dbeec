import { readFileSync } from 'node:fs';

/** What a command writes; tests pass their own to capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
};

/** Exit codes: 0 ok, 1 the run found a problem (e.g. a failed grade), 2 bad input or usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Thrown for bad input; main() prints the message and exits with code 2. */
export class UsageError extends Error {}
