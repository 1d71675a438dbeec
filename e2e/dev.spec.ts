import { expect, type Locator, type Page, test } from '@playwright/test';
import { Editor } from './editor.ts';

/**
 * `npm start` serves the development build, where React's StrictMode runs every effect twice
 * (mount, unmount, mount). The other specs test the production build; this one opens each of
 * the app's dialogs in the development build and checks that it stays open.
 */
async function staysOpen(page: Page, dialog: Locator) {
  await expect(dialog).toBeVisible();
  // The close event of StrictMode's first cleanup arrives a task later: let it.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test('npm start: the development build opens each dialog and keeps it open', async ({ page }) => {
  const editor = new Editor(page);
  const errors = await editor.open();
  await expect(page.locator('script[src="/@vite/client"]')).toHaveCount(1);
  await expect(editor.nodes()).toHaveCount(6);

  await editor.button('Learn').click();
  await staysOpen(page, page.getByRole('dialog', { name: 'Lessons' }));
  await editor.button('Share link').click();
  await staysOpen(page, page.getByRole('dialog', { name: 'Share link' }));
  await page.getByRole('button', { name: /^Library/ }).click();
  await staysOpen(page, page.getByRole('dialog', { name: 'Your scenarios' }));
  await editor.button('Keyboard shortcuts').click();
  await staysOpen(page, page.getByRole('dialog', { name: /shortcuts/i }));
  expect(errors).toEqual([]);
});
