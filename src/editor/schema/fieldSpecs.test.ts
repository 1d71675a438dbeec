import { describe, expect, it } from 'vitest';
import { components, scenarioEdge } from '../../scenario/index.ts';
import { fieldSpecs, type NumberFieldSpec, singleFieldSpec } from './fieldSpecs.ts';
import { describeRange, parseNumber } from './parseNumber.ts';

describe('fieldSpecs', () => {
  it('reads titles, units, ranges, defaults and help from the zod metadata', () => {
    const server = fieldSpecs(components.server.config);
    expect(server.find((f) => f.key === 'workers')).toMatchObject({
      kind: 'number',
      title: 'Workers',
      unit: 'at once',
      integer: true,
      min: 1,
      max: 100_000,
      nullable: false,
      default: 1,
      description: expect.stringContaining('at the same time'),
    });
    expect(server.find((f) => f.key === 'queueLimit')).toMatchObject({ kind: 'number', nullable: true });
    expect(server.find((f) => f.key === 'profile')).toMatchObject({
      kind: 'enum',
      options: ['standard', 'cpu-optimized', 'io-optimized'],
    });
  });

  it('nests groups and leaves unions to a custom editor', () => {
    const lb = fieldSpecs(components.loadBalancer.config);
    const health = lb.find((f) => f.key === 'healthCheck');
    expect(health?.kind).toBe('group');
    if (health?.kind === 'group')
      expect(health.fields.map((f) => [f.key, f.kind])).toEqual([
        ['enabled', 'boolean'],
        ['intervalMs', 'number'],
        ['unhealthyThreshold', 'number'],
        ['healthyThreshold', 'number'],
      ]);
    expect(fieldSpecs(components.client.config).find((f) => f.key === 'pattern')?.kind).toBe('custom');
  });

  it('covers every field of every component type with a title', () => {
    for (const c of Object.values(components)) {
      const specs = fieldSpecs(c.config);
      expect(specs.map((s) => s.key)).toEqual(Object.keys(c.config.shape));
      for (const s of specs) expect(s.title.length).toBeGreaterThan(0);
    }
  });

  it('reads a single field', () => {
    expect(singleFieldSpec('latencyMs', scenarioEdge.shape.latencyMs)).toMatchObject({
      kind: 'number',
      title: 'Network latency',
      unit: 'ms',
      min: 0,
    });
  });
});

describe('parseNumber', () => {
  const workers = fieldSpecs(components.server.config).find((f) => f.key === 'workers') as NumberFieldSpec;
  const service = fieldSpecs(components.server.config).find(
    (f) => f.key === 'serviceTimeMs',
  ) as NumberFieldSpec;
  const queue = fieldSpecs(components.server.config).find((f) => f.key === 'queueLimit') as NumberFieldSpec;

  it.each([
    ['4', 4],
    [' 1,000 ', 1000],
    ['1 000', 1000],
    ['1e3', 1000],
  ])('accepts %j', (text, value) => expect(parseNumber(workers, text)).toEqual({ ok: true, value }));

  it.each([
    ['0', 'Must be at least 1.'],
    ['2.5', 'Must be a whole number.'],
    ['100001', 'Must be at most 100,000.'],
    ['abc', '“abc” is not a number.'],
    ['4x', '“4x” is not a number.'],
    ['', 'Enter a number (the default is 1).'],
  ])('refuses %j: %s', (text, message) => expect(parseNumber(workers, text)).toEqual({ ok: false, message }));

  it('knows exclusive minimums and empty nullable fields', () => {
    expect(parseNumber(service, '0')).toEqual({ ok: false, message: 'Must be more than 0.' });
    expect(parseNumber(queue, '')).toEqual({ ok: true, value: null });
    expect(describeRange(workers)).toBe('1 – 100,000, whole number');
  });
});
