/** Repeated wrong passwords: after five, a plain message says how long to wait. */
import { expect, test } from '@playwright/test';
import { demoAccount, expectAccessible } from './support/fixtures.js';

// This account is used by no other journey: its delay would get in their way.
const account = () => demoAccount('lawyer', 'aurora.example');

test('after five wrong passwords she is asked to wait, in plain words', async ({ page }) => {
  await page.goto('/login');
  const submit = async (password: string) => {
    await page.getByLabel('Email').fill(account().email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    return (await answered).status();
  };
  for (let i = 0; i < 5; i++) {
    expect(await submit(`wrong guess number ${i}`)).toBe(401);
    await expect(page.getByRole('alert')).toContainText(/email or password is not right/i);
  }
  // Even the right password has to wait now; the message does not say whether it was right.
  expect(await submit(account().password)).toBe(429);
  await expect(page.getByRole('alert')).toHaveText(/^Too many attempts\. Try again in \d+ seconds?\.$/);
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page, 'sign-in with the waiting message');
});
