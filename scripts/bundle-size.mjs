#!/usr/bin/env node
// The JavaScript a visitor downloads before the first interaction: the entry script of the
// built index.html and every module it preloads, gzip-compressed as a server would send them.
// Usage: node scripts/bundle-size.mjs [distDir] — exits 1 above the budget (issue: ≤ 250 kB gzip).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1].replace(/^\//, ''));

let total = 0;
const rows = files.map((file) => {
  const kb = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1000;
  total += kb;
  return [file, kb];
});
rows.sort((a, b) => b[1] - a[1]);
for (const [file, kb] of rows) console.log(`${kb.toFixed(1).padStart(7)} kB  ${file}`);
console.log(`${total.toFixed(1).padStart(7)} kB  first-load JavaScript, gzip (budget ${BUDGET_KB} kB)`);
if (total > BUDGET_KB) {
  console.error(`Over budget by ${(total - BUDGET_KB).toFixed(1)} kB: load the new code lazily.`);
  process.exit(1);
}
