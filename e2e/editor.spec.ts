import { expect, test } from '@playwright/test';
import { Editor } from './editor.ts';

let editor: Editor;
let errors: string[];

test.beforeEach(async ({ page }) => {
  editor = new Editor(page);
  errors = await editor.open();
});

test.afterEach(() => {
  expect(errors, 'no uncaught errors in the page').toEqual([]);
});

const paletteNames = [
  'Client',
  'Load balancer',
  'Server',
  'Database',
  'Cache',
  'CDN',
  'Queue',
  'Worker pool',
  'Scheduler',
  'Map-reduce',
];

test('the palette lists every component type; types not simulated yet are disabled and say why', async () => {
  for (const name of ['Client', 'Load balancer', 'Server', 'Database'])
    await expect(editor.palette(name)).not.toHaveAttribute('aria-disabled', 'true');
  for (const name of paletteNames) {
    const button = editor.palette(name);
    await expect(button).toBeVisible();
    // Types light up as the engine learns them; whichever are still planned must say so.
    if ((await button.getAttribute('aria-disabled')) === 'true') {
      await expect(button).toHaveAccessibleDescription(/Coming soon/);
      await button.hover();
      await expect(editor.page.locator('.sl-tooltip')).toContainText('Coming soon');
      // Playwright will not click an aria-disabled button unless forced; a person can.
      await button.click({ force: true });
      await expect(editor.status()).toContainText(`${name} is coming soon`);
    } else await expect(button).toHaveAccessibleDescription(/.{20,}/);
  }
  await expect(editor.nodes()).toHaveCount(6);
});

test('click and Enter add a component in the middle of the view', async () => {
  await editor.palette('Server').click();
  await expect(editor.nodes()).toHaveCount(7);
  await expect(editor.node('Server 1')).toBeVisible();
  await expect(editor.node('Server 1')).toContainText('1 worker · 10 ms');
  await expect(editor.inspector().getByRole('heading', { name: 'Server 1' })).toBeVisible();
  await expect(editor.status()).toContainText('Added Server 1.');

  await editor.palette('Database').focus();
  await editor.page.keyboard.press('Enter');
  await expect(editor.node('Database 1')).toBeVisible();
  const a = await editor.node('Server 1').boundingBox();
  const b = await editor.node('Database 1').boundingBox();
  expect(a && b && (a.x !== b.x || a.y !== b.y), 'the second one does not hide the first').toBe(true);
});

test('drag from the palette places a component where it is dropped', async ({ page }) => {
  const box = await editor.canvas().boundingBox();
  if (!box) throw new Error('no canvas');
  const drop = { x: box.width * 0.3, y: box.height * 0.85 };
  await editor.palette('Client').dragTo(editor.canvas(), { targetPosition: drop });
  const node = editor.node('Client 1');
  await expect(node).toBeVisible();
  const placed = await node.boundingBox();
  if (!placed) throw new Error('not placed');
  const centre = { x: placed.x + placed.width / 2 - box.x, y: placed.y + placed.height / 2 - box.y };
  expect(Math.abs(centre.x - drop.x)).toBeLessThan(40);
  expect(Math.abs(centre.y - drop.y)).toBeLessThan(40);
  await expect(page.getByRole('status')).toContainText('Added Client 1.');
});

test('connecting two components, and a refused connection says why', async () => {
  await editor.palette('Server').click();
  await expect(editor.edges()).toHaveCount(7);
  await editor.connect('Load balancer', 'Server 1');
  await expect(editor.edges()).toHaveCount(8);
  await expect(editor.page.getByRole('group', { name: 'Connection from lb to server-1' })).toBeVisible();

  await editor.connect('Users', 'Database');
  await expect(editor.edges()).toHaveCount(8);
  await expect(editor.status()).toContainText('Users never talk to the database directly');

  await editor.connect('web-1', 'Load balancer');
  await expect(editor.status()).toContainText('loop');
  await expect(editor.edges()).toHaveCount(8);
});

test('connect with the keyboard from the inspector', async () => {
  await editor.palette('Database').click();
  await editor.node('web-2').click();
  await editor.inspector().getByLabel('Connect to').selectOption({ label: 'Database 1' });
  await expect(editor.edges()).toHaveCount(8);
  await expect(editor.inspector().getByRole('button', { name: '→ Database 1' })).toBeVisible();
});

test('editing a field: good values reach the node, bad ones are refused at the field', async () => {
  await editor.node('web-1').click();
  const workers = editor.inspector().getByRole('textbox', { name: 'Workers' });
  await expect(workers).toHaveValue('4');
  await workers.fill('8');
  await expect(editor.node('web-1')).toContainText('8 workers · 20 ms');

  await workers.fill('0');
  await expect(workers).toHaveAttribute('aria-invalid', 'true');
  await expect(workers).toHaveAccessibleDescription(/Must be at least 1\./);
  await expect(editor.node('web-1')).toContainText('8 workers');

  await workers.fill('2.5');
  await expect(workers).toHaveAccessibleDescription(/Must be a whole number\./);
  await workers.fill('lots');
  await expect(workers).toHaveAccessibleDescription(/“lots” is not a number\./);

  // A nullable field can be emptied.
  await editor.inspector().getByText('More settings').click();
  const queue = editor.inspector().getByRole('textbox', { name: 'Queue limit' });
  await queue.fill('50');
  await queue.fill('');
  await expect(queue).not.toHaveAttribute('aria-invalid', 'true');

  await workers.fill('6');
  await expect(workers).not.toHaveAttribute('aria-invalid', 'true');
  await expect(editor.node('web-1')).toContainText('6 workers');
});

test('undo and redo from the toolbar and the keyboard', async ({ page }) => {
  const undo = editor.button('Undo');
  const redo = editor.button('Redo');
  await expect(undo).toBeDisabled();
  await editor.palette('Server').click();
  await expect(editor.nodes()).toHaveCount(7);
  await undo.click();
  await expect(editor.nodes()).toHaveCount(6);
  await redo.click();
  await expect(editor.nodes()).toHaveCount(7);

  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.nodes()).toHaveCount(6);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(editor.nodes()).toHaveCount(7);
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('ControlOrMeta+y');
  await expect(editor.nodes()).toHaveCount(7);
  await expect(redo).toBeDisabled();
});

test('delete removes a component with its connections; undo brings both back', async ({ page }) => {
  await editor.node('web-2').click();
  await page.keyboard.press('Delete');
  await expect(editor.nodes()).toHaveCount(5);
  await expect(editor.edges()).toHaveCount(4);
  await expect(editor.status()).toContainText('Deleted 1 component, 3 connections.');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.edges()).toHaveCount(7);

  // Edges can be selected and deleted on their own, from the toolbar.
  await editor.node('web-1').click();
  await editor.inspector().getByRole('button', { name: '→ Database' }).click();
  await expect(editor.inspector().getByRole('heading', { name: 'web-1 → Database' })).toBeVisible();
  await editor.button('Delete').click();
  await expect(editor.edges()).toHaveCount(6);
  await expect(editor.nodes()).toHaveCount(6);
});

test('keyboard shortcuts: duplicate, copy and paste, select all, fit view, help', async ({ page }) => {
  await editor.node('web-1').click();
  await page.keyboard.press('ControlOrMeta+d');
  await expect(editor.node('web-3')).toBeVisible();
  await expect(editor.nodes()).toHaveCount(7);

  // Shift-click adds to the selection; copy and paste bring the edge between them too.
  await editor.node('web-2').click();
  await editor.node('Database').click({ modifiers: ['Shift'] });
  await expect(editor.inspector().getByRole('heading', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+c');
  await expect(editor.status()).toContainText('Copied 2 components.');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(editor.status()).toContainText('Pasted 2 components.');
  await expect(editor.nodes()).toHaveCount(9);
  await expect(editor.node('web-4')).toBeVisible();
  await expect(editor.page.getByRole('group', { name: 'Connection from web-4 to db-2' })).toBeAttached();

  await page.keyboard.press('ControlOrMeta+a');
  await expect(editor.inspector()).toContainText('4 × Server');
  await expect(editor.inspector()).toContainText('8 × Connection');
  await page.keyboard.press('Escape');
  await expect(editor.inspector().getByRole('heading', { name: 'Scenario' })).toBeVisible();

  // F fits the view: zoom in far, then everything comes back into view.
  for (let i = 0; i < 4; i++) await editor.button('Zoom in').click();
  await page.keyboard.press('f');
  await expect(editor.node('Users')).toBeInViewport();
  await expect(editor.node('Database 2')).toBeInViewport();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Duplicate');
  await expect(help.getByText('Ctrl+Shift+Z')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('rename in place with a double-click; the name is plain text', async ({ page }) => {
  await editor.node('web-1').dblclick();
  const input = editor.canvas().getByRole('textbox', { name: 'Name' });
  await expect(input).toBeFocused();
  await input.fill('<img src=x onerror=alert(1)> API');
  await page.keyboard.press('Enter');
  await expect(editor.node('<img src=x onerror=alert(1)> API')).toBeVisible();
  await expect(editor.canvas().locator('img')).toHaveCount(0);
});

test('tidy up lays out left to right, and is one undo step', async ({ page }) => {
  await editor.palette('Server').click();
  await editor.connect('web-2', 'Server 1');
  const before = await editor.node('Server 1').boundingBox();
  await editor.button('Tidy up').click();
  await expect(editor.status()).toContainText('Tidied up');
  await page.waitForTimeout(400);
  const users = await editor.node('Users').boundingBox();
  const db = await editor.node('Database').boundingBox();
  const server = await editor.node('Server 1').boundingBox();
  if (!users || !db || !server || !before) throw new Error('missing nodes');
  expect(users.x).toBeLessThan(db.x);
  expect(server.x).toBeGreaterThan(users.x);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor.status()).not.toContainText('Cannot');
});

test('the scenario panel refuses a warm-up longer than the run', async () => {
  const warmup = editor.inspector().getByRole('textbox', { name: 'Warm-up' });
  await warmup.fill('500');
  await expect(warmup).toHaveAttribute('aria-invalid', 'true');
  await expect(warmup).toHaveAccessibleDescription(/must be shorter than the run/);
  await warmup.fill('20');
  await expect(warmup).not.toHaveAttribute('aria-invalid', 'true');
});

test('the client traffic pattern has its own editor', async () => {
  await editor.node('Users').click();
  const shape = editor.inspector().getByRole('combobox', { name: 'Shape' });
  await shape.selectOption({ label: 'Step' });
  await expect(editor.node('Users')).toContainText('150 req/s · step');
  const rate = editor.inspector().getByRole('textbox', { name: 'Rate after' });
  await expect(rate).toHaveValue('300');
  await rate.fill('-5');
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.inspector().getByRole('img', { name: /Traffic over the run/ })).toBeVisible();
});

test.describe('touch', () => {
  test.use({ hasTouch: true });
  test('tapping a palette item adds it', async () => {
    await editor.palette('Load balancer').tap();
    await expect(editor.node('Load balancer 1')).toBeVisible();
  });
});

test('move by dragging (one undo step), and select several with a Shift+drag box', async ({ page }) => {
  const node = editor.node('web-2');
  const before = await node.boundingBox();
  if (!before) throw new Error('no node');
  await page.mouse.move(before.x + 60, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 60, before.y + before.height / 2 + 80, { steps: 10 });
  await page.mouse.up();
  const after = await node.boundingBox();
  expect(after && after.y - before.y).toBeGreaterThan(40);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => (await node.boundingBox())?.y).toBeCloseTo(before.y, 0);

  // A box around both web servers, drawn on the empty canvas with Shift held.
  const a = await editor.node('web-1').boundingBox();
  const b = await editor.node('web-2').boundingBox();
  if (!a || !b) throw new Error('no nodes');
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 20, a.y - 20);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 20, b.y + b.height + 20, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(editor.inspector().getByRole('heading', { name: 'Selection' })).toBeVisible();
  await expect(editor.inspector()).toContainText('2 × Server');
});

test('copy in one tab, paste in another: the clipboard carries scenario JSON', async ({ page, context }) => {
  await editor.node('web-1').click();
  await page.keyboard.press('ControlOrMeta+c');
  await expect(editor.status()).toContainText('Copied 1 component.');

  const other = new Editor(await context.newPage());
  await other.open();
  await other.canvas().click({ position: { x: 30, y: 30 } });
  await other.page.keyboard.press('ControlOrMeta+v');
  await expect(other.status()).toContainText('Pasted 1 component.');
  await expect(other.node('web-3')).toBeVisible();
  await other.page.close();
});
