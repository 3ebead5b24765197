/** The idle-timeout warning: one minute before the session ends, the app asks. */
import { expect, test } from '@playwright/test';
import { demoAccount, signIn } from './support/fixtures.js';

test('warns a minute before idle sign-out and lets her stay signed in', async ({ page }) => {
  await page.clock.install();
  await signIn(page, demoAccount('psychologist'));
  await page.clock.fastForward('14:05');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/signed out/i);
  await dialog.getByRole('button', { name: /stay signed in/i }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table')).toBeVisible();
});

test('signs out after the idle time and says why', async ({ page }) => {
  await page.clock.install();
  await signIn(page, demoAccount('psychiatrist'));
  await page.clock.fastForward('15:30');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText(/inactivity/i)).toBeVisible();
});
