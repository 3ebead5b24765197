/** Recovery codes: made from her profile, then one of them stands in for the lost phone. */
import { expect, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

const account = () => demoAccount('social_educator', 'aurora.example');

test('she saves recovery codes and later signs in with one instead of a TOTP code', async ({ page }) => {
  await signIn(page, account());
  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('menuitem', { name: /your account and security/i }).click();
  await expect(page).toHaveURL(/\/profile/);
  await expect(page.getByRole('heading', { name: 'Your account and security' })).toBeVisible();
  await expect(page.getByRole('table', { name: /open sessions/i })).toContainText(/this device/i);
  await expectAccessible(page, 'profile');

  await page.getByRole('button', { name: 'Create new recovery codes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create new recovery codes' }).click();
  const codes = page.getByTestId('recovery-code');
  await expect(codes).toHaveCount(10);
  // Check contrast once the confirmation has gone and the codes have finished fading in.
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'new recovery codes');
  const code = (await codes.nth(3).textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const continueButton = page.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeDisabled();
  await page.getByLabel('I have saved these codes somewhere safe').check();
  await continueButton.click();
  await expect(page.getByText('10 recovery codes left.')).toBeVisible();

  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('menuitem', { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Email').fill(account().email);
  await page.getByLabel('Password', { exact: true }).fill(account().password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /use a recovery code/i }).click();
  await expect(page.getByRole('heading', { name: 'Sign in with a recovery code' })).toBeVisible();
  await expectAccessible(page, 'recovery code sign-in');
  await page.getByLabel('Recovery code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/\/participants/);

  await page.goto('/profile');
  await expect(page.getByText('9 recovery codes left.')).toBeVisible();
});
