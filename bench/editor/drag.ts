/**
 * Editor frame-time benchmark (not a test): loads a generated scenario with 200 components and
 * 300 connections (`/?bench=200`, restored like any other input), drags one component in loops
 * for three seconds at 60 pointer moves a second, and reports the frame times measured with
 * requestAnimationFrame, twice: with the whole graph in view (every node and edge drawn) and at
 * a working zoom. Target: p95 under 20 ms.
 *
 *   npm run bench:editor            build, serve, measure
 *   npm run bench:editor -- --no-build --nodes 400 --seconds 5
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type Browser, chromium, type Page } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const NODES = option('nodes', 200);
const SECONDS = option('seconds', 3);
const PORT = option('port', 4180);
const TARGET_P95_MS = 20;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Records every animation frame's duration and every long task, until `window.__stop`. */
const RECORDER = `
  window.__frames = [];
  window.__long = [];
  window.__stop = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push(e.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (t) => {
    window.__frames.push(t - last);
    last = t;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** Thread time of the renderer main thread's top-level tasks in a Chrome trace, in ms. */
function mainThreadCpu(buffer: Buffer): number {
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const perThread = new Map<string, number>();
  for (const e of events)
    if (
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
      mains.has(`${e.pid}:${e.tid}`)
    )
      perThread.set(`${e.pid}:${e.tid}`, (perThread.get(`${e.pid}:${e.tid}`) ?? 0) + (e.tdur ?? e.dur ?? 0));
  return Math.max(0, ...perThread.values()) / 1000;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function waitForServer(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not start at ${url}`);
}

/** Drags `server-75` in loops for SECONDS, one pointer move per frame, and reports frame times. */
async function measure(
  browser: Browser,
  page: Page,
  view: { name: string; zoomIns: number },
  counts: { nodes: number; edges: number },
) {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  for (let i = 0; i < view.zoomIns; i++)
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.waitForTimeout(600);
  const target = page.getByRole('group', { name: /^server-75,/ });
  const box = await target.boundingBox();
  if (!box) throw new Error('the node to drag is not visible');

  // Plain JavaScript text: functions passed from tsx would carry its `__name` helper along.
  await page.evaluate(RECORDER);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Only the cheap top-level category: tracing must not slow the frames it measures.
  await browser.startTracing(page, { categories: ['toplevel'] });
  // A person's pointer reports about 60 moves a second whatever the page is doing: pace the
  // moves by the wall clock (not by the page's frames), so a slow frame shows as a slow frame.
  const moves = Math.round(SECONDS * 60);
  const t0 = performance.now();
  for (let i = 1; i <= moves; i++) {
    const a = (i / moves) * Math.PI * 4;
    await page.mouse.move(start.x + Math.sin(a) * 120 + i * 0.3, start.y + (1 - Math.cos(a)) * 60);
    const wait = t0 + i * (1000 / 60) - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const trace = mainThreadCpu(await browser.stopTracing());
  await page.mouse.up();
  const result = (await page.evaluate(
    '(window.__stop = true, { frames: window.__frames.slice(2), long: window.__long })',
  )) as { frames: number[]; long: number[] };
  const moved = await target.boundingBox();
  // Put it back (one undo step for the whole drag), so the next view starts from the same layout.
  await page.keyboard.press('ControlOrMeta+z');

  const sorted = [...result.frames].sort((a, b) => a - b);
  const report = {
    view: view.name,
    date: new Date().toISOString(),
    nodes: counts.nodes,
    edges: counts.edges,
    renderedNodes: await page.locator('.react-flow__node').count(),
    renderedEdges: await page.locator('.react-flow__edge').count(),
    frames: sorted.length,
    p50Ms: +percentile(sorted, 50).toFixed(2),
    p95Ms: +percentile(sorted, 95).toFixed(2),
    p99Ms: +percentile(sorted, 99).toFixed(2),
    maxMs: +(sorted.at(-1) ?? 0).toFixed(2),
    // Load-independent: CPU time the page's main thread spent per pointer move (thread time,
    // so other processes on the machine do not inflate it). Under 16.7 ms keeps up with 60 Hz.
    mainThreadCpuPerMoveMs: +(trace / moves).toFixed(2),
    machineLoad: +(loadavg()[0] ?? 0).toFixed(2),
    longTasks: result.long.length,
    longestTaskMs: +Math.max(0, ...result.long).toFixed(1),
    nodeMoved: !!moved && (Math.abs(moved.x - box.x) > 20 || Math.abs(moved.y - box.y) > 20),
    targetP95Ms: TARGET_P95_MS,
  };
  console.log(
    `Drag, ${report.nodes} nodes + ${report.edges} edges, ${view.name} ` +
      `(${report.renderedNodes} nodes, ${report.renderedEdges} edges drawn), ${report.frames} frames: ` +
      `p50 ${report.p50Ms} ms, p95 ${report.p95Ms} ms, p99 ${report.p99Ms} ms, max ${report.maxMs} ms; ` +
      `main-thread CPU ${report.mainThreadCpuPerMoveMs} ms per move (load average ${report.machineLoad}); ` +
      `${report.longTasks} long tasks (longest ${report.longestTaskMs} ms).`,
  );
  return report;
}

async function main() {
  if (!args.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const base = `http://127.0.0.1:${PORT}`;
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  const browser = await chromium.launch({
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    await waitForServer(base);
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${base}/?bench=${NODES}`);
    if (process.env.BENCH_CSS) await page.addStyleTag({ content: process.env.BENCH_CSS });
    // The scenario panel counts what the document holds (the canvas draws only what is on screen).
    const counts = page.getByText(/^\d+ components · \d+ connections$/);
    await counts.waitFor();
    const [nodeCount = 0, edgeCount = 0] =
      ((await counts.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];

    const views = [
      { name: 'whole graph in view (every node and edge drawn)', zoomIns: 0 },
      { name: 'working zoom (nodes readable; off-screen ones not drawn)', zoomIns: 3 },
    ];
    const reports = [];
    for (const view of views)
      reports.push(await measure(browser, page, view, { nodes: nodeCount, edges: edgeCount }));
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/bench-editor.json', `${JSON.stringify(reports, null, 2)}\n`);
    const ok = reports.every((r) => r.p95Ms < TARGET_P95_MS && r.nodeMoved);
    console.log(
      ok ? `OK: p95 under ${TARGET_P95_MS} ms in every view.` : `NOT OK: target p95 < ${TARGET_P95_MS} ms.`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
