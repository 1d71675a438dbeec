import { deflateSync, Inflate } from 'fflate';
import type { Scenario } from '../scenario/document.ts';
import { fromBase64Url, toBase64Url } from '../share/base64url.ts';
import { ByteReader, ByteWriter } from '../share/bytes.ts';
import { DICTIONARY_V1 } from '../share/formatV1.ts';
import { decodeScenarioLink, encodeBytes, MAX_PAYLOAD_BYTES } from '../share/shareLink.ts';
import type { Exercise, Workshop } from './goals.ts';
import { type ExerciseResult, restoreExercise, restoreWorkshop, type WorkshopResult } from './restore.ts';

/**
 * Exercise and workshop links: the whole document in the URL fragment, like a scenario's
 * share link (`#s1.…`), built on the same bytes, base64url and deflate helpers.
 *
 *   #x1.<base64url>   one exercise
 *   #w1.<base64url>   a workshop: an ordered list of exercises
 *
 * Payload: one mode byte (0 raw, 1 deflated with a frozen dictionary), then the body. An
 * exercise's body is its JSON without the start scenario, then the start in the compact
 * binary form of share links. Decoding goes back through the scenario link decoder (its caps
 * and restore funnel) and then the exercise restore funnel, behind size caps before and after
 * inflating. Never throws.
 */

export const EXERCISE_LINK_FORMAT = 1;
export const WORKSHOP_LINK_FORMAT = 1;
export const MAX_EXERCISE_LINK_CHARS = 200_000;
export const MAX_WORKSHOP_LINK_CHARS = 1_000_000;

/** Frozen with format 1: common fragments of exercise JSON, after the scenario dictionary. */
const EXERCISE_DICTIONARY_V1 = (() => {
  const extra = new TextEncoder().encode(
    [
      '"hint":"Look at the utilisation chart: which node is near 100%?","label":"',
      '{"metric":"costPerMonth","max":{"metric":"throughput","min":{"metric":"errors","cause":"',
      '{"metric":"utilization","type":"server","max":0.{"metric":"load","node":"',
      '{"metric":"hitRatio","type":"cache","min":0.{"metric":"staleRatio","type":"cache","max":0.',
      '{"metric":"offload","type":"cdn","min":0.{"metric":"jobLagP99","type":"queue","max":',
      '{"metric":"faultFailures","node":"{"metric":"detectionMs","node":"',
      '"rules":[{"label":"","check":{"kind":"edges","from":{"role":"web"},"to":{"type":"database"},"max":0}',
      '{"kind":"config","match":{"type":"loadBalancer"},"path":"strategy","equals":"',
      '"constraints":{"allowedTypes":["client","loadBalancer","server","database","cache"],"maxCount":{"server":',
      '"budgetPerMonth":"lockTraffic":false,"locked":[{"node":"users","fields":"traffic"}],',
      '"goal":{"conditions":[{"metric":"p99","max":{"metric":"errorRate","max":0.0',
      '{"type":"scalelab-exercise","version":1,"id":"","title":"","brief":"","hints":["',
    ].join(''),
  );
  const out = new Uint8Array(DICTIONARY_V1.length + extra.length);
  out.set(DICTIONARY_V1, 0);
  out.set(extra, DICTIONARY_V1.length);
  return out;
})();

export type ExerciseLinkResult = ExerciseResult;
export type WorkshopLinkResult = WorkshopResult;

export function encodeExerciseLink(exercise: Exercise): string {
  const w = new ByteWriter();
  writeExercise(w, exercise);
  return `#x${EXERCISE_LINK_FORMAT}.${pack(w.bytes())}`;
}

export function encodeWorkshopLink(workshop: Workshop): string {
  const w = new ByteWriter();
  w.string(JSON.stringify({ title: workshop.title, description: workshop.description }));
  w.uint(workshop.exercises.length);
  for (const ex of workshop.exercises) writeExercise(w, ex);
  return `#w${WORKSHOP_LINK_FORMAT}.${pack(w.bytes())}`;
}

/** Decodes `#x1.…` (with or without the #, or a whole URL ending in one). */
export function decodeExerciseLink(link: string): ExerciseLinkResult {
  try {
    const body = unpack(link, 'x', EXERCISE_LINK_FORMAT, MAX_EXERCISE_LINK_CHARS, 'an exercise');
    if (!body.ok) return failed(body.error);
    const r = new ByteReader(body.bytes);
    const doc = readExercise(r);
    if (!doc.ok) return failed(doc.error);
    if (!r.done) return failed('This link is damaged: it has bytes after the exercise.');
    return restoreExercise(doc.value);
  } catch (e) {
    return failed(
      `This link is damaged and cannot be opened (${(e as Error).message}). Ask for the link again.`,
    );
  }
}

/** Decodes `#w1.…` (with or without the #, or a whole URL ending in one). */
export function decodeWorkshopLink(link: string): WorkshopLinkResult {
  try {
    const body = unpack(link, 'w', WORKSHOP_LINK_FORMAT, MAX_WORKSHOP_LINK_CHARS, 'a workshop');
    if (!body.ok) return failed(body.error);
    const r = new ByteReader(body.bytes);
    const head = JSON.parse(r.string(100_000)) as Record<string, unknown>;
    const n = r.uint();
    if (n > 1000) return failed('This link is damaged: it claims too many exercises.');
    const exercises: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const ex = readExercise(r);
      if (!ex.ok) return failed(`Exercise ${i + 1} of this workshop link is damaged: ${ex.error}`);
      exercises.push(ex.value);
    }
    if (!r.done) return failed('This link is damaged: it has bytes after the last exercise.');
    return restoreWorkshop({ ...head, type: 'scalelab-workshop', version: 1, exercises });
  } catch (e) {
    return failed(
      `This link is damaged and cannot be opened (${(e as Error).message}). Ask for the link again.`,
    );
  }
}

/** Which kind of ScaleLab link a string carries, if any: "s" scenario, "x" exercise, "w" workshop. */
export function linkKind(text: string): 's' | 'x' | 'w' | null {
  const m = /#([sxw])\d+\.\S*$/.exec(text.trim());
  return m ? (m[1] as 's' | 'x' | 'w') : null;
}

// ——— Body ———

function writeExercise(w: ByteWriter, exercise: Exercise): void {
  const { start, ...rest } = exercise;
  w.string(JSON.stringify(compact(rest)));
  const bytes = encodeBytes(start);
  w.uint(bytes.length);
  for (const b of bytes) w.byte(b);
}

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

function readExercise(r: ByteReader): Read<Record<string, unknown>> {
  const json = JSON.parse(r.string(1_000_000)) as unknown;
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: 'its exercise text is damaged' };
  const n = r.uint();
  if (n > MAX_PAYLOAD_BYTES) return { ok: false, error: 'its start scenario is too large' };
  const bytes = new Uint8Array(n + 1);
  bytes[0] = 0; // a raw (not deflated) scenario payload
  for (let i = 0; i < n; i++) bytes[i + 1] = r.byte();
  const scenario = decodeScenarioLink(`#s1.${toBase64Url(bytes)}`);
  if (!scenario.ok) return { ok: false, error: `its start scenario: ${scenario.error}` };
  return {
    ok: true,
    value: { ...(json as Record<string, unknown>), start: scenario.scenario satisfies Scenario },
  };
}

/** Drops empty defaults so the link stays short; restore fills them back. */
function compact(doc: Omit<Exercise, 'start'>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc };
  if (doc.brief === '') delete out.brief;
  if (doc.hints.length === 0) delete out.hints;
  const c: Record<string, unknown> = { ...doc.goal.constraints };
  if (doc.goal.constraints.locked.length === 0) delete c.locked;
  if (doc.goal.constraints.rules.length === 0) delete c.rules;
  if (doc.goal.constraints.lockTraffic) delete c.lockTraffic;
  out.goal = { ...doc.goal, constraints: c };
  return out;
}

// ——— Envelope ———

function pack(raw: Uint8Array): string {
  const deflated = deflateSync(raw, { level: 9, mem: 8, dictionary: EXERCISE_DICTIONARY_V1 });
  const useDeflate = deflated.length < raw.length;
  const body = useDeflate ? deflated : raw;
  const payload = new Uint8Array(body.length + 1);
  payload[0] = useDeflate ? 1 : 0;
  payload.set(body, 1);
  return toBase64Url(payload);
}

function unpack(
  link: string,
  prefix: 'x' | 'w',
  format: number,
  maxChars: number,
  what: string,
): { ok: true; bytes: Uint8Array } | { ok: false; error: string } {
  const trimmed = link.trim();
  const hash = trimmed.lastIndexOf('#');
  const text = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  if (text.length > maxChars)
    return {
      ok: false,
      error: `This link is too long to open (${text.length.toLocaleString('en-US')} characters; the limit is ${maxChars.toLocaleString('en-US')}).`,
    };
  const m = new RegExp(`^${prefix}(\\d+)\\.(.*)$`, 's').exec(text);
  if (!m) {
    const kind = /^([sxw])\d+\./.exec(text)?.[1];
    const other =
      kind === 's' ? 'a scenario' : kind === 'x' ? 'an exercise' : kind === 'w' ? 'a workshop' : null;
    return {
      ok: false,
      error: other
        ? `This is ${other} link, not ${what} link.`
        : `This is not a ScaleLab ${what.replace(/^an? /, '')} link: it should start with #${prefix}${format}.`,
    };
  }
  const f = Number(m[1]);
  if (f > format)
    return {
      ok: false,
      error: `This link was made by a newer version of ScaleLab (link format ${f}; this one reads up to ${format}). Reload the page to get the latest version.`,
    };
  if (f < 1) return { ok: false, error: `Unknown link format ${f}.` };
  const payload = fromBase64Url(m[2] as string);
  if (!payload || payload.length < 1)
    return {
      ok: false,
      error:
        'This link is damaged: it contains characters a ScaleLab link never has. It may have been cut or changed when it was copied.',
    };
  if (payload[0] === 0) return { ok: true, bytes: payload.subarray(1) };
  if (payload[0] !== 1)
    return { ok: false, error: 'This link is damaged: its first byte is not one ScaleLab writes.' };
  return inflateCapped(payload.subarray(1), MAX_PAYLOAD_BYTES);
}

/** Inflate in small steps so a decompression bomb stops at the cap, not after. */
function inflateCapped(
  data: Uint8Array,
  cap: number,
): { ok: true; bytes: Uint8Array } | { ok: false; error: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflow = false;
  let ended = false;
  const inflater = new Inflate({ dictionary: EXERCISE_DICTIONARY_V1 }, (chunk, final) => {
    total += chunk.length;
    if (total > cap) {
      overflow = true;
      throw new Error('cap');
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    const step = 64;
    for (let i = 0; i < data.length; i += step)
      inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    return {
      ok: false,
      error: overflow
        ? `This link unpacks to more than ${(cap / 1e6).toFixed(0)} MB, far more than any exercise needs: it is damaged.`
        : `This link is damaged: its compressed data cannot be unpacked (${(e as Error).message}). It may have been cut off when it was copied: ask for the link again.`,
    };
  }
  if (!ended)
    return {
      ok: false,
      error: 'This link is damaged: it ends too early. It may have been cut off when it was copied.',
    };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes: out };
}

function failed(error: string): {
  ok: false;
  error: string;
  problems: Array<{ path: string; message: string }>;
} {
  return { ok: false, error, problems: [{ path: '', message: error }] };
}
