import { deflateSync, Inflate } from 'fflate';
import { components } from '../scenario/components/index.ts';
import { LIMITS, type Scenario, type ScenarioNode } from '../scenario/document.ts';
import { type RestoreResult, restoreScenario } from '../scenario/restore.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { ByteReader, ByteWriter } from './bytes.ts';
import {
  DICTIONARY_V1,
  EDGE_FLAGS_V1,
  EVENT_ACTIONS_V1,
  FIELDS_V1,
  type FieldKind,
  type FieldTable,
  NODE_TYPES_V1,
} from './formatV1.ts';

/**
 * Share links: the whole scenario in the URL fragment (never sent to a server), as
 * `#s1.` + base64url(payload). The payload is a compact binary form of the document — only
 * values that differ from their defaults, numbers as short decimals, nodes referred to by
 * index — deflated when that makes it shorter. Decoding goes through the one restore funnel,
 * behind size caps before and after decompression.
 */
export const LINK_PREFIX = 's';
export const LINK_FORMAT = 1;
/** Longest fragment accepted (a bigger scenario is shared as a file). */
export const MAX_LINK_CHARS = 200_000;
/** Most bytes a payload may inflate to: a decompression bomb stops here. */
export const MAX_PAYLOAD_BYTES = 4_000_000;

const DEFAULT_TITLE = 'Untitled scenario';

export function encodeScenarioLink(scenario: Scenario): string {
  const raw = encodeBytes(scenario);
  const deflated = deflateSync(raw, { level: 9, mem: 8, dictionary: DICTIONARY_V1 });
  const useDeflate = deflated.length < raw.length;
  const body = useDeflate ? deflated : raw;
  const payload = new Uint8Array(body.length + 1);
  payload[0] = useDeflate ? 1 : 0;
  payload.set(body, 1);
  return `#${LINK_PREFIX}${LINK_FORMAT}.${toBase64Url(payload)}`;
}

/**
 * The binary document, column by column (all types, then all ids, all flags, all positions…):
 * like values side by side give deflate long repeats to find. Positions and edge ends are
 * stored as differences from the previous one, which a tidy grid layout makes tiny.
 */
export function encodeBytes(s: Scenario): Uint8Array {
  const w = new ByteWriter();
  const flags =
    (s.title !== DEFAULT_TITLE ? 1 : 0) |
    (s.description !== undefined ? 2 : 0) |
    (s.seed !== 1 ? 4 : 0) |
    (s.duration !== 60 ? 8 : 0) |
    (s.warmup !== 0 ? 16 : 0);
  // Canvas positions snapped to a grid are stored in grid steps: 480 px on a 20 px grid is 24.
  const grid = gridOf(s);
  w.uint(flags | (grid > 1 ? 32 : 0));
  if (flags & 1) w.string(s.title);
  if (flags & 2) w.string(s.description ?? '');
  if (flags & 4) w.uint(s.seed);
  if (flags & 8) w.decimal(s.duration);
  if (flags & 16) w.decimal(s.warmup);
  if (grid > 1) w.uint(grid);

  const index = new Map<string, number>();
  for (const [i, n] of s.nodes.entries()) index.set(n.id, i);
  const v1 = s.nodes.map((n) => typeIndexOf(n) < NODE_TYPES_V1.length);
  const extras = s.nodes.map(extrasFor);
  w.uint(s.nodes.length);
  for (const n of s.nodes) w.uint(typeIndexOf(n));
  s.nodes.forEach((n, i) => {
    // A type newer than format 1's tables travels whole, as JSON.
    if (v1[i]) w.string(n.id);
    else w.string(JSON.stringify(n));
  });
  // A node with exactly the settings of the previous node of its type (nine identical web
  // servers) says so in one bit instead of repeating them.
  const lastOfType = new Map<string, ScenarioNode>();
  // Positions go as steps from the previous node's when that is exact (any integer layout);
  // an arbitrary float that a subtraction would round goes as it is (flag 32).
  const absolute = (() => {
    let px = 0;
    let py = 0;
    return s.nodes.map((n, i) => {
      if (!v1[i] || n.position === undefined) return false;
      const { x, y } = n.position;
      const exact = Number.isInteger(x) && Number.isInteger(y) && px + (x - px) === x && py + (y - py) === y;
      // Only delta-coded positions move the reference point.
      if (exact) {
        px = x;
        py = y;
      }
      return !exact;
    });
  })();
  const repeats = s.nodes.map((n, i) => {
    const prev = lastOfType.get(n.type);
    lastOfType.set(n.type, n);
    return v1[i] === true && extras[i] === null && prev !== undefined && deepEqual(prev.config, n.config);
  });
  s.nodes.forEach((n, i) => {
    if (!v1[i]) return;
    w.uint(
      (n.label !== undefined && n.label !== n.id ? 1 : 0) |
        (n.label !== undefined && n.label === n.id ? 2 : 0) |
        (n.position !== undefined ? 4 : 0) |
        (extras[i] !== null ? 8 : 0) |
        (repeats[i] ? 16 : 0) |
        (absolute[i] ? 32 : 0),
    );
  });
  s.nodes.forEach((n, i) => {
    if (v1[i] && n.label !== undefined && n.label !== n.id) w.string(n.label);
  });
  let px = 0;
  let py = 0;
  s.nodes.forEach((n, i) => {
    if (!v1[i] || n.position === undefined) return;
    if (absolute[i]) {
      w.decimal(n.position.x);
      w.decimal(n.position.y);
      return;
    }
    w.decimal((n.position.x - px) / grid);
    w.decimal((n.position.y - py) / grid);
    px = n.position.x;
    py = n.position.y;
  });
  s.nodes.forEach((n, i) => {
    if (!v1[i] || repeats[i]) return;
    const type = n.type as (typeof NODE_TYPES_V1)[number];
    writeObject(w, FIELDS_V1[type], n.config as Record<string, unknown>, defaultsOf(type));
    const x = extras[i];
    if (x !== null && x !== undefined) w.string(JSON.stringify(x));
  });

  w.uint(s.edges.length);
  const sources = s.edges.map((e) => index.get(e.source) as number);
  // Edges grouped by source in node order (what an editor usually produces) are stored as
  // an out-degree per node; otherwise as each edge's source, relative to the previous one.
  const grouped = sources.every((src, i) => i === 0 || src >= (sources[i - 1] as number));
  w.uint(grouped ? 1 : 0);
  if (grouped) {
    const degree = new Array<number>(s.nodes.length).fill(0);
    for (const src of sources) degree[src] = (degree[src] as number) + 1;
    for (const d of degree) w.uint(d);
  } else {
    let prev = 0;
    for (const src of sources) {
      w.decimal(src - prev);
      prev = src;
    }
  }
  for (const e of s.edges) w.decimal((index.get(e.target) as number) - (index.get(e.source) as number));
  for (const e of s.edges)
    w.uint(
      (e.latencyMs !== 0 ? EDGE_FLAGS_V1.latency : 0) |
        (e.id !== undefined ? EDGE_FLAGS_V1.id : 0) |
        (e.kind === 'pair' ? EDGE_FLAGS_V1.pair : 0),
    );
  for (const e of s.edges) if (e.latencyMs !== 0) w.decimal(e.latencyMs);
  for (const e of s.edges) if (e.id !== undefined) w.string(e.id);

  w.uint(s.events.length);
  for (const ev of s.events) {
    w.decimal(ev.at);
    w.uint(EVENT_ACTIONS_V1.indexOf(ev.action as (typeof EVENT_ACTIONS_V1)[number]));
    const ef =
      (ev.node !== undefined ? 1 : 0) |
      (ev.source !== undefined ? 2 : 0) |
      (ev.target !== undefined ? 4 : 0) |
      (ev.factor !== undefined ? 8 : 0) |
      (ev.for !== undefined ? 16 : 0);
    w.uint(ef);
    if (ef & 1) w.uint(index.get(ev.node as string) as number);
    if (ef & 2) w.uint(index.get(ev.source as string) as number);
    if (ef & 4) w.uint(index.get(ev.target as string) as number);
    if (ef & 8) w.decimal(ev.factor as number);
    if (ef & 16) w.decimal(ev.for as number);
  }
  return w.bytes();
}

/** The coarsest grid (in px) every position sits on, or 1. */
function gridOf(s: Scenario): number {
  for (const g of [100, 50, 40, 20, 10, 5, 2]) {
    const fits = s.nodes.every(
      (n) =>
        n.position === undefined ||
        !Number.isInteger(n.position.x) ||
        !Number.isInteger(n.position.y) ||
        (Number.isInteger(n.position.x / g) && Number.isInteger(n.position.y / g)),
    );
    if (fits) return g;
  }
  return 1;
}

function typeIndexOf(n: ScenarioNode): number {
  const i = NODE_TYPES_V1.indexOf(n.type as (typeof NODE_TYPES_V1)[number]);
  return i < 0 ? NODE_TYPES_V1.length : i;
}

const defaultsCache = new Map<string, Record<string, unknown>>();
function defaultsOf(type: (typeof NODE_TYPES_V1)[number]): Record<string, unknown> {
  let d = defaultsCache.get(type);
  if (!d) {
    d = components[type].config.parse({}) as Record<string, unknown>;
    defaultsCache.set(type, d);
  }
  return d;
}

/** Settings format 1's tables do not know (added to a schema later) that differ from defaults. */
function extrasFor(n: ScenarioNode): Record<string, unknown> | null {
  const t = typeIndexOf(n);
  if (t === NODE_TYPES_V1.length) return null;
  const type = NODE_TYPES_V1[t] as (typeof NODE_TYPES_V1)[number];
  const known = new Set(FIELDS_V1[type].map(([k]) => k));
  const defaults = defaultsOf(type);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n.config as Record<string, unknown>))
    if (!known.has(k) && !deepEqual(v, defaults[k])) out[k] = v;
  return Object.keys(out).length > 0 ? out : null;
}

/** A presence bitmask of the fields that differ from their defaults, then their values. */
function writeObject(
  w: ByteWriter,
  table: FieldTable,
  value: Record<string, unknown>,
  defaults: Record<string, unknown>,
): void {
  let mask = 0;
  table.forEach(([k], i) => {
    if (!deepEqual(value[k], defaults[k])) mask += 2 ** i;
  });
  w.uint(mask);
  table.forEach(([k, kind], i) => {
    if (Math.floor(mask / 2 ** i) % 2 === 1) writeValue(w, kind, value[k], defaults[k]);
  });
}

function writeValue(w: ByteWriter, kind: FieldKind, v: unknown, def: unknown): void {
  switch (kind.k) {
    case 'num':
      w.decimal(v as number | null);
      break;
    case 'bool':
      w.uint(v ? 1 : 0);
      break;
    case 'enum':
      w.uint(kind.values.indexOf(v as string));
      break;
    case 'obj':
      writeObject(w, kind.fields, v as Record<string, unknown>, (def ?? {}) as Record<string, unknown>);
      break;
    case 'union': {
      const variant = (v as { type: string }).type;
      const names = Object.keys(kind.variants);
      w.uint(names.indexOf(variant));
      writeObject(w, kind.variants[variant] as FieldTable, v as Record<string, unknown>, {});
      break;
    }
  }
}

// ——— Decoding ———

export type LinkResult =
  | { ok: true; scenario: Scenario; migratedFrom: number | null }
  | {
      ok: false;
      error: string;
      /** What could be read before the damage, when it is a usable scenario on its own. */
      recovered?: Scenario;
    };

/** Decodes a fragment (with or without the leading #). Never throws. */
export function decodeScenarioLink(fragment: string): LinkResult {
  try {
    return decode(fragment);
  } catch (e) {
    return {
      ok: false,
      error: `This link is damaged and cannot be opened (${(e as Error).message}). Ask for the link again.`,
    };
  }
}

function decode(fragment: string): LinkResult {
  const text = fragment.trim().replace(/^#/, '');
  if (text.length > MAX_LINK_CHARS)
    return {
      ok: false,
      error: `This link is too long to open (${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_LINK_CHARS.toLocaleString('en-US')}). Share big scenarios as a file.`,
    };
  const m = /^s(\d+)\.(.*)$/s.exec(text);
  if (!m) return { ok: false, error: 'This is not a ScaleLab scenario link: it should start with #s1.' };
  const format = Number(m[1]);
  if (format > LINK_FORMAT)
    return {
      ok: false,
      error: `This link was made by a newer version of ScaleLab (link format ${format}; this one reads up to ${LINK_FORMAT}). Reload the page to get the latest version.`,
    };
  if (format < 1) return { ok: false, error: `Unknown link format ${format}.` };
  const payload = fromBase64Url(m[2] as string);
  if (!payload || payload.length < 1)
    return {
      ok: false,
      error:
        'This link is damaged: it contains characters a ScaleLab link never has. It may have been cut or changed when it was copied.',
    };
  const mode = payload[0];
  let bytes: Uint8Array;
  if (mode === 0) bytes = payload.subarray(1);
  else if (mode === 1) {
    const inflated = inflateCapped(payload.subarray(1), MAX_PAYLOAD_BYTES);
    if (inflated.error !== null) {
      // Cut off mid-stream: what came out before the break may still hold whole nodes.
      const partial = inflated.bytes.length > 0 ? fromBytes(inflated.bytes) : null;
      const recovered = partial && !partial.ok ? partial.recovered : undefined;
      return recovered
        ? { ok: false, error: inflated.error, recovered }
        : { ok: false, error: inflated.error };
    }
    bytes = inflated.bytes;
  } else return { ok: false, error: 'This link is damaged: its first byte is not one ScaleLab writes.' };
  return fromBytes(bytes);
}

/**
 * Inflate in small steps so a decompression bomb is stopped at the cap, not after, and a
 * link cut short still yields what came out before the cut.
 */
function inflateCapped(data: Uint8Array, cap: number): { bytes: Uint8Array; error: string | null } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  const inflater = new Inflate({ dictionary: DICTIONARY_V1 }, (chunk) => {
    total += chunk.length;
    if (total > cap) {
      overflow = true;
      throw new Error('cap');
    }
    chunks.push(chunk);
  });
  const step = 64;
  let error: string | null = null;
  try {
    for (let i = 0; i < data.length; i += step)
      inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    error = overflow
      ? `This link unpacks to more than ${(cap / 1e6).toFixed(0)} MB, far more than any scenario needs: it is damaged or not a real scenario.`
      : `This link is damaged: its compressed data cannot be unpacked (${(e as Error).message}). It may have been cut off when it was copied: ask for the link again.`;
  }
  if (overflow) return { bytes: new Uint8Array(0), error };
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { bytes: out, error };
}

function fromBytes(bytes: Uint8Array): LinkResult {
  const r = new ByteReader(bytes);
  const doc: Record<string, unknown> = { type: 'scalelab-scenario', version: 1 };
  const nodes: Array<Record<string, unknown>> = [];
  const edges: Array<Record<string, unknown>> = [];
  const events: Array<Record<string, unknown>> = [];
  doc.nodes = nodes;
  doc.edges = edges;
  doc.events = events;
  try {
    const flags = r.uint();
    if (flags & 1) doc.title = r.string(10_000);
    if (flags & 2) doc.description = r.string(100_000);
    if (flags & 4) doc.seed = r.uint();
    if (flags & 8) doc.duration = r.decimal();
    if (flags & 16) doc.warmup = r.decimal();
    const grid = flags & 32 ? r.uint() : 1;
    if (grid < 1) throw new Error('its grid size is damaged');
    const nodeCount = count(r, LIMITS.nodes, 'nodes');
    const types: number[] = [];
    for (let i = 0; i < nodeCount; i++) {
      const t = r.uint();
      if (t > NODE_TYPES_V1.length) throw new Error(`a node has an unknown type (#${t})`);
      types.push(t);
    }
    const v1 = types.map((t) => t < NODE_TYPES_V1.length);
    types.forEach((t, i) => {
      if (v1[i]) nodes.push({ id: r.string(200), type: NODE_TYPES_V1[t] });
      else {
        const parsed = JSON.parse(r.string(1_000_000)) as unknown;
        if (typeof parsed !== 'object' || parsed === null) throw new Error('a node is damaged');
        nodes.push(parsed as Record<string, unknown>);
      }
    });
    const nodeFlags = nodes.map((_, i) => (v1[i] ? r.uint() : 0));
    nodes.forEach((n, i) => {
      const f = nodeFlags[i] as number;
      if (f & 1) n.label = r.string(1000);
      if (f & 2) n.label = n.id;
    });
    let px = 0;
    let py = 0;
    nodes.forEach((n, i) => {
      if (!((nodeFlags[i] as number) & 4)) return;
      if ((nodeFlags[i] as number) & 32) {
        n.position = { x: r.decimal() ?? 0, y: r.decimal() ?? 0 };
        return;
      }
      px += (r.decimal() ?? 0) * grid;
      py += (r.decimal() ?? 0) * grid;
      n.position = { x: px, y: py };
    });
    const lastConfig = new Map<unknown, Record<string, unknown>>();
    nodes.forEach((n, i) => {
      if (!v1[i]) return;
      if ((nodeFlags[i] as number) & 16) {
        const prev = lastConfig.get(n.type);
        if (!prev) throw new Error('a node repeats settings no earlier node has');
        n.config = structuredClone(prev);
        return;
      }
      const config = readObject(r, FIELDS_V1[n.type as (typeof NODE_TYPES_V1)[number]]);
      lastConfig.set(n.type, config);
      if ((nodeFlags[i] as number) & 8) {
        const extras = JSON.parse(r.string(100_000)) as unknown;
        if (typeof extras === 'object' && extras !== null) Object.assign(config, extras);
      }
      n.config = config;
    });
    const ids = nodes.map((n) => n.id as string);
    const idAt = (i: number) => {
      const id = ids[i];
      if (id === undefined) throw new Error(`it refers to node #${i}, which does not exist`);
      return id;
    };
    const edgeCount = count(r, LIMITS.edges, 'edges');
    const sources: number[] = [];
    if (r.uint() === 1) {
      for (let node = 0; node < nodeCount; node++) {
        const degree = r.uint();
        if (sources.length + degree > edgeCount) throw new Error('its edges do not add up');
        for (let k = 0; k < degree; k++) sources.push(node);
      }
      if (sources.length !== edgeCount) throw new Error('its edges do not add up');
    } else {
      let prev = 0;
      for (let i = 0; i < edgeCount; i++) {
        prev += r.decimal() ?? 0;
        sources.push(prev);
      }
    }
    for (const src of sources) edges.push({ source: idAt(src), target: idAt(src + (r.decimal() ?? 0)) });
    const edgeFlags = edges.map(() => r.uint());
    edges.forEach((e, i) => {
      if ((edgeFlags[i] as number) & EDGE_FLAGS_V1.pair) e.kind = 'pair';
      if ((edgeFlags[i] as number) & EDGE_FLAGS_V1.latency) e.latencyMs = r.decimal();
    });
    edges.forEach((e, i) => {
      if ((edgeFlags[i] as number) & EDGE_FLAGS_V1.id) e.id = r.string(200);
    });
    const eventCount = count(r, LIMITS.events, 'events');
    for (let i = 0; i < eventCount; i++) {
      const ev: Record<string, unknown> = { at: r.decimal() };
      const action = EVENT_ACTIONS_V1[r.uint()];
      if (action === undefined) throw new Error('an event has an unknown action');
      ev.action = action;
      const ef = r.uint();
      if (ef & 1) ev.node = idAt(r.uint());
      if (ef & 2) ev.source = idAt(r.uint());
      if (ef & 4) ev.target = idAt(r.uint());
      if (ef & 8) ev.factor = r.decimal();
      if (ef & 16) ev.for = r.decimal();
      events.push(ev);
    }
  } catch (e) {
    return damaged(doc, (e as Error).message);
  }
  if (!r.done) return damaged(doc, 'it has extra data at the end');
  const restored: RestoreResult = restoreScenario(doc);
  if (!restored.ok)
    return { ok: false, error: `This link opens, but its scenario is not valid.\n${restored.error}` };
  return { ok: true, scenario: restored.scenario, migratedFrom: restored.migratedFrom };
}

/** The link broke part-way: say so, and offer what was read before the break if it stands up. */
function damaged(doc: Record<string, unknown>, why: string): LinkResult {
  const error = `This link is damaged (${why}). It may have been cut off when it was copied: ask for the link again.`;
  const nodes = doc.nodes as Array<Record<string, unknown>>;
  if (nodes.length === 0) return { ok: false, error };
  // Keep only edges and events that were read whole and point at nodes that exist.
  const partial = restoreScenario(doc);
  if (partial.ok) return { ok: false, error, recovered: partial.scenario };
  const nodesOnly = restoreScenario({ ...doc, edges: [], events: [] });
  return nodesOnly.ok ? { ok: false, error, recovered: nodesOnly.scenario } : { ok: false, error };
}

function count(r: ByteReader, max: number, what: string): number {
  const n = r.uint();
  if (n > max) throw new Error(`it claims ${n} ${what}; the most a scenario may have is ${max}`);
  return n;
}

function readObject(r: ByteReader, table: FieldTable): Record<string, unknown> {
  const mask = r.uint();
  if (mask >= 2 ** table.length) throw new Error('a component’s settings are damaged');
  const out: Record<string, unknown> = {};
  table.forEach(([k, kind], i) => {
    if (Math.floor(mask / 2 ** i) % 2 === 1) out[k] = readValue(r, kind);
  });
  return out;
}

function readValue(r: ByteReader, kind: FieldKind): unknown {
  switch (kind.k) {
    case 'num':
      return r.decimal();
    case 'bool':
      return r.uint() === 1;
    case 'enum': {
      const v = kind.values[r.uint()];
      if (v === undefined) throw new Error('a setting has an unknown choice');
      return v;
    }
    case 'obj':
      return readObject(r, kind.fields);
    case 'union': {
      const names = Object.keys(kind.variants);
      const name = names[r.uint()];
      if (name === undefined) throw new Error('a traffic pattern is damaged');
      return { type: name, ...readObject(r, kind.variants[name] as FieldTable) };
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
