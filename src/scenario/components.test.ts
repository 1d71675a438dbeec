import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { databaseConfig, databaseProfiles } from './components/database.ts';
import { components, isNodeType, nodeTypes, plannedTypes } from './components/index.ts';
import { balancerProfiles, loadBalancerConfig } from './components/loadBalancer.ts';
import { serverConfig, serverProfiles } from './components/server.ts';
import { issueExample, nodeById } from './fixtures/build.ts';
import { restoreScenario } from './restore.ts';

interface Meta {
  title?: unknown;
  description?: unknown;
  unit?: unknown;
}
const metaOf = (schema: unknown): Meta | undefined => (schema as { meta(): Meta | undefined }).meta();

/**
 * Config fields that have a title but no help text yet. Keep this list short: the inspector shows
 * `description` as the field's help.
 */
const withoutDescription = new Set(['loadBalancer.healthCheck']);

describe('the component registry', () => {
  it('has the node types the engine simulates, each registered under its own name', () => {
    expect(nodeTypes).toEqual([
      'client',
      'loadBalancer',
      'server',
      'database',
      'cache',
      'cdn',
      'queue',
      'workerPool',
      'scheduler',
      'mapReduce',
    ]);
    for (const t of nodeTypes) {
      expect(components[t].type).toBe(t);
      expect(components[t].label.length).toBeGreaterThan(0);
      expect(components[t].description.length).toBeGreaterThan(10);
    }
  });

  it('isNodeType knows only registered types, not Object.prototype keys', () => {
    for (const t of nodeTypes) expect(isNodeType(t)).toBe(true);
    for (const t of ['mainframe', 'Client', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(isNodeType(t), t).toBe(false);
  });

  it('planned types are not (yet) node types, and a document using one is refused', () => {
    for (const p of plannedTypes) {
      expect(isNodeType(p.type)).toBe(false);
      const d = issueExample();
      nodeById(d, 'web-1').type = p.type;
      expect(restoreScenario(d).ok).toBe(false);
    }
  });
});

describe.each(nodeTypes)('the %s config', (type) => {
  const config = components[type].config;
  const fields = Object.entries(config.shape) as Array<[string, z.ZodType]>;

  it('parses {} into a complete config: every field has a default', () => {
    const parsed = config.parse({}) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(fields.map(([k]) => k).sort());
    for (const [key] of fields) expect(parsed[key], key).not.toBeUndefined();
  });

  it('refuses unknown fields (strict), so typos are reported', () => {
    expect(config.safeParse({ notAField: 1 }).success).toBe(false);
  });

  it('every field carries a title and help text for the inspector', () => {
    for (const [key, schema] of fields) {
      const meta = metaOf(schema);
      expect(typeof meta?.title, `${type}.${key} title`).toBe('string');
      if (!withoutDescription.has(`${type}.${key}`))
        expect(typeof meta?.description, `${type}.${key} description`).toBe('string');
    }
  });

  it('the defaults are themselves valid values', () => {
    const defaults = config.parse({});
    expect(config.parse(defaults)).toEqual(defaults);
  });
});

describe('hardware profiles', () => {
  it('every profile a config can name has a definition with a speed/capacity and a cost', () => {
    expect(Object.keys(serverProfiles).sort()).toEqual(
      [...serverConfig.shape.profile.unwrap().options].sort(),
    );
    expect(Object.keys(databaseProfiles).sort()).toEqual(
      [...databaseConfig.shape.profile.unwrap().options].sort(),
    );
    expect(Object.keys(balancerProfiles).sort()).toEqual(
      [...loadBalancerConfig.shape.profile.unwrap().options].sort(),
    );
    for (const p of [...Object.values(serverProfiles), ...Object.values(databaseProfiles)]) {
      expect(p.speed).toBeGreaterThan(0);
      expect(p.costPerMonth).toBeGreaterThan(0);
    }
    for (const p of Object.values(balancerProfiles)) {
      expect(p.capacityRps).toBeGreaterThan(0);
      expect(p.costPerMonth).toBeGreaterThan(0);
    }
  });
});
