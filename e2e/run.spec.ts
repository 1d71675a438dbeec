import { expect, type Locator, type Page, test } from '@playwright/test';
import { Editor } from './editor.ts';

/**
 * Live runs as a learner meets them: press Run and watch; break a server and see the errors and
 * the recovery; add a server and see p99 fall; run an experiment. Everything by role and name.
 */
let editor: Editor;
let errors: string[];

test.beforeEach(async ({ page }) => {
  editor = new Editor(page);
  errors = await editor.open();
});

test.afterEach(() => {
  expect(errors, 'no uncaught errors in the page').toEqual([]);
});

const runButton = (page: Page) =>
  page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button').first();
const clock = (page: Page) => page.getByLabel('Simulated time');
const chart = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The mean of a chart's read-out over a few simulated seconds (one second's p99 is noisy). */
async function averageReadOut(page: Page, region: Locator, key: string, samples = 5): Promise<number> {
  const values: number[] = [];
  let last = -1;
  const until = Date.now() + 15_000;
  while (values.length < samples && Date.now() < until) {
    const t = Math.floor(await simulatedSeconds(page));
    if (t !== last) {
      const v = await readOut(region, key);
      if (Number.isFinite(v)) values.push(v);
      last = t;
    }
    await page.waitForTimeout(60);
  }
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** A longer run, so a slow (or busy) machine has time for the clicks before the run ends. */
async function setDuration(seconds: number) {
  const field = editor.inspector().getByRole('textbox', { name: 'Duration' });
  await field.fill(String(seconds));
  await field.press('Enter');
  await expect(field).toHaveValue(String(seconds));
}

async function simulatedSeconds(page: Page): Promise<number> {
  return Number.parseFloat((await clock(page).textContent()) ?? '0');
}

async function waitForClock(page: Page, seconds: number, timeout = 30_000) {
  await expect.poll(() => simulatedSeconds(page), { timeout }).toBeGreaterThanOrEqual(seconds);
}

/** The latest value a chart reads out for screen readers ("At 31 s: p99 48.2 ms …"). */
async function readOut(region: Locator, key: string): Promise<number> {
  const text = (await region.locator('.sl-visually-hidden').textContent()) ?? '';
  const m = new RegExp(`${key} ([\\d,.]+)`).exec(text);
  return m ? Number((m[1] as string).replaceAll(',', '')) : Number.NaN;
}

test('Run fills the charts and advances the clock; Pause stops it', async ({ page }) => {
  const toggle = runButton(page);
  await expect(toggle).toHaveAccessibleName('Run');
  await expect(clock(page)).toHaveText('0.0 s');
  await setDuration(600);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Pause');
  // The results unfold on the first run; every chart is there by name.
  for (const name of ['Latency', 'Throughput', 'Errors', 'Cache hit rate', 'Queue depth', 'Utilisation'])
    await expect(chart(page, name)).toBeVisible();
  await waitForClock(page, 20);
  // Lines are drawn: the latency chart has its three percentiles, utilisation a line per node.
  await expect(chart(page, 'Latency').locator('path.recharts-line-curve')).toHaveCount(3);
  await expect(chart(page, 'Utilisation').locator('path.recharts-line-curve').first()).toBeVisible();
  // The default scenario's cache warms up: its hit rate emerges from keys, skew and capacity.
  await expect.poll(() => readOut(chart(page, 'Cache hit rate'), 'cache')).toBeGreaterThan(40);
  await expect.poll(() => readOut(chart(page, 'Latency'), 'p99')).toBeGreaterThan(20);
  // The canvas shows each node's load.
  await expect(editor.node('web-1')).toContainText('%');
  await editor.screenshot('run-charts');
  await page.emulateMedia({ colorScheme: 'dark' });
  await editor.screenshot('run-charts-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Pause from the keyboard: the run commands are in the editor's command list.
  await editor.canvas().click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(toggle).toHaveAccessibleName('Run');
  const paused = await simulatedSeconds(page);
  await page.waitForTimeout(600);
  expect(await simulatedSeconds(page)).toBe(paused);
  // Paused: the charts show the whole run.
  await expect(page.getByText(/^Whole run: 0–\d+ s$/)).toBeVisible();

  // Step runs one simulated second; Reset goes back to zero.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // To the end of the next whole second (the clock shows tenths, so 31.96 reads "32.0").
  await expect
    .poll(async () => {
      const t = await simulatedSeconds(page);
      return Number.isInteger(t) && t > paused - 0.05 && t <= paused + 1.05;
    })
    .toBe(true);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(clock(page)).toHaveText(/^0\.0 s/);
});

test('fail a server from its context menu: errors, then recovery from the inspector', async ({ page }) => {
  await setDuration(600);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await runButton(page).click();
  await waitForClock(page, 12);

  await editor.node('web-1').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Faults for web-1' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Fail', exact: true }).click();
  await expect(menu).toBeHidden();
  await expect(editor.node('web-1')).toContainText('Down');
  // Requests fail until the balancer's health checks notice; the charts mark the fault.
  await expect(chart(page, 'Errors').locator('.recharts-area-area').first()).toBeVisible({ timeout: 15_000 });
  await expect(chart(page, 'Errors')).toContainText('web-1 down');
  const failedAt = await simulatedSeconds(page);
  await waitForClock(page, failedAt + 6);
  await editor.screenshot('run-fault');

  // The Why panel explains it.
  await page.getByRole('tab', { name: 'Why' }).click();
  await expect(page.getByText(/requests? failed at web-1 .*it was down/)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(/lb needed 2 failed health checks every 1\.0 s to notice/)).toBeVisible();
  await editor.screenshot('run-why');
  await page.getByRole('tab', { name: 'Charts' }).click();

  // Changing the dead server's settings is an edit while running, not a repair: it stays down.
  await editor.node('web-1').click();
  const workers = editor.inspector().getByRole('textbox', { name: 'Workers' });
  await workers.fill('6');
  await workers.press('Enter');
  await expect(editor.status()).toContainText('Applied at');
  await waitForClock(page, (await simulatedSeconds(page)) + 3);
  await expect(editor.node('web-1')).toContainText('Down');

  // Restore from the inspector.
  const faults = editor.inspector().getByRole('region', { name: 'Live faults' });
  await faults.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(editor.node('web-1')).not.toContainText('Down');
  await expect(chart(page, 'Errors')).toContainText('web-1 back');
  // After the recovery nothing fails any more: the last seconds read no errors.
  const restoredAt = await simulatedSeconds(page);
  await waitForClock(page, restoredAt + 5);
  await expect
    .poll(async () => (await chart(page, 'Errors').locator('.sl-visually-hidden').textContent()) ?? '')
    .toMatch(/node-down 0\/s|No request has failed/);

  // Keep the fault in the scenario, so a shared link replays it.
  const keep = faults.getByRole('button', { name: /^Keep “restore web-1 at/ });
  await keep.click();
  await expect(editor.status()).toContainText('Kept in the scenario');
});

test('add a server while running and watch p99 fall', async ({ page }) => {
  // A taller window: with the results open, the canvas keeps room for every component.
  await page.setViewportSize({ width: 1440, height: 900 });
  await setDuration(400);
  // Two servers at their limit (about 315 requests/s between them, with the cache answering
  // most reads): p99 climbs to over half a second.
  await editor.node('Users').click();
  const rps = editor.inspector().getByRole('textbox', { name: 'Requests per second' });
  await rps.fill('310');
  await rps.press('Enter');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await runButton(page).click();
  // Let the queues build: at 98% busy the tail keeps growing, so wait long enough that it is
  // far above the ~140 ms three servers give, whatever the wall clock did meanwhile.
  await waitForClock(page, 60);
  const before = await averageReadOut(page, chart(page, 'Latency'), 'p99');

  // Duplicate web-2 and wire the copy in: balancer → copy → database. Each edit applies at once,
  // paused or not; pause so the wiring does not take half the run.
  await runButton(page).click();
  await expect(runButton(page)).toHaveAccessibleName('Run');
  await editor.node('web-2').click();
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const copy = (await editor.inspector().getByRole('heading', { level: 2 }).textContent()) ?? '';
  expect(copy).not.toBe('web-2');
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(400); // the view animates; the handles must stand still to be dragged
  await editor.connect('Load balancer', copy);
  await expect(editor.status()).toContainText(`connected lb→${copy}`);
  await editor.connect(copy, 'Database');
  await expect(editor.status()).toContainText(`connected ${copy}→db`);
  await expect(chart(page, 'Latency')).toContainText(/added /);
  await runButton(page).click();
  await expect(editor.node(copy)).toContainText('%'); // it takes load
  const editedAt = await simulatedSeconds(page);
  // The old servers drain their queues, then the tail is back to about service time + network.
  await waitForClock(page, editedAt + 30);
  const after = await averageReadOut(page, chart(page, 'Latency'), 'p99');
  expect(before).toBeGreaterThan(350);
  expect(after).toBeLessThan(before * 0.5);
  await editor.screenshot('run-add-server');
});

test('an experiment varies the servers and plots the result', async ({ page }) => {
  await page.getByRole('button', { name: /Results/ }).click();
  await page.getByRole('tab', { name: 'Experiments' }).click();
  const form = page.getByRole('form', { name: 'Experiment' });
  await expect(form.getByRole('combobox', { name: 'Vary' })).toHaveValue('servers:lb');
  await form.getByRole('spinbutton', { name: 'To' }).fill('4');
  await form.getByRole('spinbutton', { name: 'Points' }).fill('4');
  await form.getByRole('combobox', { name: 'Plot' }).selectOption('p99');
  await form.getByRole('button', { name: 'Run experiment' }).click();
  await expect(page.getByRole('progressbar', { name: 'Experiment progress' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Experiment results' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(page.getByText(/4 of 4 runs in [\d.]+ s/)).toBeVisible({ timeout: 60_000 });
  // More servers, shorter tail: p99 with one server is far above p99 with four.
  const cells = await table.getByRole('cell').allTextContents();
  const p99 = cells.map((c) => Number(c.replaceAll(',', '')));
  expect(p99[0]).toBeGreaterThan(2 * (p99[3] as number));
  await expect(page.locator('.sl-exp__plot path.recharts-line-curve')).toBeVisible();
  await editor.screenshot('run-experiment');
});
