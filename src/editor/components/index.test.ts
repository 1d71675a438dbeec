import { describe, expect, it } from 'vitest';
import { defaultScenarioInput } from '../../scenario/examples/defaultScenario.ts';
import { components, nodeTypes, plannedTypes, restoreOrThrow } from '../../scenario/index.ts';
import { anyView, componentViews, handlesOf, paletteEntries, summaryOf } from './index.ts';

describe('component views', () => {
  it('every simulated type can be drawn: its own view, or the plain one until it has one', () => {
    for (const type of nodeTypes) {
      const view = anyView(type);
      expect(view.icon).toBeTypeOf('function');
      expect(view.summary(components[type].config.parse({}))).toBeTypeOf('string');
    }
    // Not a failure (the engine may land a type before its view), but worth seeing in the log.
    const missing = nodeTypes.filter((t) => !componentViews[t]);
    if (missing.length > 0)
      console.warn(`No view yet in src/editor/components/ for: ${missing.join(', ')} (see docs/editor.md).`);
  });

  it('summaries read like the issue asks', () => {
    const doc = restoreOrThrow(defaultScenarioInput);
    const summary = (id: string) => {
      const node = doc.nodes.find((n) => n.id === id);
      if (!node) throw new Error(id);
      return summaryOf(node);
    };
    expect(summary('users')).toBe('150 req/s');
    expect(summary('lb')).toBe('round-robin · health 1 s × 2');
    expect(summary('web-1')).toBe('4 workers · 20 ms');
    expect(summary('db')).toBe('20 conn · 5/12 ms');
  });

  it('the palette lists every simulated and planned type, in that order', () => {
    expect(paletteEntries.map((e) => e.type)).toEqual([...nodeTypes, ...plannedTypes.map((p) => p.type)]);
    expect(paletteEntries.filter((e) => e.available).map((e) => e.label)).toEqual(
      nodeTypes.map((t) => components[t].label),
    );
  });

  it('handles follow the connection rules: a client only sends, a database only answers', () => {
    expect(handlesOf.client).toEqual({ input: false, output: true });
    expect(handlesOf.database).toEqual({ input: true, output: false });
    expect(handlesOf.server).toEqual({ input: true, output: true });
  });
});
