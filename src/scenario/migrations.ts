import { CURRENT_VERSION } from './document.ts';

/**
 * Numbered migrations: `migrations[n]` turns a version-n document into version n+1.
 * A migration is never edited once shipped; old documents are kept as fixtures and tested
 * (see migrations.test.ts). Migrations work on plain JSON — they run before validation.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const migrations: Readonly<Record<number, Migration>> = {
  // Version 1 is the first published format; the next format adds `1: (doc) => ...` here.
};

export class MigrationError extends Error {}

/** Brings a document from `from` up to `to`, one numbered step at a time. */
export function migrate(
  doc: Record<string, unknown>,
  from: number,
  to: number = CURRENT_VERSION,
  steps: Readonly<Record<number, Migration>> = migrations,
): Record<string, unknown> {
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = steps[v];
    if (!step) throw new MigrationError(`no migration from version ${v} to ${v + 1}`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
