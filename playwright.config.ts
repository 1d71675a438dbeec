import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Browser downloads are not possible on our CI machines: use the system Chromium
// (Debian's `chromium` package) unless CHROMIUM_PATH points elsewhere. Where neither
// exists, Playwright falls back to its own browser if one is installed.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
const port = Number(process.env.E2E_PORT ?? 4319);
// Several people can run e2e at once on one machine: each with its own port, build folder and
// results folder (E2E_PORT, E2E_DIST, E2E_RESULTS).
const dist = process.env.E2E_DIST ?? 'dist';
const results = process.env.E2E_RESULTS ?? 'test-results';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: `${results}/e2e-results.json` }]],
  outputDir: `${results}/artifacts`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  // The production build for every spec but one; `npm start`'s development build (React's
  // StrictMode runs effects twice there) for e2e/dev.spec.ts.
  projects: [
    { name: 'app', testIgnore: '**/dev.spec.ts' },
    { name: 'dev', testMatch: '**/dev.spec.ts', use: { baseURL: `http://127.0.0.1:${port + 1}` } },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn --outDir ${dist} && npx vite preview --outDir ${dist} --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${port + 1} --strictPort`,
      url: `http://127.0.0.1:${port + 1}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
