import { z } from 'zod';
import { LIMITS, restoreScenario, type Scenario } from '../scenario/index.ts';

/**
 * One saved scenario in the local library, as stored in IndexedDB. The record has its own
 * schema version (the document inside has its own, handled by the restore funnel): a record
 * written by a newer ScaleLab is refused with a message, never half-read.
 */
export const RECORD_SCHEMA = 1;

export interface LibraryRecord {
  schema: typeof RECORD_SCHEMA;
  id: string;
  /** The document's title when it was saved: what the library lists. */
  name: string;
  /** The scenario document (JSON-shaped); read back through restoreScenario. */
  doc: unknown;
  createdAt: number;
  updatedAt: number;
  /** Counts saves: a tab that saves on top of a revision it has not seen is told, not obeyed. */
  revision: number;
  /** Set while the record is in "Recently deleted" (undo), null otherwise. */
  deletedAt: number | null;
}

const recordSchema = z.object({
  schema: z.literal(RECORD_SCHEMA),
  id: z.string().min(1),
  name: z.string(),
  doc: z.unknown(),
  createdAt: z.number(),
  updatedAt: z.number(),
  revision: z.number().int().min(1),
  deletedAt: z.number().nullable(),
});

export type ReadRecord =
  | { ok: true; record: LibraryRecord; scenario: Scenario }
  | { ok: false; id: string | null; name: string | null; error: string };

/** Validates a stored record and restores its document. Never throws. */
export function readRecord(raw: unknown): ReadRecord {
  const id = pick(raw, 'id');
  const name = pick(raw, 'name');
  const schema = (raw as { schema?: unknown } | null)?.schema;
  if (typeof schema === 'number' && schema > RECORD_SCHEMA)
    return {
      ok: false,
      id,
      name,
      error: `It was saved by a newer version of ScaleLab (library record ${schema}; this one reads up to ${RECORD_SCHEMA}). Reload the page to get the latest version.`,
    };
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'record';
    return {
      ok: false,
      id,
      name,
      error: `The saved record is damaged (${where}: ${issue?.message ?? 'invalid'}).`,
    };
  }
  const restored = restoreScenario(parsed.data.doc);
  if (!restored.ok) return { ok: false, id, name, error: restored.error };
  return { ok: true, record: parsed.data as LibraryRecord, scenario: restored.scenario };
}

/** A title that fits the document's limit with a suffix such as " (copy)". */
export function withSuffix(title: string, suffix: string): string {
  const room = LIMITS.titleChars - suffix.length;
  return `${title.length > room ? `${title.slice(0, room - 1)}…` : title}${suffix}`;
}

/** Random ids without crypto.randomUUID, which plain-http pages (a classroom LAN) do not have. */
export function newId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function pick(raw: unknown, key: string): string | null {
  const v = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : null;
}
