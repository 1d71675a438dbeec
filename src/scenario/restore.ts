import { z } from 'zod';
import { pairProblems } from './balancerPairs.ts';
import { components, isNodeType } from './components/index.ts';
import { connectionProblem } from './connections.ts';
import { CURRENT_VERSION, DOCUMENT_TYPE, type Scenario, scenarioSchema } from './document.ts';
import { isPairEdge } from './edgeKinds.ts';
import { type Migration, MigrationError, migrate, migrations } from './migrations.ts';

/**
 * The one restore funnel. Every input — a file, a share link, a local save, a lesson, a CLI
 * argument — becomes a scenario here and nowhere else:
 *   unknown input → parse JSON → check the envelope → migrate → validate → fill defaults
 *   → check the graph → a clear message naming the field and what was expected.
 * It never throws on bad input.
 */
export interface Problem {
  /** Where, e.g. `nodes[2] "web-1".config.workers`. Empty for the whole document. */
  path: string;
  message: string;
}

export type RestoreResult =
  | { ok: true; scenario: Scenario; migratedFrom: number | null }
  | { ok: false; error: string; problems: Problem[] };

export const MAX_INPUT_CHARS = 5_000_000;

export interface RestoreOptions {
  /** For tests of the migration machinery. */
  migrations?: Readonly<Record<number, Migration>>;
  currentVersion?: number;
}

export function restoreScenario(input: unknown, options: RestoreOptions = {}): RestoreResult {
  try {
    return restoreUnsafe(input, options);
  } catch (e) {
    // Defence in depth: no input may crash a caller. Anything that slips past the checks
    // below (an exotic object handed in directly, say) still becomes a message.
    return fail(`This scenario could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

function restoreUnsafe(input: unknown, options: RestoreOptions): RestoreResult {
  const currentVersion = options.currentVersion ?? CURRENT_VERSION;
  let raw: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_INPUT_CHARS)
      return fail(
        `The scenario is too large (${input.length.toLocaleString('en-US')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}).`,
      );
    try {
      // A byte-order mark from a Windows editor is not part of the JSON.
      raw = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (e) {
      return fail(`This is not valid JSON: ${(e as Error).message}.`);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail(
      `Expected a scenario object like {"type": "${DOCUMENT_TYPE}", "version": ${currentVersion}, …}, got ${describeValue(raw)}.`,
    );

  const doc = raw as Record<string, unknown>;
  if (doc.type !== DOCUMENT_TYPE)
    return fail(
      doc.type === undefined
        ? `This is not a ScaleLab scenario: the field "type" is missing (expected "${DOCUMENT_TYPE}").`
        : `This is not a ScaleLab scenario: "type" is ${describeValue(doc.type)}, expected "${DOCUMENT_TYPE}".`,
      [{ path: 'type', message: `expected "${DOCUMENT_TYPE}", got ${describeValue(doc.type)}` }],
    );
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail(
      `The field "version" must be a whole number from 1 to ${currentVersion}, got ${describeValue(version)}.`,
      [{ path: 'version', message: 'expected a whole number' }],
    );
  if (version > currentVersion)
    return fail(
      `This scenario was made by a newer version of ScaleLab (format ${version}; this one reads up to ${currentVersion}). Reload the page to get the latest version.`,
      [{ path: 'version', message: `newer than ${currentVersion}` }],
    );

  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(doc, version, currentVersion, options.migrations ?? migrations);
  } catch (e) {
    const why = e instanceof MigrationError ? e.message : String(e);
    return fail(`This scenario (format ${version}) could not be upgraded: ${why}.`);
  }

  // The schema pins `version` to the current format; tests of the migration machinery
  // pretend a later format is current.
  const schema =
    currentVersion === CURRENT_VERSION
      ? scenarioSchema
      : scenarioSchema.extend({ version: z.literal(currentVersion) });
  const parsed = schema.safeParse(migrated);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => toProblem(issue, migrated));
    return fail(summarise(problems), problems);
  }
  const scenario = parsed.data as Scenario;
  const graphProblems = checkGraph(scenario);
  if (graphProblems.length > 0) return fail(summarise(graphProblems), graphProblems);
  return { ok: true, scenario, migratedFrom: version < currentVersion ? version : null };
}

/** Same as restoreScenario but throws a readable Error; for tests and trusted built-in content. */
export function restoreOrThrow(input: unknown): Scenario {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

/** Graph rules the schema alone cannot express. */
function checkGraph(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const types = new Map<string, string>();
  s.nodes.forEach((n, i) => {
    if (types.has(n.id))
      problems.push({
        path: `nodes[${i}].id`,
        message: `the id "${n.id}" is used twice; ids must be unique`,
      });
    types.set(n.id, n.type);
  });
  const seen = new Set<string>();
  const edgeIds = new Set<string>();
  s.edges.forEach((e, i) => {
    const where = `edges[${i}]`;
    if (e.id !== undefined) {
      if (edgeIds.has(e.id))
        problems.push({
          path: `${where}.id`,
          message: `the edge id "${e.id}" is used twice; ids must be unique`,
        });
      edgeIds.add(e.id);
    }
    const st = types.get(e.source);
    const tt = types.get(e.target);
    if (!st) problems.push({ path: `${where}.source`, message: `no node has the id "${e.source}"` });
    if (!tt) problems.push({ path: `${where}.target`, message: `no node has the id "${e.target}"` });
    // A standby pair carries no requests: its own rules are in balancerPairs.ts.
    if (isPairEdge(e)) return;
    if (e.source === e.target)
      problems.push({ path: where, message: `a node cannot send requests to itself ("${e.source}")` });
    const key = `${e.source}\u0000${e.target}`;
    if (seen.has(key))
      problems.push({ path: where, message: `"${e.source}" → "${e.target}" is connected twice` });
    seen.add(key);
    if (st && tt && isNodeType(st) && isNodeType(tt)) {
      const why = connectionProblem(st, tt);
      if (why) problems.push({ path: where, message: `"${e.source}" → "${e.target}": ${why}` });
    }
  });
  problems.push(...pairProblems(s, types));
  s.nodes.forEach((n, i) => {
    if (
      n.type === 'client' &&
      n.config.pattern.type === 'ramp' &&
      n.config.pattern.endS < n.config.pattern.startS
    )
      problems.push({
        path: `nodes[${i}] "${n.id}".config.pattern.endS`,
        message: `the ramp ends (${n.config.pattern.endS} s) before it starts (${n.config.pattern.startS} s)`,
      });
  });
  const flushable = new Set(
    s.nodes
      .filter(
        (n) =>
          n.type === 'cache' || n.type === 'cdn' || (n.type === 'database' && n.config.rowCache.capacity > 0),
      )
      .map((n) => n.id),
  );
  const cycle = findCycle(s);
  if (cycle)
    problems.push({ path: 'edges', message: `requests would go round in a loop: ${cycle.join(' → ')}` });
  if (s.warmup >= s.duration)
    problems.push({
      path: 'warmup',
      message: `warm-up (${s.warmup} s) must be shorter than the duration (${s.duration} s)`,
    });
  s.events.forEach((ev, i) => {
    const where = `events[${i}]`;
    if (ev.action === 'cut' || ev.action === 'heal') {
      if (!ev.source || !ev.target)
        problems.push({ path: where, message: `"${ev.action}" needs the edge's "source" and "target"` });
      else if (!seen.has(`${ev.source}\u0000${ev.target}`))
        problems.push({
          path: where,
          message: `there is no edge "${ev.source}" → "${ev.target}" to ${ev.action}`,
        });
    } else if (!ev.node)
      problems.push({ path: `${where}.node`, message: `"${ev.action}" needs the "node" it applies to` });
    else if (!types.has(ev.node))
      problems.push({ path: `${where}.node`, message: `no node has the id "${ev.node}"` });
    else if (ev.action === 'slow' && types.get(ev.node) === 'client')
      problems.push({
        path: `${where}.node`,
        message: `"slow" makes a server, database or balancer take longer; "${ev.node}" is a client (use "spike" to change its traffic)`,
      });
    else if (ev.action === 'spike' && types.get(ev.node) !== 'client')
      problems.push({
        path: `${where}.node`,
        message: `only a client's traffic can spike; "${ev.node}" is a ${types.get(ev.node)}`,
      });
    else if (ev.action === 'run' && types.get(ev.node) !== 'mapReduce')
      problems.push({
        path: `${where}.node`,
        message: `"run" starts a map-reduce job; "${ev.node}" is a ${types.get(ev.node)}`,
      });
    else if (ev.action === 'flush' && !flushable.has(ev.node))
      problems.push({
        path: `${where}.node`,
        message: `only a cache, a CDN or a database with a row cache can be flushed; "${ev.node}" is a ${types.get(ev.node)}${types.get(ev.node) === 'database' ? ' without a row cache' : ''}`,
      });
    if (ev.at > s.duration)
      problems.push({
        path: `${where}.at`,
        message: `at ${ev.at} s is after the end of the run (${s.duration} s)`,
      });
  });
  return problems;
}

/**
 * A loop of edges. Pair edges count: while the standby serves, a request sent to the active
 * balancer goes on to the standby, so "active ⇢ standby" is a path requests can take.
 */
function findCycle(s: Scenario): string[] | null {
  const out = new Map<string, string[]>();
  for (const e of s.edges) {
    if (isPairEdge(e) && e.source === e.target) continue; // refused as a pair already
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the path, 2 = done
  const path: string[] = [];
  // Iterative DFS: a deep chain must not overflow the stack.
  for (const start of s.nodes) {
    if (state.has(start.id)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }];
    state.set(start.id, 1);
    path.push(start.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const targets = out.get(top.id) ?? [];
      if (top.next < targets.length) {
        const t = targets[top.next++] as string;
        const st = state.get(t);
        if (st === 1) return [...path.slice(path.indexOf(t)), t];
        if (st === undefined) {
          state.set(t, 1);
          path.push(t);
          stack.push({ id: t, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}

function toProblem(issue: z.core.$ZodIssue, doc: Record<string, unknown>): Problem {
  const path = formatPath(issue.path, doc);
  return { path, message: explainIssue(issue, doc) };
}

/** `nodes[2] "web-1".config.workers` — the node id makes the place easy to find. */
export function formatPath(path: readonly PropertyKey[], doc: Record<string, unknown>): string {
  let out = '';
  let cursor: unknown = doc;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      cursor = Array.isArray(cursor) ? cursor[key] : undefined;
      const nodeId = (cursor as { id?: unknown } | undefined)?.id;
      if (typeof nodeId === 'string') out += ` "${nodeId}"`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      cursor =
        cursor && typeof cursor === 'object' ? (cursor as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out;
}

function explainIssue(issue: z.core.$ZodIssue, doc: Record<string, unknown>): string {
  const got = valueAt(doc, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${knownFieldsHint(issue.path, doc)}`;
    case 'invalid_union': {
      // A node's `type` decides which schema applies: name what was given and what is known.
      const isNodeTypeField =
        issue.path[0] === 'nodes' &&
        (issue.path.length === 2 || (issue.path.length === 3 && issue.path[2] === 'type'));
      if (isNodeTypeField) {
        const node = valueAt(doc, issue.path.slice(0, 2)) as { type?: unknown } | undefined;
        const known = Object.keys(components)
          .map((k) => `"${k}"`)
          .join(', ');
        return node?.type === undefined
          ? `the node has no "type"; expected one of ${known}`
          : `unknown node type ${describeValue(node.type)}; expected one of ${known}`;
      }
      return issue.message;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(got)}`;
    case 'invalid_type':
      return `expected ${expectedNoun(issue.expected)}, got ${describeValue(got)}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? issue.message
        : `expected a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}, got ${describeValue(got)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `too many entries (at most ${String(issue.maximum)})`
        : issue.origin === 'string'
          ? `too long (at most ${String(issue.maximum)} characters)`
          : `expected a number ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}, got ${describeValue(got)}`;
    default:
      return `${issue.message}${got === undefined ? '' : `, got ${describeValue(got)}`}`;
  }
}

function knownFieldsHint(path: readonly PropertyKey[], doc: Record<string, unknown>): string {
  // For a node's config, list the fields that type knows: a typo is the usual cause.
  if (path.length === 3 && path[0] === 'nodes' && path[2] === 'config') {
    const node = valueAt(doc, path.slice(0, 2)) as { type?: unknown } | undefined;
    if (node && typeof node.type === 'string' && isNodeType(node.type))
      return ` (a ${node.type} knows: ${Object.keys(components[node.type].config.shape).join(', ')})`;
  }
  return '';
}

function expectedNoun(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return `a ${expected}`;
  }
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let cursor = doc;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<PropertyKey, unknown>)[key];
  }
  return cursor;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

function summarise(problems: Problem[]): string {
  const shown = problems.slice(0, 5).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const more = problems.length > 5 ? `\n…and ${problems.length - 5} more.` : '';
  return `The scenario has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${shown.map((s) => `• ${s}`).join('\n')}${more}`;
}

function fail(error: string, problems: Problem[] = [{ path: '', message: error }]): RestoreResult {
  return { ok: false, error, problems };
}
