#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests, then e2e in Chromium and the first-load size budget — every step runs even if an
// earlier one fails, so one run shows everything that is wrong. Ends with a plain
// "N passed, N failed" line that CI reads (Vitest's and Playwright's own summaries differ).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (label, cmd, args) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  return r.status === 0;
};
const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit-results.json', 'test-results/e2e-results.json'])
  rmSync(f, { force: true });

let passed = 0;
let failed = 0;
const steps = [];

const typecheckOk = run('type-check', 'npx', ['tsc', '-b']);
typecheckOk ? passed++ : failed++;
steps.push(['type-check', typecheckOk]);

const lintOk = run('lint', 'npx', ['biome', 'check', '.']);
lintOk ? passed++ : failed++;
steps.push(['lint', lintOk]);

const unitOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit-results.json',
]);
const unit = readJson('test-results/unit-results.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0 ? 1 : 0);
} else if (!unitOk) failed++;
steps.push(['unit tests', unitOk]);

const e2eOk = run('e2e (Chromium)', 'npx', ['playwright', 'test']);
const e2e = existsSync('test-results/e2e-results.json') ? readJson('test-results/e2e-results.json') : null;
if (e2e?.stats) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
  if (!e2eOk && e2e.stats.unexpected === 0) failed++;
} else if (!e2eOk) failed++;
steps.push(['e2e', e2eOk]);

// The e2e server built the app; its first-load JavaScript must stay within the budget.
const dist = process.env.E2E_DIST ?? 'dist';
if (existsSync(`${dist}/index.html`)) {
  const sizeOk = run('first-load size', 'node', ['scripts/bundle-size.mjs', dist]);
  sizeOk ? passed++ : failed++;
  steps.push(['first-load size', sizeOk]);
}

console.log('\n=== summary');
for (const [label, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'}  ${label}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(steps.every(([, ok]) => ok) ? 0 : 1);
