import { z } from 'zod';

/**
 * The inspector is generated from each component's zod schema: `z.toJSONSchema` (input side)
 * carries the `.meta()` title, unit and help text with the ranges, defaults and choices, so one
 * definition feeds the validator, the form and the docs. This file turns that JSON Schema into
 * the few field kinds the inspector knows how to draw.
 */
interface FieldBase {
  key: string;
  title: string;
  description?: string;
}

export interface NumberFieldSpec extends FieldBase {
  kind: 'number';
  unit?: string;
  integer: boolean;
  min?: number;
  /** True when the minimum itself is not allowed (a duration must be > 0). */
  minExclusive: boolean;
  max?: number;
  nullable: boolean;
  default?: number | null;
}

export interface EnumFieldSpec extends FieldBase {
  kind: 'enum';
  options: readonly string[];
  default?: string;
}

export interface BooleanFieldSpec extends FieldBase {
  kind: 'boolean';
  default?: boolean;
}

export interface GroupFieldSpec extends FieldBase {
  kind: 'group';
  fields: readonly FieldSpec[];
}

/** A field the generic form cannot draw (a discriminated union): it needs a custom editor. */
export interface CustomFieldSpec extends FieldBase {
  kind: 'custom';
}

export type FieldSpec = NumberFieldSpec | EnumFieldSpec | BooleanFieldSpec | GroupFieldSpec | CustomFieldSpec;

interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  unit?: string;
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
}

/** "serviceTimeMs" → "Service time ms": only for fields that have no `.meta({ title })`. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function toSpec(key: string, schema: JsonSchema, titles: Readonly<Record<string, string>>): FieldSpec {
  const base: FieldBase = {
    key,
    title: schema.title ?? titles[key] ?? humanise(key),
    ...(schema.description ? { description: schema.description } : {}),
  };
  const variants = schema.anyOf ?? [];
  const nonNull = variants.filter((v) => v.type !== 'null');
  const nullable = variants.length > 0 && nonNull.length === 1 && variants.length === 2;
  const inner = nullable ? (nonNull[0] as JsonSchema) : schema;

  if (schema.oneOf || (variants.length > 0 && !nullable)) return { ...base, kind: 'custom' };
  if (inner.type === 'number' || inner.type === 'integer') {
    const min = inner.exclusiveMinimum ?? inner.minimum;
    return {
      ...base,
      kind: 'number',
      ...(schema.unit ? { unit: schema.unit } : {}),
      integer: inner.type === 'integer',
      ...(min !== undefined ? { min } : {}),
      minExclusive: inner.exclusiveMinimum !== undefined,
      ...(inner.maximum !== undefined ? { max: inner.maximum } : {}),
      nullable,
      ...(schema.default !== undefined ? { default: schema.default as number | null } : {}),
    };
  }
  if (inner.enum)
    return { ...base, kind: 'enum', options: inner.enum.map(String), default: schema.default as string };
  if (inner.type === 'boolean') return { ...base, kind: 'boolean', default: schema.default as boolean };
  if (inner.type === 'object' && inner.properties)
    return {
      ...base,
      kind: 'group',
      fields: Object.entries(inner.properties).map(([k, s]) => toSpec(k, s, titles)),
    };
  return { ...base, kind: 'custom' };
}

const cache = new WeakMap<z.ZodType, readonly FieldSpec[]>();

/**
 * The fields of an object schema, in declaration order. `titles` names fields that carry no
 * `.meta({ title })` (the traffic pattern's variants, the scenario's own settings).
 */
export function fieldSpecs(
  schema: z.ZodType,
  titles: Readonly<Record<string, string>> = {},
): readonly FieldSpec[] {
  const cached = cache.get(schema);
  if (cached) return cached;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const specs = Object.entries(json.properties ?? {}).map(([key, s]) => toSpec(key, s, titles));
  cache.set(schema, specs);
  return specs;
}

/** One field's spec (for a schema that is a single field, like an edge's latency). */
export function singleFieldSpec(key: string, schema: z.ZodType, title?: string): FieldSpec {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return toSpec(key, json, title ? { [key]: title } : {});
}
