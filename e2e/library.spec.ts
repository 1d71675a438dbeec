import { type Browser, expect, type Page, test } from '@playwright/test';
import { defaultScenarioInput } from '../src/scenario/examples/defaultScenario.ts';
import { restoreOrThrow } from '../src/scenario/index.ts';
import { encodeScenarioLink } from '../src/share/shareLink.ts';
import { Editor } from './editor.ts';

/**
 * Never lose work, and links: autosave and reload, a link opened in a fresh browser gives the
 * same topology and the same figures, hostile titles stay text, a damaged link says so, a
 * link never replaces the user's own work, and two tabs on one scenario are asked, not
 * overwritten. Every page here must stay free of uncaught errors.
 */
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const saveStatus = (page: Page) => page.locator('.sl-lib-status');
const libraryButton = (page: Page) => page.getByRole('button', { name: /^Library \(/ });
/** The library button says whether the canvas is saved ("Library (Saved)"). */
async function expectStatus(page: Page, status: 'Saved' | 'Not saved') {
  await expect(saveStatus(page)).toHaveAttribute('aria-label', `Library (${status})`);
}
const clock = (page: Page) => page.getByLabel('Simulated time');

async function freshContext(browser: Browser) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 1280, height: 720 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  return { context, page, editor: new Editor(page) };
}

/** Adds a server from the palette and connects the balancer to it. */
async function addServer(editor: Editor, name: string, count: number) {
  await editor.palette('Server').click();
  await expect(editor.nodes()).toHaveCount(count);
  await editor.connect('Load balancer', name);
}

async function shareLinkOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
  const link = await dialog.getByRole('textbox', { name: 'Link to this scenario' }).inputValue();
  await expect(dialog.getByText(`${link.length.toLocaleString('en-US')} characters`)).toBeVisible();
  return link;
}

/**
 * Steps the run one simulated second `seconds` times, then reads what a user sees: every
 * chart's latest read-out and each component's live figures on the canvas.
 */
async function figuresAfter(page: Page, seconds: number): Promise<string[]> {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let s = 1; s <= seconds; s++) {
    await step.click();
    await expect(clock(page)).toHaveText(new RegExp(`^${s}\\.0 s`));
  }
  const results = page.getByRole('button', { name: 'Results', exact: true });
  if ((await results.getAttribute('aria-expanded')) !== 'true') await results.click();
  const latency = page.getByRole('region', { name: 'Latency', exact: true });
  await expect(latency.locator('.sl-visually-hidden')).toContainText(`${seconds} s`);
  const charts = await page.locator('[role="region"] .sl-visually-hidden').allTextContents();
  const nodes = await new Editor(page).nodes().allInnerTexts();
  return [...charts, ...nodes];
}

let errors: string[];
let dialogs: string[];

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
});

test.afterEach(() => {
  expect(errors, 'no uncaught errors in the page').toEqual([]);
  expect(dialogs, 'no alert, confirm or prompt').toEqual([]);
});

test('a link opened in a fresh browser gives the same topology and, after the same simulated time, the same figures', async ({
  page,
  browser,
}) => {
  const editor = new Editor(page);
  await editor.open();
  await addServer(editor, 'Server 1', 7);
  await expectStatus(page, 'Saved');
  const link = await shareLinkOf(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s1\.[\w-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await editor.screenshot('library-share-link');
  await page.keyboard.press('Escape');

  const fresh = await freshContext(browser);
  const freshErrors: string[] = [];
  fresh.page.on('pageerror', (e) => freshErrors.push(e.message));
  await fresh.page.goto(link);
  await expect(heading(fresh.page)).toHaveText('Two web servers behind a balancer (shared)');
  await expect(fresh.editor.nodes()).toHaveCount(7);
  await expect(fresh.editor.edges()).toHaveCount(8);
  for (const name of ['Users', 'Load balancer', 'web-1', 'web-2', 'Server 1', 'Cache', 'Database'])
    await expect(fresh.editor.node(name)).toBeVisible();
  await expectStatus(fresh.page, 'Not saved');
  // Same seed, same simulated time: the same numbers, to the last digit shown.
  const here = await figuresAfter(page, 3);
  const there = await figuresAfter(fresh.page, 3);
  expect(here.length).toBeGreaterThan(3);
  expect(there).toEqual(here);
  await fresh.editor.screenshot('library-link-fresh-browser');
  expect(freshErrors).toEqual([]);
  await fresh.context.close();
});

test('reload: the work is still there', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await addServer(editor, 'Server 1', 7);
  const title = editor.inspector().getByRole('textbox', { name: 'Title' });
  await editor.canvas().click({ position: { x: 8, y: 8 } });
  await title.fill('My own design');
  await title.press('Enter');
  await expect(heading(page)).toHaveText('My own design');
  // No wait for the autosave: the page-hide flush must catch the last edit.
  await page.reload();
  await expect(heading(page)).toHaveText('My own design');
  await expect(editor.nodes()).toHaveCount(7);
  await expect(editor.node('Server 1')).toBeVisible();
  await expectStatus(page, 'Saved');
});

test('a link whose title and labels hold markup shows it as text and runs nothing', async ({ page }) => {
  const img = '<img src=x onerror=alert(1)>';
  const script = '<script>alert(1)</script>';
  const base = restoreOrThrow(defaultScenarioInput);
  const hostile = {
    ...base,
    title: `${img} ${script}`,
    nodes: base.nodes.map((n) =>
      n.id === 'web-1' ? { ...n, label: img } : n.id === 'web-2' ? { ...n, label: script } : n,
    ),
  };
  const editor = new Editor(page);
  await page.goto(`/${encodeScenarioLink(hostile)}`);
  await expect(heading(page)).toHaveText(`${img} ${script} (shared)`);
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.canvas().getByText(img, { exact: true })).toBeVisible();
  await expect(editor.canvas().getByText(script, { exact: true })).toBeVisible();
  // The library and the share dialog show the title as text too.
  await libraryButton(page).click();
  await expect(
    page.getByRole('dialog', { name: 'Your scenarios' }).getByText(`${img} ${script} (shared)`),
  ).toBeVisible();
  await editor.screenshot('library-hostile-link');
  await page.keyboard.press('Escape');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('#root script').count()).toBe(0);
  await page.waitForTimeout(300);
});

test('a damaged link says what is wrong, and the app opens with the last work', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await addServer(editor, 'Server 1', 7);
  await expectStatus(page, 'Saved');
  const link = encodeScenarioLink(restoreOrThrow(defaultScenarioInput));
  await page.goto(`/${link.slice(0, Math.floor(link.length * 0.6))}`);
  await page.reload();
  const message = page.getByRole('log', { name: 'Library messages' });
  await expect(message).toContainText(/damaged|cut/i);
  await expect(message).toContainText('Your last work is open.');
  await expect(editor.nodes()).toHaveCount(7);
  await editor.screenshot('library-damaged-link');
  // A link from a newer ScaleLab.
  await page.goto('/#s9.AAAA');
  await page.reload();
  await expect(message).toContainText('newer version of ScaleLab');
  await expect(editor.nodes()).toHaveCount(7);
});

test('a damaged saved scenario is named in a message; the app opens with the start scenario', async ({
  page,
}) => {
  const editor = new Editor(page);
  await editor.open();
  await addServer(editor, 'Server 1', 7);
  await expectStatus(page, 'Saved');
  // Damage every saved record behind the app's back.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('scalelab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('scenarios', 'readwrite');
    const store = tx.objectStore('scenarios');
    const all = await new Promise<Record<string, unknown>[]>((resolve) => {
      const r = store.getAll();
      r.onsuccess = () => resolve(r.result);
    });
    for (const record of all) store.put({ ...record, doc: { type: 'spreadsheet', rows: 3 } });
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  });
  await page.reload();
  const message = page.getByRole('log', { name: 'Library messages' });
  await expect(message).toContainText(
    'Your last scenario “Two web servers behind a balancer” could not be opened: This is not a ScaleLab scenario',
  );
  await expect(editor.nodes()).toHaveCount(6);
  await libraryButton(page).click();
  const damaged = page
    .getByRole('dialog', { name: 'Your scenarios' })
    .getByRole('listitem', { name: 'Two web servers behind a balancer', exact: true });
  await expect(damaged).toContainText('Cannot be opened');
  await expect(damaged.getByRole('button', { name: /^Delete/ })).toBeVisible();
  await editor.screenshot('library-damaged-record');
});

test('opening a link while unsaved work exists keeps both', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const theirs = { ...restoreOrThrow(defaultScenarioInput), title: 'A classmate’s design' };
  // Edit, and open the link at once, before the autosave's quiet time is over.
  await addServer(editor, 'Server 1', 7);
  await page.goto(`/${encodeScenarioLink(theirs)}`);
  await expect(heading(page)).toHaveText('A classmate’s design (shared)');
  await expect(editor.nodes()).toHaveCount(6);
  await libraryButton(page).click();
  const library = page.getByRole('dialog', { name: 'Your scenarios' });
  await expect(library.getByText('A classmate’s design (shared)')).toBeVisible();
  await expect(library.getByText('On the canvas now · not in the library yet')).toBeVisible();
  await expect(
    library.getByRole('listitem', { name: 'Two web servers behind a balancer', exact: true }),
  ).toBeVisible();
  await editor.screenshot('library-link-beside-own-work');
  // Keep the copy: both are in the library; open my own work again.
  await library.getByRole('button', { name: 'Keep in library' }).click();
  await expect(
    library.getByRole('listitem', { name: 'A classmate’s design (shared)', exact: true }),
  ).toBeVisible();
  await library
    .getByRole('listitem', { name: 'Two web servers behind a balancer', exact: true })
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(heading(page)).toHaveText('Two web servers behind a balancer');
  await expect(editor.nodes()).toHaveCount(7);
  // The link has left the address bar: a reload opens what was open last.
  await page.reload();
  await expect(heading(page)).toHaveText('Two web servers behind a balancer');

  // Rename, duplicate and delete with undo.
  await libraryButton(page).click();
  const mine = library.getByRole('listitem', { name: 'Two web servers behind a balancer', exact: true });
  await mine.getByRole('button', { name: /^Rename/ }).click();
  await library.getByRole('textbox', { name: 'New name' }).fill('Three servers');
  await library.getByRole('textbox', { name: 'New name' }).press('Enter');
  await expect(heading(page)).toHaveText('Three servers');
  await library
    .getByRole('listitem', { name: 'Three servers', exact: true })
    .getByRole('button', { name: /^Duplicate/ })
    .click();
  await expect(library.getByRole('listitem', { name: 'Three servers (copy)', exact: true })).toBeVisible();
  await library
    .getByRole('listitem', { name: 'Three servers (copy)', exact: true })
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(library.getByRole('listitem', { name: 'Three servers (copy)', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('log', { name: 'Library messages' })).toContainText(
    'Deleted “Three servers (copy)”.',
  );
  await editor.screenshot('library-deleted-undo');
  await page
    .getByRole('log', { name: 'Library messages' })
    .getByRole('button', { name: 'Undo', exact: true })
    .click();
  await libraryButton(page).click();
  await expect(library.getByRole('listitem', { name: 'Three servers (copy)', exact: true })).toBeVisible();
  await editor.screenshot('library-dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await editor.screenshot('library-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('two tabs editing one scenario: the second is asked, never overwritten', async ({ page, context }) => {
  const a = new Editor(page);
  await a.open();
  await addServer(a, 'Server 1', 7);
  await expectStatus(page, 'Saved');

  const pageB = await context.newPage();
  const bErrors: string[] = [];
  pageB.on('pageerror', (e) => bErrors.push(e.message));
  const b = new Editor(pageB);
  await b.open();
  await expect(b.nodes()).toHaveCount(7);

  await page.bringToFront();
  await addServer(a, 'Server 2', 8);
  await expectStatus(page, 'Saved');

  await pageB.bringToFront();
  const conflict = pageB.getByRole('alert').filter({ hasText: 'This scenario was changed in another tab.' });
  await expect(conflict).toBeVisible();
  await expectStatus(pageB, 'Not saved');
  await b.screenshot('library-two-tabs-conflict');
  await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(heading(pageB)).toHaveText('Two web servers behind a balancer (my copy)');
  await libraryButton(pageB).click();
  const library = pageB.getByRole('dialog', { name: 'Your scenarios' });
  await expect(
    library.getByRole('listitem', { name: 'Two web servers behind a balancer', exact: true }),
  ).toBeVisible();
  await expect(
    library.getByRole('listitem', { name: 'Two web servers behind a balancer (my copy)', exact: true }),
  ).toBeVisible();
  await pageB.keyboard.press('Escape');

  // Tab A's version is intact, with its second server.
  await page.bringToFront();
  await page.reload();
  await expect(a.nodes()).toHaveCount(8);
  expect(bErrors).toEqual([]);
});

test('the present view hides the editing tools and keeps the canvas, run controls and charts', async ({
  page,
}) => {
  const editor = new Editor(page);
  await editor.open('?present');
  await expect(editor.nodes()).toHaveCount(6);
  await expect(page.getByRole('navigation', { name: 'Components' })).toBeHidden();
  await expect(editor.inspector()).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Editing' })).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Run controls' })).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(clock(page)).toHaveText(/^1\.0 s/);
  await editor.screenshot('library-present-view');
  // Nothing on the canvas changes by a stray drag or key in front of a room.
  // (A drag on a component pans the view instead: compare it with its neighbour, not the screen.)
  const web1 = editor.node('web-1');
  const offset = async () => {
    const [a, b] = [await web1.boundingBox(), await editor.node('web-2').boundingBox()];
    if (!a || !b) throw new Error('web-1 or web-2 is not drawn');
    return { dx: Math.round(a.x - b.x), dy: Math.round(a.y - b.y) };
  };
  const before = await offset();
  await web1.hover();
  await page.mouse.down();
  await page.mouse.move(700, 500, { steps: 5 });
  await page.mouse.up();
  expect(await offset()).toEqual(before);
  await web1.click();
  await page.keyboard.press('Delete');
  await page.keyboard.press('ControlOrMeta+D');
  await expect(editor.nodes()).toHaveCount(6);
  await editor.canvas().click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Shift+P');
  await expect(page.getByRole('navigation', { name: 'Components' })).toBeVisible();
  await expect(page).not.toHaveURL(/present/);
});
