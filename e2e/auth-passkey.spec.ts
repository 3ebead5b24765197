/**
 * Passkeys with Chromium's virtual authenticator (it verifies the user, as a fingerprint or PIN
 * would). The page runs on http://localhost: WebAuthn does not accept an IP address as its domain.
 */
import { expect, test } from '@playwright/test';
import { DEMO_URL } from '../playwright.config.js';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

test.use({ baseURL: DEMO_URL.replace('127.0.0.1', 'localhost') });

const account = () => demoAccount('outreach_worker', 'aurora.example');

test('she adds a passkey from her profile and signs in with it instead of a code', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await signIn(page, account());
  await page.goto('/profile');
  await expect(page.getByText('You have no passkeys yet.')).toBeVisible();
  await page.getByLabel('Name for a new passkey').fill('Office laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  const table = page.getByRole('table', { name: 'Your passkeys' });
  await expect(table).toContainText('Office laptop');
  await expect(table).toContainText('Not used yet');
  await expectAccessible(page, 'profile with a passkey');

  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('menuitem', { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Email').fill(account().email);
  await page.getByLabel('Password', { exact: true }).fill(account().password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/mfa$/);
  await expectAccessible(page, 'second step with a passkey offered');
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page).toHaveURL(/\/participants/);

  await page.goto('/profile');
  await expect(page.getByRole('table', { name: 'Your passkeys' })).not.toContainText('Not used yet');
});
