import { expect, type Locator, type Page, test } from '@playwright/test';
import { Editor } from './editor.ts';

/**
 * A standby balancer, as a learner builds it: a second balancer with the same servers, chosen
 * as the first one's standby in its inspector; then a run in which the active balancer is
 * killed from its right-click menu, and the standby takes over.
 */
const runButton = (page: Page) =>
  page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button').first();
const clock = (page: Page) => page.getByLabel('Simulated time');
const chart = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function simulatedSeconds(page: Page): Promise<number> {
  return Number.parseFloat((await clock(page).textContent()) ?? '0');
}

async function waitForClock(page: Page, seconds: number) {
  await expect.poll(() => simulatedSeconds(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(seconds);
}

/** The latest value a chart reads out for screen readers ("At 31 s: answered 150/s …"). */
async function readOut(region: Locator, key: string): Promise<number> {
  const text = (await region.locator('.sl-visually-hidden').textContent()) ?? '';
  const m = new RegExp(`${key} ([\\d,.]+)`).exec(text);
  return m ? Number((m[1] as string).replaceAll(',', '')) : Number.NaN;
}

test('pair two balancers in the inspector, kill the active one: the standby takes over', async ({ page }) => {
  const editor = new Editor(page);
  const errors = await editor.open();
  const inspector = editor.inspector();

  // A second balancer under the first one, sending to the same two web servers.
  const active = editor.node('Load balancer');
  const canvas = await editor.canvas().boundingBox();
  const at = await active.boundingBox();
  if (!canvas || !at) throw new Error('nothing to measure');
  const drop = { x: at.x - canvas.x + at.width / 2, y: at.y - canvas.y + at.height + 110 };
  await editor.palette('Load balancer').dragTo(editor.canvas(), { targetPosition: drop });
  const standby = editor.node('Load balancer 1');
  await expect(standby).toBeVisible();
  for (const web of ['web-1', 'web-2']) {
    await inspector.getByRole('combobox', { name: 'Connect to' }).selectOption({ label: web });
    await expect(editor.status()).toContainText(`Connected Load balancer 1 → ${web}.`);
  }
  // A standby has no standby of its own to offer yet, but it may be chosen by the other one.
  await active.click();
  const choice = inspector.getByRole('combobox', { name: 'Standby balancer' });
  await expect(choice).toHaveValue('');
  await choice.selectOption({ label: 'Load balancer 1' });
  await expect(editor.status()).toContainText('Load balancer 1 now stands by for Load balancer.');
  await expect(inspector.getByRole('textbox', { name: 'Failover time' })).toHaveValue('3000');

  // The canvas draws the pair apart from the request arrows; selecting it says what it is.
  const pair = editor.canvas().locator('.react-flow__edge[aria-label^="Standby pair"]');
  await expect(pair).toHaveCount(1);
  const label = editor.canvas().getByText('standby pair', { exact: true });
  await expect(label).toBeVisible();
  // The label lets clicks through to the line under it, as on any edge.
  const mid = await label.boundingBox();
  if (!mid) throw new Error('no pair label');
  await page.mouse.click(mid.x + mid.width / 2, mid.y + mid.height / 2);
  await expect(inspector.getByRole('heading', { name: 'Load balancer ⇢ Load balancer 1' })).toBeVisible();
  await expect(inspector.getByText('Standby pair', { exact: true })).toBeVisible();
  await expect(inspector.getByRole('textbox', { name: 'Network latency' })).toHaveCount(0);
  await editor.screenshot('standby-pair-edit');

  // Run, and kill the active balancer from its right-click menu.
  await editor.canvas().click({ position: { x: 8, y: 8 } });
  const duration = inspector.getByRole('textbox', { name: 'Duration' });
  await duration.fill('600');
  await duration.press('Enter');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await runButton(page).click();
  await waitForClock(page, 6);
  await active.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: /^Faults for / });
  await menu.getByRole('menuitem', { name: 'Fail', exact: true }).click();
  await expect(active).toContainText('Down');
  const failedAt = await simulatedSeconds(page);

  // Requests fail for the 3 s failover time, then the standby serves them: the run goes on.
  await expect(chart(page, 'Errors').locator('.recharts-area-area').first()).toBeVisible({ timeout: 15_000 });
  await waitForClock(page, failedAt + 6);
  await expect
    .poll(async () => (await chart(page, 'Errors').locator('.sl-visually-hidden').textContent()) ?? '')
    .toMatch(/node-down 0\/s|No request has failed/);
  await expect.poll(() => readOut(chart(page, 'Throughput'), 'answered')).toBeGreaterThan(50);
  await expect(active).toContainText('Down');
  await expect(standby).not.toContainText('Down');
  await editor.screenshot('standby-pair-failover');

  // The Why panel names the standby as the one that noticed.
  await page.getByRole('tab', { name: 'Why' }).click();
  await expect(page.getByText(/its standby lb-1 took over after the failover time \(3\.0 s\)/)).toBeVisible({
    timeout: 10_000,
  });
  expect(errors, 'no uncaught errors in the page').toEqual([]);
});
