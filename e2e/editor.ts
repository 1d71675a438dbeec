import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A page object that reads like a user: components by their visible name, buttons by their
 * accessible name. Only handles (the dots you drag from) have no name, as on screen.
 */
export class Editor {
  constructor(readonly page: Page) {}

  async open(query = '') {
    const errors: string[] = [];
    this.page.on('pageerror', (e) => errors.push(e.message));
    await this.page.goto(`/${query}`);
    await expect(this.nodes()).not.toHaveCount(0);
    return errors;
  }

  canvas(): Locator {
    return this.page.getByRole('region', { name: 'Canvas' });
  }

  nodes(): Locator {
    return this.canvas().locator('.react-flow__node');
  }

  edges(): Locator {
    return this.canvas().locator('.react-flow__edge');
  }

  /** A component on the canvas by its name ("web-1", "Server 1"). */
  node(name: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^${escapeRegExp(name)},`) });
  }

  palette(name: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Components' })
      .getByRole('button', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  /** The editor's status line (the library has a status region of its own). */
  status(): Locator {
    return this.page.getByRole('status').and(this.page.locator('.sl-notice-region'));
  }

  /** Drags from one component's output dot to another's input dot. */
  async connect(from: string, to: string) {
    const source = this.node(from).locator('.react-flow__handle.source');
    const target = this.node(to).locator('.react-flow__handle.target');
    await this.dragBetween(source, target);
  }

  async dragBetween(from: Locator, to: Locator) {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('cannot drag: element not visible');
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await mouse.up();
  }

  async screenshot(name: string) {
    await this.page.mouse.move(0, 0);
    await this.page.screenshot({
      path: `${process.env.E2E_RESULTS ?? 'test-results'}/screenshots/${name}.png`,
      animations: 'disabled',
    });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
