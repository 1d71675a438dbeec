import { expect, test } from '@playwright/test';

test('the app opens with the default scenario loaded', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page).toHaveTitle(/ScaleLab/);
  await expect(page.getByRole('heading', { name: 'Two web servers behind a balancer' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Components' }).getByRole('listitem')).toHaveCount(5);
  await page.screenshot({ path: 'test-results/screenshots/smoke.png', fullPage: true });
  expect(errors).toEqual([]);
});
