/** An administrator changes who sees a section; the change is saved and takes effect. */
import { expect, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

test('an administrator opens physical health to the whole case team', async ({ page }) => {
  await signIn(page, demoAccount('administrator'));
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
  const panel = page.getByRole('region', { name: 'Who sees which section' });
  await expect(panel).toBeVisible();
  await expectAccessible(page, 'organization settings');

  const physical = panel.getByRole('combobox', { name: 'Full access to Physical health' });
  await physical.click();
  await page.getByRole('option', { name: 'Her whole case team' }).click();
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  const saved = await page.request.get('/api/organization/settings');
  expect((await saved.json()).sectionMatrix.physical_health.full).toContain('team');
});
