import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultScenarioInput } from '../scenario/examples/defaultScenario.ts';
import { restoreOrThrow, restoreScenario } from '../scenario/restore.ts';
import { toBase64Url } from './base64url.ts';
import { twentyNodeScenario } from './fixtures/twentyNodes.ts';
import { DICTIONARY_V1 } from './formatV1.ts';
import { decodeScenarioLink, encodeScenarioLink, MAX_LINK_CHARS } from './shareLink.ts';
import { scenarioDocument } from './testing/arbitraries.ts';

function roundTrip(input: unknown) {
  const s = restoreOrThrow(input);
  const link = encodeScenarioLink(s);
  const back = decodeScenarioLink(link);
  if (!back.ok) throw new Error(back.error);
  return { s, link, back: back.scenario };
}

describe('share links: size', () => {
  it('the default scenario fits in 200 characters', () => {
    const { link } = roundTrip(defaultScenarioInput);
    console.info(`default scenario link: ${link.length} characters`);
    expect(link.length).toBeLessThanOrEqual(200);
  });

  it('a 20-node, 30-edge scenario fits in 400 characters (deflated JSON needs ~1,030)', () => {
    const input = twentyNodeScenario();
    const { s, link } = roundTrip(input);
    expect(s.nodes).toHaveLength(20);
    expect(s.edges).toHaveLength(30);
    const json = toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(input)), { level: 9 }));
    console.info(`20-node, 30-edge link: ${link.length} characters (deflated JSON: ${json.length})`);
    expect(link.length).toBeLessThanOrEqual(400);
  });
});

describe('share links: round trips', () => {
  it('encode → decode gives the same document, for random documents', () => {
    fc.assert(
      fc.property(scenarioDocument, (doc) => {
        const restored = restoreScenario(doc);
        fc.pre(restored.ok);
        if (!restored.ok) return;
        const link = encodeScenarioLink(restored.scenario);
        expect(link).toMatch(/^#s1\.[A-Za-z0-9_-]+$/);
        const back = decodeScenarioLink(link);
        if (!back.ok) throw new Error(back.error);
        // JSON is the document's identity (-0 and 0 are the same number there).
        expect(JSON.stringify(back.scenario)).toBe(JSON.stringify(restored.scenario));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a standby pair edge (flag bit 4), with or without an id, beside ordinary edges', () => {
    const input = {
      type: 'scalelab-scenario',
      version: 1,
      nodes: [
        { id: 'users', type: 'client' },
        { id: 'lb-a', type: 'loadBalancer', config: { failoverMs: 1500 } },
        { id: 'lb-b', type: 'loadBalancer' },
        { id: 'web', type: 'server' },
      ],
      edges: [
        { source: 'users', target: 'lb-a', latencyMs: 20 },
        { source: 'lb-a', target: 'web' },
        { source: 'lb-b', target: 'web' },
        { source: 'lb-a', target: 'lb-b', kind: 'pair' },
      ],
    };
    const { s, back } = roundTrip(input);
    expect(back).toEqual(s);
    expect(back.edges.map((e) => e.kind ?? 'request')).toEqual(['request', 'request', 'request', 'pair']);
    const withId = { ...input, edges: input.edges.map((e, i) => (i === 3 ? { ...e, id: 'ha' } : e)) };
    const named = roundTrip(withId);
    expect(named.back).toEqual(named.s);
    expect(named.back.edges[3]).toMatchObject({ id: 'ha', kind: 'pair', source: 'lb-a', target: 'lb-b' });
    // Without the pair the link is what it always was: the flag costs nothing elsewhere.
    const plain = roundTrip({ ...input, edges: input.edges.slice(0, 3) });
    expect(plain.back.edges.every((e) => e.kind === undefined)).toBe(true);
  });

  it('a link made before pair edges existed reads, and is written, exactly as before', () => {
    // The default scenario with a latency and an id on its first edge (flag bits 1 and 2),
    // encoded by the app as it was before bit 4 was added.
    const before =
      '#s1.AbNVJJiOtBrkDjCJsDEwMjGxMLOC9TLlJLGCjQaTRqzgGGBKSWJlZRNjZWUFm8yLEjSs4KjigAUowwHGBcwMC5gnMDIcYDrAvIEJSHEeUF3IxMDWwNjAytjwhZm1gbWBmZ2BQYFBQUFAQUHBwUEhwYGZgYERCBqYgQIKTJl5DAA';
    const s = restoreOrThrow({
      ...defaultScenarioInput,
      edges: (defaultScenarioInput.edges ?? []).map((e, i) =>
        i === 0 ? { ...e, latencyMs: 12, id: 'in' } : e,
      ),
    });
    const back = decodeScenarioLink(before);
    expect(back.ok && back.scenario).toEqual(s);
    expect(encodeScenarioLink(s)).toBe(before);
  });

  it('keeps markup in labels and titles as plain text', () => {
    const doc = structuredClone(defaultScenarioInput);
    doc.title = '<script>alert(1)</script>';
    (doc.nodes?.[0] as { label?: string }).label = '<img src=x onerror=alert(1)>';
    const { back } = roundTrip(doc);
    expect(back.title).toBe('<script>alert(1)</script>');
    expect(back.nodes[0]?.label).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('share links: bad input never throws and says what is wrong', () => {
  const good = encodeScenarioLink(restoreOrThrow(twentyNodeScenario()));

  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = decodeScenarioLink(text);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 10_000 },
    );
  });

  it('random payloads after a valid prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeScenarioLink(`#s1.${toBase64Url(bytes)}`);
        if (!r.ok) expect(r.error).toMatch(/link/i);
      }),
      { numRuns: 15_000 },
    );
  });

  it('mangled valid links: flipped, dropped, inserted characters, truncation', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ op: fc.constantFrom('flip', 'drop', 'insert', 'cut'), at: fc.nat(), ch: fc.nat(63) }),
          { minLength: 1, maxLength: 4 },
        ),
        (ops) => {
          let link = good;
          for (const { op, at, ch } of ops) {
            const i = 4 + (at % Math.max(1, link.length - 4));
            const c = alphabet.charAt(ch);
            if (op === 'flip') link = link.slice(0, i) + c + link.slice(i + 1);
            else if (op === 'drop') link = link.slice(0, i) + link.slice(i + 1);
            else if (op === 'insert') link = link.slice(0, i) + c + link.slice(i);
            else link = link.slice(0, i);
          }
          const r = decodeScenarioLink(link);
          if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
          else expect(r.scenario.type).toBe('scalelab-scenario');
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('a decompression bomb is stopped at the cap, quickly', () => {
    const bomb = deflateSync(new Uint8Array(50_000_000), { level: 9, dictionary: DICTIONARY_V1 });
    const payload = new Uint8Array(bomb.length + 1);
    payload[0] = 1;
    payload.set(bomb, 1);
    const link = `#s1.${toBase64Url(payload)}`;
    expect(link.length).toBeLessThan(MAX_LINK_CHARS);
    const t0 = performance.now();
    const r = decodeScenarioLink(link);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/unpacks to more than/);
  });

  it('a link from a newer version says so', () => {
    const r = decodeScenarioLink('#s2.AAAA');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/newer version of ScaleLab/);
  });

  it('an oversized link is refused before any work', () => {
    const r = decodeScenarioLink(`#s1.${'A'.repeat(MAX_LINK_CHARS + 1)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/too long/);
  });

  it('a link cut short offers what it could recover', () => {
    // A link cut inside its edges still holds every node.
    let cutShort = '';
    for (let keep = good.length - 1; keep > 20; keep--) {
      const r = decodeScenarioLink(good.slice(0, keep));
      if (!r.ok && r.recovered) {
        cutShort = 'found';
        expect(r.error).toMatch(/damaged/);
        expect(r.recovered.nodes.length).toBeGreaterThan(0);
        break;
      }
    }
    expect(cutShort).toBe('found');
  });
});
