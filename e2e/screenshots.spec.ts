import { expect, test } from '@playwright/test';
import { Editor } from './editor.ts';

/**
 * Screenshots to look at (test-results/screenshots/), at a projector's and a laptop's size in
 * both themes, plus the editor's main states. Also checks that the panels do not overlap.
 */
const sizes = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

for (const size of sizes)
  for (const scheme of ['light', 'dark'] as const)
    test(`layout at ${size.width}×${size.height}, ${scheme}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      const editor = new Editor(page);
      await editor.open();
      const tag = `${size.width}x${size.height}-${scheme}`;
      await editor.screenshot(`editor-${tag}`);

      // Nothing overlaps: header, palette, canvas, inspector and results each keep their place.
      const boxes = await Promise.all(
        ['banner', 'navigation', 'main', 'complementary'].map(async (role) => {
          const box = await page
            .getByRole(role as 'main')
            .first()
            .boundingBox();
          if (!box) throw new Error(`${role} not visible`);
          return { role, ...box };
        }),
      );
      for (const a of boxes)
        for (const b of boxes)
          if (a !== b) {
            const overlap =
              a.x < b.x + b.width - 1 &&
              b.x < a.x + a.width - 1 &&
              a.y < b.y + b.height - 1 &&
              b.y < a.y + a.height - 1;
            expect(overlap, `${a.role} overlaps ${b.role}`).toBe(false);
          }
      const toolbar = await page.getByRole('toolbar', { name: 'Editing' }).boundingBox();
      const title = await page.getByRole('heading', { level: 1 }).boundingBox();
      if (!toolbar || !title) throw new Error('header parts missing');
      expect(title.x + title.width).toBeLessThanOrEqual(toolbar.x);
      expect(toolbar.x + toolbar.width).toBeLessThanOrEqual(size.width);

      await editor.node('Load balancer').click();
      await editor.screenshot(`inspector-balancer-${tag}`);
      await editor.node('Users').click();
      await editor.screenshot(`inspector-client-${tag}`);
      await editor.node('web-1').click();
      const workers = editor.inspector().getByRole('textbox', { name: 'Workers' });
      await workers.fill('0');
      await editor.inspector().getByRole('button', { name: 'About Workers' }).click();
      await editor.screenshot(`inspector-error-${tag}`);
      await editor.connect('Users', 'Database');
      await editor.screenshot(`refused-connection-${tag}`);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
      await editor.screenshot(`help-${tag}`);
    });
