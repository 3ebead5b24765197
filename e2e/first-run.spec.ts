/** A newcomer's first visit: set up the organization and its administrator, with MFA. */
import { expect, test } from '@playwright/test';
import { FRESH_URL } from '../playwright.config.js';
import { expectAccessible, totpFor } from './support/fixtures.js';

test.use({ baseURL: FRESH_URL });

test('first visit leads through setup and authenticator enrolment', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup/);
  await expectAccessible(page, 'first-run setup');

  await page.getByLabel('Organization name').fill('Lighthouse Support Service');
  await page.getByLabel(/case code prefix/i).fill('LHS');
  await page.getByLabel('Your name').fill('Irena Setupova');
  await page.getByLabel('Email').fill('irena@lighthouse.example');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: /create/i }).click();
  // A too-short password is refused with a message next to the field, and nothing is lost.
  await expect(page.getByText(/at least 12 characters/i).first()).toBeVisible();
  await expect(page.getByLabel('Organization name')).toHaveValue('Lighthouse Support Service');

  await page.getByLabel('Password', { exact: true }).fill('lanterns over the quiet harbour');
  await page.getByRole('button', { name: /create/i }).click();

  await expect(page).toHaveURL(/\/mfa\/enrol/);
  await expectAccessible(page, 'authenticator enrolment');
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Code').fill(await totpFor(secret));
  await page.getByRole('button', { name: /confirm|verify|continue/i }).click();

  // Ten recovery codes, shown once; she confirms she has kept them before going on.
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);
  await expectAccessible(page, 'recovery codes after enrolment');
  await page.getByLabel('I have saved these codes somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/participants/);
  await expect(page.getByRole('banner')).toContainText('Lighthouse Support Service');
  // The administrator role has no case access yet; the page says so instead of failing.
  await expectAccessible(page, 'participants as administrator');

  // Setup cannot be run twice.
  await page.goto('/setup');
  await expect(page).not.toHaveURL(/\/setup/);
});
