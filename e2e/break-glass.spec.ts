/** A coordinator in an emergency: a restricted section opened with a written reason. */
import { expect, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

test('restricted sections are named, and break-glass opens one with a reason', async ({ page }) => {
  await signIn(page, demoAccount('coordinator', 'aurora.example'));
  await page.getByRole('table').getByRole('row').nth(1).click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}/);

  // The coordinator does not see counselling notes, and the page says so instead of hiding them.
  const emergency = page.getByRole('button', { name: 'Emergency access to Mental health (counselling)' });
  await expect(emergency).toBeVisible();
  await expectAccessible(page, 'participant sections');

  await emergency.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/reason is recorded/i);
  await dialog.getByLabel(/why do you need this now/i).fill('short');
  await dialog.getByRole('button', { name: 'Open the section' }).click();
  await expect(dialog.getByText(/at least 20 characters/i).first()).toBeVisible();
  await expectAccessible(page, 'break-glass dialog');

  await dialog
    .getByLabel(/why do you need this now/i)
    .fill('She phoned in distress tonight and her psychologist cannot be reached.');
  await dialog.getByRole('button', { name: 'Open the section' }).click();

  const drawer = page.getByRole('dialog', { name: 'Mental health (counselling)' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByLabel('New note')).toBeVisible();
  await expectAccessible(page, 'section opened by break-glass');
  await drawer.getByRole('button', { name: 'Close' }).click();

  // Her legal identity is shown only when asked for, and the request is audited.
  await page.getByRole('button', { name: 'Open Identity and contact' }).click();
  const identity = page.getByRole('dialog', { name: 'Identity and contact' });
  await identity.getByRole('button', { name: 'Show legal identity' }).click();
  await expect(identity.getByText(/Legal name: \S+/)).toBeVisible();
  await expect(identity.getByText(/Date of birth: \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expectAccessible(page, 'legal identity revealed');
  await identity.getByRole('button', { name: 'Close' }).click();

  // At her request, her identifying data is erased for good; the case code stays.
  await page.getByRole('tab', { name: 'Her file' }).click();
  await page.getByRole('button', { name: 'Erase identifying data…' }).click();
  const confirm = page.getByRole('dialog', { name: /Erase the identifying data/ });
  await expectAccessible(page, 'erasure dialog');
  await confirm.getByLabel('Reason').fill('Her request of today, taken by the coordinator.');
  await confirm.getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByText(/identifying data of case .* has been erased/)).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText('Erased at her request')).toBeVisible();
  await page.getByRole('button', { name: 'Open Identity and contact' }).click();
  await page.getByRole('button', { name: 'Show legal identity' }).click();
  await expect(page.getByText('Legal name: —')).toBeVisible();
});

test('a peer worker sees the alias of the women she works with, and nothing more', async ({ page }) => {
  await signIn(page, demoAccount('peer_worker', 'aurora.example'));
  const rows = page.getByRole('table').getByRole('row');
  // Cases she is not on show the code only; cases she is on show the alias.
  await expect(rows.filter({ hasText: 'Not shown for your role' }).first()).toBeVisible();
  await rows.filter({ hasNotText: 'Not shown for your role' }).nth(1).click();
  await expect(page.getByText('Restricted — Legal status and proceedings')).toBeVisible();
  await expect(page.getByText('Restricted — Trafficking network details')).toBeVisible();
  await page.getByRole('button', { name: 'Open Identity and contact' }).click();
  const drawer = page.getByRole('dialog', { name: 'Identity and contact' });
  await expect(drawer.getByText(/She is known here as: \S+/)).toBeVisible();
  await expect(drawer.getByLabel('New note')).toHaveCount(0);
});
