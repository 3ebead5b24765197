/**
 * An administrator invites a colleague, who chooses her own password and sets up her
 * authenticator app; after a second-factor reset she is told so and needs a new link.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO_URL } from '../playwright.config.js';
import { demoAccount, expectAccessible, signIn, totpFor } from './support/fixtures.js';

const admin = () => demoAccount('administrator', 'aurora.example');
const PASSWORD = 'quiet lanterns along the river';

async function enrol(page: Page) {
  await expect(page).toHaveURL(/\/mfa\/enrol/);
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.getByLabel('Code').fill(await totpFor(secret));
  await page.getByRole('button', { name: /confirm and continue/i }).click();
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);
}

test('a new colleague is invited, sets her password, enrols, and is told of a reset', async ({
  page,
  browser,
}) => {
  const email = `newcomer.${Date.now()}@aurora.example`;
  await signIn(page, admin());
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('table', { name: /staff members/i })).toContainText(admin().email);
  await expectAccessible(page, 'administration');

  await page.getByRole('button', { name: 'Invite a staff member' }).click();
  const form = page.getByRole('dialog', { name: 'Invite a staff member' });
  await form.getByLabel('Name').fill('Mara Newcomer');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Social worker').check();
  await expect(form).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'invitation form');
  await form.getByRole('button', { name: 'Create the invitation' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Invitation for Mara Newcomer' });
  const link = ((await linkDialog.getByTestId('setup-link').textContent()) ?? '').trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  // Check contrast once the form has gone and the link has finished fading in.
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(linkDialog).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'invitation link');
  await linkDialog.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('row', { name: /Mara Newcomer/ });
  await expect(row).toContainText('Invited');

  // She opens the link in her own browser.
  const hers = await browser.newContext({ baseURL: DEMO_URL, locale: 'en-GB' });
  const her = await hers.newPage();
  await her.goto(link);
  await expect(her.getByRole('heading', { name: 'Welcome, Mara Newcomer' })).toBeVisible();
  await expectAccessible(her, 'invitation page');
  await her.getByLabel('Choose a password').fill('short');
  await her.getByRole('button', { name: 'Continue' }).click();
  await expect(her.getByText(/at least 12 characters/i).first()).toBeVisible();
  await her.getByLabel('Choose a password').fill(PASSWORD);
  await her.getByLabel('Type the password again').fill(PASSWORD);
  await her.getByRole('button', { name: 'Continue' }).click();
  await enrol(her);
  await her.getByLabel('I have saved these codes somewhere safe').check();
  await her.getByRole('button', { name: 'Continue' }).click();
  await expect(her).toHaveURL(/\/participants/);
  // The link worked once.
  await her.goto(link);
  await expect(her.getByText(/no longer valid/i)).toBeVisible();

  // The administrator resets her second factor (say, a lost phone).
  await page.reload();
  await page.getByRole('button', { name: 'Manage Mara Newcomer' }).click();
  await page.getByRole('menuitem', { name: 'Reset second factor' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset second factor' }).click();
  const resetLink = ((await page.getByTestId('setup-link').textContent()) ?? '').trim();
  expect(resetLink).toMatch(/\/invite\//);

  // Her password alone does not let her set up a new factor; she is told what happened.
  await her.goto('/login');
  await her.getByLabel('Email').fill(email);
  await her.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await her.getByRole('button', { name: 'Sign in' }).click();
  await expect(her).toHaveURL(/\/mfa\/link-required/);
  await expect(her.getByRole('alert')).toContainText(/reset your two-step sign-in/i);
  await expectAccessible(her, 'second factor reset notice');

  await her.goto(resetLink);
  await expect(her.getByRole('heading', { name: 'Set up a new second factor' })).toBeVisible();
  await her.getByLabel('Your current password').fill(PASSWORD);
  await her.getByRole('button', { name: 'Continue' }).click();
  await enrol(her);
  await hers.close();
});
