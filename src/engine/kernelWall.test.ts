import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The kernel's other wall: tsconfig.kernel.json keeps the DOM and Node out, biome keeps UI
 * libraries out, and this test keeps out what the ES library itself allows but a
 * deterministic engine must never touch: ambient randomness and the wall clock.
 */
const forbidden: Array<[RegExp, string]> = [
  [/\bMath\.random\s*\(/, 'Math.random (use a named stream: sim.rng(name))'],
  [/\bDate\.now\s*\(/, 'Date.now (the engine has only simulated time)'],
  [/\bnew Date\s*\(/, 'new Date (the engine has only simulated time)'],
  [/\bperformance\.now\s*\(/, 'performance.now (pacing belongs to whoever drives the engine)'],
  [/\bcrypto\.getRandomValues\s*\(/, 'crypto.getRandomValues (use a named stream)'],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the kernel wall', () => {
  const root = new URL('..', import.meta.url).pathname;
  for (const folder of ['engine', 'scenario']) {
    it(`src/${folder} uses no ambient randomness or wall clock`, () => {
      const files = sources(join(root, folder));
      expect(files.length).toBeGreaterThan(5);
      const hits: string[] = [];
      for (const f of files) {
        const text = readFileSync(f, 'utf8')
          .split('\n')
          .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
          .join('\n');
        for (const [re, why] of forbidden) if (re.test(text)) hits.push(`${relative(root, f)}: ${why}`);
      }
      expect(hits).toEqual([]);
    });
  }
});
