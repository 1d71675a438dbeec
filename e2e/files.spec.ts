import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { type Download, expect, type Page, test } from '@playwright/test';
import { restoreScenario } from '../src/scenario/index.ts';
import { Editor } from './editor.ts';

/**
 * Files and pictures as a user meets them: the File menu exports the scenario and imports it
 * back (picker and drop), a broken file leaves the work alone, the canvas becomes a PNG or SVG
 * picture, and a run's charts become a CSV table.
 */
let editor: Editor;
let errors: string[];
const shots = `${process.env.E2E_RESULTS ?? 'test-results'}/screenshots`;

test.beforeEach(async ({ page }) => {
  editor = new Editor(page);
  errors = await editor.open();
});

test.afterEach(() => {
  expect(errors, 'no uncaught errors in the page').toEqual([]);
});

async function fromMenu(page: Page, item: string): Promise<Download> {
  await editor.button('File').click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return download;
}

async function text(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test('export the scenario as JSON, change the canvas, import the file back', async ({ page }) => {
  // At 1280×720 the header holds everything side by side: nothing overlaps the File menu's button.
  const overlaps = await page.evaluate(() => {
    const parts = [...document.querySelectorAll('.sl-header > *, .sl-run-slot > *')].filter(
      (el) => !el.classList.contains('sl-run-slot') && el.getBoundingClientRect().width > 0,
    );
    const boxes = parts.map((el) => ({ name: el.className, r: el.getBoundingClientRect() }));
    return boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(({ r }) => a.r.left < r.right - 1 && r.left < a.r.right - 1)
        .map((b) => `${a.name} × ${b.name}`),
    );
  });
  expect(overlaps).toEqual([]);

  await editor.button('File').click();
  await expect(page.getByRole('menu', { name: 'File' })).toBeVisible();
  await editor.screenshot('files-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  const exported = await fromMenu(page, 'Export scenario (JSON)');
  const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(exported.suggestedFilename()).toMatch(/^[a-z0-9-]+\.json$/);
  const json = await text(exported);
  const restored = restoreScenario(json);
  if (!restored.ok) throw new Error(restored.error);
  // The file is the document itself: restoring it changes nothing, not even a default.
  expect(restored.scenario).toEqual(JSON.parse(json));
  expect(restored.scenario.title).toBe(title);
  expect(restored.scenario.nodes.map((n) => n.id).sort()).toEqual(
    ['cache', 'db', 'lb', 'users', 'web-1', 'web-2'].sort(),
  );
  expect(restored.scenario.edges).toHaveLength(7);

  // Ctrl+S saves the scenario even while a field has focus (never the browser's "Save page").
  await editor.node('web-1').click();
  await editor.inspector().getByRole('textbox', { name: 'Workers' }).focus();
  const saved = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+S');
  expect((await saved).suggestedFilename()).toBe(exported.suggestedFilename());

  // Change the canvas: the database goes.
  await editor.node('Database').click();
  await page.keyboard.press('Delete');
  await expect(editor.nodes()).toHaveCount(5);

  // Ctrl+O opens the picker; the file comes back as the topology on the canvas.
  const chooser = page.waitForEvent('filechooser');
  await editor.canvas().click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('ControlOrMeta+O');
  await (await chooser).setFiles(await exported.path());
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.node('Database')).toBeVisible();
  await expect(editor.edges()).toHaveCount(7);
  await expect(editor.status()).toContainText('as a new copy');

  // The help lists the file commands with their shortcuts.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('region', { name: 'File' })).toContainText('Export scenario (JSON)');
  await expect(help.getByRole('region', { name: 'File' })).toContainText('Ctrl+O');
  await page.keyboard.press('Escape');

  // Exported again, it is the very same file.
  expect(await text(await fromMenu(page, 'Export scenario (JSON)'))).toBe(json);
});

test('an imported scenario far from the old one is shown whole', async ({ page }) => {
  // Laid out far to the bottom right of the default scenario: without a new fit it opens off screen.
  const far = {
    type: 'scalelab-scenario',
    version: 1,
    title: 'Far away',
    nodes: [
      { id: 'users', type: 'client', position: { x: 6000, y: 4000 } },
      { id: 'web', type: 'server', position: { x: 6400, y: 4000 } },
      { id: 'db', type: 'database', position: { x: 6800, y: 4200 } },
    ],
    edges: [
      { source: 'users', target: 'web' },
      { source: 'web', target: 'db' },
    ],
  };
  await editor.button('File').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import scenario…' }).click();
  await (await chooser).setFiles({
    name: 'far.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(far)),
  });
  await expect(editor.nodes()).toHaveCount(3);
  const pane = (await editor.canvas().boundingBox()) as {
    x: number;
    y: number;
    width: number;
    height: number;
  };
  for (const name of ['users', 'web', 'db']) {
    await expect
      .poll(async () => {
        const box = await editor.node(name).boundingBox();
        return (
          box !== null &&
          box.x >= pane.x &&
          box.y >= pane.y &&
          box.x + box.width <= pane.x + pane.width &&
          box.y + box.height <= pane.y + pane.height
        );
      }, `${name} is inside the canvas`)
      .toBe(true);
  }
  await editor.screenshot('files-import-far');
});

test('a broken or wrong file says what is wrong and leaves the canvas as it was', async ({ page }) => {
  await editor.node('web-2').click();
  await page.keyboard.press('Delete');
  await expect(editor.nodes()).toHaveCount(5);

  const pick = async (name: string, content: string) => {
    await editor.button('File').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Import scenario…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  };

  await pick('broken.json', '{"type": "scalelab-scenario", "nodes": [');
  await expect(editor.status()).toContainText('“broken.json” was not opened (your work is unchanged)');
  await expect(editor.status()).toContainText('This is not valid JSON');
  await editor.screenshot('files-import-broken');
  await expect(editor.nodes()).toHaveCount(5);

  await pick(
    'toaster.json',
    JSON.stringify({ type: 'scalelab-scenario', version: 1, nodes: [{ id: 't', type: 'toaster' }] }),
  );
  await expect(editor.status()).toContainText('unknown node type "toaster"');
  await editor.screenshot('files-import-wrong');
  await expect(editor.nodes()).toHaveCount(5);
  await expect(editor.node('web-2')).toHaveCount(0);

  // Dropped on the canvas: a picture is not a scenario; a scenario file opens.
  const drop = async (name: string, type: string, content: string) => {
    const data = await page.evaluateHandle(
      ([n, t, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c as string], n as string, { type: t as string }));
        return dt;
      },
      [name, type, content],
    );
    await editor.canvas().dispatchEvent('dragenter', { dataTransfer: data });
    await editor.canvas().dispatchEvent('dragover', { dataTransfer: data });
    await expect(page.getByText('Drop to open this scenario file as a new copy')).toBeVisible();
    if (name === 'pair.json') await editor.screenshot('files-drop');
    await editor.canvas().dispatchEvent('drop', { dataTransfer: data });
    await expect(page.getByText('Drop to open this scenario file as a new copy')).toHaveCount(0);
  };
  await drop('photo.png', 'image/png', 'not a scenario');
  await expect(editor.status()).toContainText('“photo.png” is not a scenario file');
  await expect(editor.nodes()).toHaveCount(5);

  const doc = {
    type: 'scalelab-scenario',
    version: 1,
    title: 'Dropped pair',
    nodes: [
      { id: 'u', type: 'client', position: { x: 0, y: 0 } },
      { id: 's', type: 'server', position: { x: 300, y: 0 } },
    ],
    edges: [{ source: 'u', target: 's' }],
  };
  await drop('pair.json', 'application/json', JSON.stringify(doc));
  await expect(editor.nodes()).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dropped pair');
});

/** PNG width and height from the IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('export the canvas as PNG (light and dark) and SVG', async ({ page }) => {
  await mkdir(shots, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const download = await fromMenu(page, 'Export picture (PNG)');
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = await readFile(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(20_000);
    // Twice the pixels of a frame around all six components.
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(300);
    await writeFile(`${shots}/files-export-${scheme}.png`, png);
    await expect(editor.status()).toContainText('Exported the canvas as');
  }
  await page.emulateMedia({ colorScheme: 'light' });

  const svg = await text(await fromMenu(page, 'Export picture (SVG)'));
  expect(svg).toMatch(/^<svg[\s>]/);
  expect(svg).toContain('web-1');
  // The picture holds the drawing, not the controls.
  expect(svg).not.toContain('react-flow__minimap');
  expect(svg).not.toContain('react-flow__handle');
});

test('export the charts’ data as CSV after a run', async ({ page }) => {
  // Before any run there is nothing to export, and it says so.
  await editor.button('File').click();
  await page.getByRole('menuitem', { name: 'Export chart data (CSV)' }).click();
  await expect(editor.status()).toContainText('No run yet');

  for (let s = 1; s <= 3; s++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByLabel('Simulated time')).toHaveText(new RegExp(`^${s}\\.0 s`), {
      timeout: 15_000,
    });
  }
  const csv = await text(await fromMenu(page, 'Export chart data (CSV)'));
  const lines = csv.trimEnd().split('\r\n');
  const header = (lines[0] ?? '').split(',');
  expect(header.slice(0, 5)).toEqual([
    'time (s)',
    'latency p50 (ms)',
    'latency p95 (ms)',
    'latency p99 (ms)',
    'answered (req/s)',
  ]);
  expect(header).toContain('failed timeout (req/s)');
  expect(header).toContain('cache hit rate: Cache (%)');
  expect(header).toContain('utilisation: web-1 (%)');
  expect(header).toContain('queue depth: web-2 (requests)');
  expect(lines).toHaveLength(4); // three simulated seconds
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.map((r) => r[0])).toEqual(['1', '2', '3']);
  for (const r of rows) {
    expect(r).toHaveLength(header.length);
    expect(Number(r[1])).toBeGreaterThan(0); // p50 latency, a plain number
    expect(Number(r[4])).toBeGreaterThan(0);
  }

  // The charts panel has its own button for the same file.
  const results = page.getByRole('button', { name: 'Results', exact: true });
  if ((await results.getAttribute('aria-expanded')) !== 'true') await results.click();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  await editor.screenshot('files-charts-csv');
  const fromPanel = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  expect(await text(await fromPanel)).toBe(csv);
});

test('a large picture (130 components) has every component and its name, at any zoom', async ({ page }) => {
  test.slow();
  // Above 120 components the canvas draws only what is on screen.
  await editor.open('?bench=130');
  const count = async (svg: string) => svg.match(/class="react-flow__node /g)?.length ?? 0;
  // Fitted, the canvas shows coloured boxes without names; the picture has the names.
  await expect(editor.canvas()).toHaveClass(/is-overview/);
  const fitted = await text(await fromMenu(page, 'Export picture (SVG)'));
  expect(await count(fitted)).toBe(130);
  expect(fitted).toContain('server-97');
  await expect(editor.canvas()).toHaveClass(/is-overview/);

  // Zoomed in, only what is on screen is drawn; the picture still has all of it, every edge between
  // measured handles (none from the origin), and the view stays.
  for (let i = 0; i < 8; i++) await editor.button('Zoom in').click();
  await expect.poll(() => editor.nodes().count()).toBeLessThan(130);
  const viewport = editor.canvas().locator('.react-flow__viewport');
  let view: string | null = null;
  await expect
    .poll(async () => {
      const before = view;
      view = await viewport.getAttribute('style');
      return view === before; // the zoom's animation is over
    })
    .toBe(true);
  const zoomed = await text(await fromMenu(page, 'Export picture (SVG)'));
  expect(await count(zoomed)).toBe(130);
  // Every line lies among the components (which start at 0, 0), none from a handle never measured.
  const coordinates = [...zoomed.matchAll(/ d="([^"]+)"/g)].flatMap((m) =>
    (m[1]?.match(/-?\d+(\.\d+)?/g) ?? []).map(Number),
  );
  expect(Math.min(...coordinates)).toBeGreaterThan(-100);
  await expect.poll(() => viewport.getAttribute('style')).toBe(view);
});
