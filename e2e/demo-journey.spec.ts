/** A social worker's morning on the demo network: sign in, find a case, switch language. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoParticipantNames } from '../packages/server/src/demo/seed.js';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';
import { DEMO_LOG } from './support/servers.js';

test.describe.configure({ mode: 'serial' });

test('the login page shows the demo banner and is accessible', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByText(/demo data/i).first()).toBeVisible();
  await expectAccessible(page, 'login');
});

test('a wrong password gets a plain message, not a stack trace', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demoAccount('lawyer').email);
  await page.getByLabel('Password', { exact: true }).fill('definitely not it');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/email or password is not right/i)).toBeVisible();
});

test('a coordinator signs in with a TOTP code and sees the participant list', async ({ page }) => {
  await signIn(page, demoAccount('coordinator'));
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await expect(table).toContainText(/HWN-\d{4}-\d{4}/);
  await expectAccessible(page, 'participants');

  // Exact-name search, whatever the capitals: the name never goes into the page address.
  const someone = demoParticipantNames()[0] ?? '';
  await page.getByLabel('Find by name').fill(someone.toLowerCase());
  await page.getByRole('button', { name: 'Find' }).click();
  const found = page.getByRole('status').getByRole('link', { name: /HWN-\d{4}-\d{4}/ });
  await expect(found).toHaveCount(1);
  expect(page.url()).not.toContain(someone.split(' ')[0] ?? someone);

  // A case code typed in lower case finds that one case.
  const code = (await found.textContent()) ?? '';
  await page.getByRole('radio', { name: 'Case code' }).check();
  await page.getByLabel('Find by case code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('status').getByRole('link', { name: code })).toHaveCount(1);

  await table.getByRole('row').nth(1).click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}/);
  await expect(page.getByText(/HWN-\d{4}-\d{4}/).first()).toBeVisible();
  await expectAccessible(page, 'participant detail');

  for (const link of ['My tasks', 'Groups', 'Network', 'Reports']) {
    await page.getByRole('navigation').getByRole('link', { name: link }).click();
    await expect(page.getByRole('main')).toBeVisible();
    await expectAccessible(page, link);
  }
});

test('the interface switches to Spanish, Italian and Catalan', async ({ page }) => {
  await signIn(page, demoAccount('social_worker'));
  const nav = page.getByRole('navigation');
  await page.getByLabel('Language').click();
  await page.getByRole('option', { name: 'Español' }).click();
  await expect(nav.getByRole('link', { name: 'Participantes' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectAccessible(page, 'participants in Spanish');
  await page.getByLabel('Idioma').click();
  await page.getByRole('option', { name: 'Italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await page.getByLabel('Lingua').click();
  await page.getByRole('option', { name: 'Català' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ca');
  await page.getByLabel('Idioma').click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(nav.getByRole('link', { name: 'Participants' })).toBeVisible();
});

test('works on a 360 px phone with the menu behind a button', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoAccount('outreach_worker'));
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(360);
  await page
    .getByRole('button', { name: /navigation|menu/i })
    .first()
    .click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Groups' })).toBeVisible();
  await expectAccessible(page, 'phone layout');
});

test('signing out returns to the login page and the session is gone', async ({ page }) => {
  await signIn(page, demoAccount('social_educator'));
  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('menuitem', { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/login/);
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
});

test('the server log never contains a participant name', async () => {
  const log = readFileSync(DEMO_LOG, 'utf8');
  expect(log.length).toBeGreaterThan(0);
  const leaked = demoParticipantNames().filter(
    (name) => log.includes(name) || new RegExp(`\\b${name.split(' ')[0]}\\b`).test(log),
  );
  expect(leaked).toEqual([]);
});
