import type { NumberFieldSpec } from './fieldSpecs.ts';

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

export const formatNumber = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

/**
 * Reads what a person typed into a number field and says precisely what is wrong with it.
 * Accepts "1,000" and "1 000" and "1_000" as thousands; an empty box means "not set" for the
 * fields that allow it (a queue without a limit, a client without a timeout).
 */
export function parseNumber(spec: NumberFieldSpec, text: string): Parsed {
  let t = text.trim().replace(/[\s_\u00a0\u202f]/g, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (t === '') {
    if (spec.nullable) return { ok: true, value: null };
    return {
      ok: false,
      message: `Enter a number${typeof spec.default === 'number' ? ` (the default is ${formatNumber(spec.default)})` : ''}.`,
    };
  }
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is not a number.` };
  if (spec.integer && !Number.isInteger(value)) return { ok: false, message: 'Must be a whole number.' };
  if (spec.min !== undefined) {
    if (spec.minExclusive && value <= spec.min)
      return { ok: false, message: `Must be more than ${formatNumber(spec.min)}.` };
    if (!spec.minExclusive && value < spec.min)
      return { ok: false, message: `Must be at least ${formatNumber(spec.min)}.` };
  }
  if (spec.max !== undefined && value > spec.max)
    return { ok: false, message: `Must be at most ${formatNumber(spec.max)}.` };
  return { ok: true, value };
}

/** The range as a hint under the field: "1 – 100,000, whole number". */
export function describeRange(spec: NumberFieldSpec): string {
  const parts: string[] = [];
  if (spec.min !== undefined && spec.max !== undefined)
    parts.push(
      `${spec.minExclusive ? 'more than ' : ''}${formatNumber(spec.min)} – ${formatNumber(spec.max)}`,
    );
  else if (spec.min !== undefined) parts.push(`${spec.minExclusive ? '>' : '≥'} ${formatNumber(spec.min)}`);
  else if (spec.max !== undefined) parts.push(`≤ ${formatNumber(spec.max)}`);
  if (spec.integer) parts.push('whole number');
  return parts.join(', ');
}
