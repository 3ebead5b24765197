/** What happened with her information: an emergency opening appears with its reason. */
import { expect, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

const REASON = 'She called the night line in danger; her psychologist cannot be reached until Monday.';

test('break-glass, with its reason, appears in her transparency log', async ({ page }) => {
  await signIn(page, demoAccount('coordinator'));
  await page.getByRole('table').getByRole('row').nth(1).click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}/);

  await page.getByRole('button', { name: 'Emergency access to Mental health (counselling)' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/why do you need this now/i).fill(REASON);
  await dialog.getByRole('button', { name: 'Open the section' }).click();
  const drawer = page.getByRole('dialog', { name: 'Mental health (counselling)' });
  await expect(drawer.getByLabel('New note')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toHaveCount(0);

  await page.getByRole('tab', { name: 'Her information' }).click();
  await expect(page.getByRole('heading', { name: 'What happened with her information' })).toBeVisible();
  const emergency = page
    .getByRole('listitem')
    .filter({ hasText: 'used emergency access to open Mental health (counselling)' });
  await expect(emergency).toHaveCount(1);
  await expect(emergency).toContainText('(Coordinator)');
  await expect(emergency).toContainText(`Reason given: “${REASON}”`);
  await expect(emergency).toContainText('Flagged for review');
  // Reading the section after opening it is recorded too, and so is opening her case.
  await expect(
    page.getByRole('listitem').filter({ hasText: 'viewed Mental health (counselling)' }),
  ).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ hasText: 'opened her case' }).first()).toBeVisible();
  await expectAccessible(page, 'transparency log');

  // The log reads in the interface language.
  await page.getByLabel('Language').click();
  await page.getByRole('option', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Qué ha pasado con su información' })).toBeVisible();
  await expect(page.getByText(/usó el acceso de emergencia para abrir/)).toBeVisible();
  await page.getByLabel('Idioma').click();
  await page.getByRole('option', { name: 'English' }).click();
});
