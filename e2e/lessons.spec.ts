import { expect, type Page, test } from '@playwright/test';
import { Editor } from './editor.ts';

/**
 * Learning as a student and a teacher meet it: open a lesson from the picker, follow its
 * guided steps and reach its goal; make an exercise from a canvas, open its link in a fresh
 * browser, fail the check, fix the design, pass it. Everything by role and name.
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

const panel = (page: Page) => page.getByRole('complementary', { name: /Lesson|Exercise/ });
const runButton = (page: Page) =>
  page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button').first();

test('a lesson: pick it, follow its steps, reach its goal', async ({ page }) => {
  await editor.button('Learn').click();
  const picker = page.getByRole('dialog', { name: 'Lessons' });
  await expect(picker.getByRole('listitem')).toHaveCount(15);
  await editor.screenshot('lessons-picker');
  await picker.getByRole('button', { name: /More servers, more capacity/ }).click();
  await expect(picker).toBeHidden();

  // The lesson's start is on the canvas, the panel beside it (not over it).
  const lesson = panel(page);
  await expect(lesson.getByRole('heading', { name: 'More servers, more capacity' })).toBeVisible();
  await expect(editor.nodes()).toHaveCount(3);
  const canvas = await editor.canvas().boundingBox();
  const aside = await lesson.boundingBox();
  expect(canvas && aside && canvas.x + canvas.width <= aside.x + 1, 'the panel is beside the canvas').toBe(
    true,
  );
  await expect(lesson.locator('[aria-current="step"]')).toContainText('Press Run');
  await editor.screenshot('lesson-start');

  // Step 1: run the start (at 10×, the lesson's own 40 s run) past 20 s.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await runButton(page).click();
  await expect(lesson.locator('[aria-current="step"]')).toContainText('Add a second server', {
    timeout: 20_000,
  });
  await expect(lesson.getByText(/queue grows every second/)).toBeVisible();
  await runButton(page).click(); // pause

  // Step 2: a second server like web-1, behind lb.
  await editor.node('web-1').click();
  await page.keyboard.press('Control+D');
  await expect(editor.nodes()).toHaveCount(4);
  const copy = editor
    .nodes()
    .filter({ hasNotText: /users|lb/ })
    .filter({ hasNotText: /^web-1/ });
  await expect(copy).toHaveCount(1);
  const copyName = ((await copy.getAttribute('aria-label')) ?? '').split(',')[0] as string;
  await editor.connect('lb', copyName);
  await expect(lesson.locator('[aria-current="step"]')).toContainText('Run to the end and check the goal');
  await expect(lesson.getByText(/Two servers: 400 req\/s/)).toBeVisible();

  // Step 3 and the goal: Check grades the design off the page's thread.
  await lesson.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = lesson.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText('Passed: every goal is met.', { timeout: 20_000 });
  await expect(verdict).toContainText(/p99 latency ≤ 150 ms/);
  await expect(lesson.getByText(/Takeaway/)).toBeVisible();
  await expect(lesson.getByText('3 of 3 done')).toBeVisible();
  await editor.screenshot('lesson-passed');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await editor.screenshot('lesson-passed-1920');
  await page.emulateMedia({ colorScheme: 'dark' });
  await editor.screenshot('lesson-passed-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Saved: the picker marks the lesson done.
  await editor.button('Learn').click();
  await expect(
    page
      .getByRole('dialog', { name: 'Lessons' })
      .getByRole('button', { name: /More servers, more capacity/ }),
  ).toContainText('Done');
  await editor.screenshot('lessons-picker-done');
});

test('a lesson fails its check with measured values and hints, and shows its solution', async ({ page }) => {
  await editor.button('Learn').click();
  await page
    .getByRole('dialog', { name: 'Lessons' })
    .getByRole('button', { name: /Losing a server/ })
    .click();
  const lesson = panel(page);
  await lesson.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = lesson.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText('Not yet', { timeout: 20_000 });
  await expect(verdict).toContainText(/measured/);
  await lesson.getByRole('button', { name: 'Show a hint' }).click();
  await expect(lesson.getByRole('button', { name: /Another hint/ })).toBeVisible();
  await editor.screenshot('lesson-failed');

  page.once('dialog', (d) => void d.accept());
  await lesson.getByRole('button', { name: 'Show solution' }).click();
  await expect(editor.nodes()).not.toHaveCount(4);
  await lesson.getByRole('button', { name: 'Check again' }).click();
  await expect(verdict).toContainText('Passed', { timeout: 20_000 });
});

test('a teacher makes an exercise; a student fails it, fixes the design and passes', async ({
  page,
  browser,
}) => {
  await page.keyboard.press('Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Create an exercise' });
  await dialog.getByLabel('Title', { exact: true }).fill('Headroom for the web tier');
  await dialog
    .getByLabel(/Brief/)
    .fill('Users send 150 req/s. Keep every server under 40% busy, without touching the database.');
  await dialog.getByLabel('Goal 1: measure').selectOption({ label: 'utilisation' });
  await dialog.getByLabel('Goal 1: of').selectOption({ label: 'every server' });
  await dialog.getByLabel('Goal 1: value').fill('40');
  await dialog.getByRole('checkbox', { name: 'db' }).check();
  await dialog
    .getByLabel(/Hints/)
    .fill('Each request holds a worker for 20 ms.\nMore workers share the same load.');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const link = dialog.getByRole('textbox', { name: 'Exercise link' });
  await expect(link).toHaveValue(/#x1\./);
  await editor.screenshot('exercise-create');
  const url = await link.inputValue();

  // A student, in a browser of their own.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const student = await context.newPage();
  const studentErrors: string[] = [];
  student.on('pageerror', (e) => studentErrors.push(e.message));
  await student.goto(url);
  const s = new Editor(student);
  const ex = panel(student);
  await expect(ex.getByRole('heading', { name: 'Headroom for the web tier' })).toBeVisible();
  await expect(ex).toContainText('Utilisation of the busiest server ≤ 40%');
  await expect(ex).toContainText('is locked');
  await ex.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = ex.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText('Not yet: 1 of 1 goal missed.', { timeout: 20_000 });
  await s.screenshot('exercise-failed');

  // A locked component cannot be edited or deleted, and says why.
  await s.node('Database').click();
  await expect(s.inspector().getByRole('note')).toContainText('Locked by the exercise');
  await expect(s.inspector().getByRole('textbox', { name: 'Connections' })).toBeDisabled();
  await student.keyboard.press('Delete');
  await expect(student.getByText(/db is locked by the exercise and cannot be removed/)).toBeVisible();
  await expect(s.nodes()).toHaveCount(6);
  await s.screenshot('exercise-locked');
  // Changing the traffic is told at once.
  await s.node('Users').click();
  const rate = s.inspector().getByRole('textbox', { name: 'Requests per second' });
  await rate.fill('50');
  await rate.press('Enter');
  await expect(ex.getByText('Your design breaks a rule:')).toBeVisible();
  await s.canvas().click({ position: { x: 20, y: 20 } });
  await student.keyboard.press('Control+Z');
  await expect(ex.getByText('Your design breaks a rule:')).toBeHidden();

  // The fix: twice the workers on each server.
  for (const name of ['web-1', 'web-2']) {
    await s.node(name).click();
    const workers = s.inspector().getByRole('textbox', { name: 'Workers' });
    await workers.fill('8');
    await expect(s.node(name)).toContainText('8 workers');
  }
  await ex.getByRole('button', { name: 'Check again' }).click();
  await expect(verdict).toContainText('Passed: every goal is met.', { timeout: 20_000 });
  await expect(ex).toContainText('Passed');
  await s.screenshot('exercise-passed');
  await student.setViewportSize({ width: 1920, height: 1080 });
  await s.screenshot('exercise-passed-1920');
  await student.emulateMedia({ colorScheme: 'dark' });
  await s.screenshot('exercise-passed-dark');
  expect(studentErrors).toEqual([]);

  // A damaged link says so, on a page that still works.
  await student.goto(url.replace(/#x1\..{12}/, '#x1.AAAAAAAAAAAA'));
  await student.reload();
  await expect(panel(student)).toContainText('This link could not be opened');
  await expect(s.nodes()).not.toHaveCount(0);
  await s.screenshot('exercise-damaged-link');
  await context.close();
});

test('a workshop: two exercises in one link, in the teacher’s order, with next and previous', async ({
  page,
  browser,
}) => {
  await page.keyboard.press('Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Create an exercise' });
  await dialog.getByLabel('Title', { exact: true }).fill('Fast enough');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await dialog.getByRole('button', { name: 'Add to workshop' }).click();
  await dialog.getByLabel('Title', { exact: true }).fill('Room to grow');
  await dialog.getByLabel('Goal 1: measure').selectOption({ label: 'utilisation' });
  await dialog.getByLabel('Goal 1: value').fill('40');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await dialog.getByRole('button', { name: 'Add to workshop' }).click();
  const workshop = dialog.getByRole('region', { name: 'Workshop' });
  await expect(workshop.getByRole('listitem')).toHaveCount(2);
  await workshop.getByRole('button', { name: 'Move Room to grow up' }).click();
  await workshop.getByRole('textbox', { name: 'Workshop title' }).fill('Scaling, week 1');
  await workshop.getByRole('button', { name: 'Make workshop link' }).click();
  const link = workshop.getByRole('textbox', { name: 'Workshop link' });
  await expect(link).toHaveValue(/#w1\./);
  await editor.screenshot('workshop-create');
  const url = await link.inputValue();

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const student = await context.newPage();
  await student.goto(url);
  const ex = panel(student);
  await expect(ex).toContainText('Scaling, week 1 · exercise 1 of 2');
  await expect(ex.getByRole('heading', { name: 'Room to grow' })).toBeVisible();
  const list = ex.getByRole('navigation', { name: 'Workshop exercises' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await ex.getByRole('button', { name: 'Next exercise' }).click();
  await expect(ex).toContainText('exercise 2 of 2');
  await expect(ex.getByRole('heading', { name: 'Fast enough' })).toBeVisible();
  await expect(ex.getByRole('button', { name: 'Next exercise' })).toBeDisabled();
  await new Editor(student).screenshot('workshop-student');
  await ex.getByRole('button', { name: 'Previous' }).click();
  await expect(ex.getByRole('heading', { name: 'Room to grow' })).toBeVisible();
  // Leaving takes the link out of the address bar: a reload keeps the student's canvas.
  await ex.getByRole('button', { name: 'Leave the exercise' }).click();
  await expect(ex).toBeHidden();
  await expect(student).not.toHaveURL(/#w1\./);
  await context.close();
});

test('every lesson opens beside the canvas with its first step current', async ({ page }) => {
  const titles: string[] = [];
  await editor.button('Learn').click();
  const picker = page.getByRole('dialog', { name: 'Lessons' });
  // The course loads on first use: wait for it before reading the list.
  await expect(picker.locator('.sl-picker__title')).toHaveCount(15);
  for (const item of await picker.locator('.sl-picker__title').all())
    titles.push(((await item.textContent()) ?? '').replace(/(Next|Done|Started)$/, '').trim());
  await picker.getByRole('button', { name: 'Close', exact: true }).click();
  expect(titles).toHaveLength(15);
  for (const title of titles) {
    await editor.button('Learn').click();
    await page
      .getByRole('dialog', { name: 'Lessons' })
      .getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .click();
    const lesson = panel(page);
    await expect(lesson.getByRole('heading', { name: title, exact: true })).toBeVisible();
    await expect(lesson.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(lesson.getByRole('heading', { name: /^Steps 0 of \d done$/ })).toBeVisible();
    await expect(editor.nodes()).not.toHaveCount(0);
  }
  await editor.screenshot('lesson-last');
});

test('a teacher’s link to a built-in lesson opens it; a wrong one says which lessons there are', async ({
  page,
}) => {
  // A fresh page load with the link (the learning code loads on demand for it)…
  await page.goto('about:blank');
  await page.goto('/#lesson=failover');
  const lesson = panel(page);
  await expect(lesson.getByRole('heading', { name: 'Noticing a dead server' })).toBeVisible();
  await expect(lesson.locator('[aria-current="step"]')).toHaveCount(1);
  // The link has done its job: a reload keeps the learner's canvas, not the lesson's start.
  await expect(page).not.toHaveURL(/#lesson=/);
  // The panel hands the same link to the next teacher.
  const copy = lesson.getByRole('button', { name: 'Copy lesson link' });
  await expect(copy).toHaveAttribute('data-tooltip', /\/#lesson=failover$/);
  await copy.scrollIntoViewIfNeeded();
  await editor.screenshot('lesson-link');

  // …and one pasted into the open tab.
  await page.goto('/#lesson=no-such-lesson');
  await expect(panel(page).getByRole('alert')).toContainText('“no-such-lesson”');
  await expect(panel(page).getByRole('alert')).toContainText('horizontal-scaling');
  await expect(editor.nodes()).not.toHaveCount(0);
});
