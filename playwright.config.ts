import { defineConfig } from '@playwright/test';

export const DEMO_URL = 'http://127.0.0.1:18311';
export const FRESH_URL = 'http://127.0.0.1:18312';

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: DEMO_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/Madrid',
    // Dialogs appear without their fade, so accessibility checks never read a half-faded colour.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
