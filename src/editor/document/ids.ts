import type { NodeType } from '../../scenario/index.ts';

/** Short, readable id stems: ids show up in share links, the CLI and error messages. */
const idStem: Partial<Record<NodeType, string>> = {
  loadBalancer: 'lb',
  database: 'db',
};

const MAX_ID_CHARS = 64;

/**
 * The first free id for a new node of `type`: `server-3`, `lb-2`… `taken` is updated, so a
 * caller creating several nodes at once gets distinct ids.
 */
export function freshId(type: NodeType, taken: Set<string>): string {
  const stem = idStem[type] ?? type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  let n = 1;
  while (taken.has(`${stem}-${n}`)) n++;
  const id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/**
 * A free id built from `base` (a pasted node keeps its name when it is free: `web-1` stays
 * `web-1`, else becomes `web-2`…).
 */
export function freshIdFrom(base: string, taken: Set<string>): string {
  if (!taken.has(base)) {
    taken.add(base);
    return base;
  }
  const match = /^(.*?)-(\d+)$/.exec(base);
  const stem = (match?.[1] || base).slice(0, MAX_ID_CHARS - 8);
  let n = match ? Number(match[2]) + 1 : 2;
  while (taken.has(`${stem}-${n}`)) n++;
  const id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/** The number in a fresh id (`server-3` → 3), used for the default label "Server 3". */
export function idNumber(id: string): number | null {
  const match = /-(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}
