import { expect, test } from '@playwright/test';
import { Editor } from './editor.ts';

test('the app opens with the default scenario loaded', async ({ page }) => {
  const editor = new Editor(page);
  const errors = await editor.open();
  await expect(page).toHaveTitle(/ScaleLab/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Two web servers behind a balancer' }),
  ).toBeVisible();
  await expect(editor.nodes()).toHaveCount(6);
  await expect(editor.edges()).toHaveCount(7);
  for (const name of ['Users', 'Load balancer', 'web-1', 'web-2', 'Cache', 'Database'])
    await expect(editor.node(name)).toBeVisible();
  await expect(editor.node('web-1')).toContainText('4 workers · 20 ms');
  await expect(editor.node('Users')).toContainText('150 req/s');
  await expect(editor.node('Load balancer')).toContainText('round-robin · health 1 s × 2');
  await expect(editor.node('Database')).toContainText('20 conn · 5/12 ms');
  await expect(editor.node('Cache')).toContainText('LRU · 2,000 items');
  await editor.screenshot('smoke');
  expect(errors).toEqual([]);
});
