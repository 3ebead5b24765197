/**
 * Incidents and the protocol: a coordinator writes the organization's risk management
 * protocol; her reference social worker reads it from the incident form, records a threat, is
 * told a reassessment is due and a follow-up was created, and finds the follow-up in My tasks.
 */
import { expect, type Page, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

test.describe.configure({ mode: 'serial' });

const PROTOCOL =
  `When a woman reports a threat (${Date.now()}):\n` +
  '1. Make sure she is safe now.\n2. Call the coordinator on duty.\n3. Agree a safer route with her.';
const WHAT_HAPPENED = 'A man she knew from the flat waited outside the language school and threatened her.';

/**
 * One of the social worker's own cases, not erased: the second oldest, since other journeys
 * take the newest ones (and the oldest of other people's lists).
 */
async function myCase(page: Page): Promise<{ id: string; caseCode: string }> {
  const list = await (await page.request.get('/api/participants?scope=mine&pageSize=100')).json();
  const mine = (list.items as { id: string; caseCode: string; preferredName: string | null }[]).filter(
    (item) => item.preferredName !== null,
  );
  const target = mine.at(-2);
  if (!target) throw new Error('the demo social worker holds fewer than two cases');
  return target;
}

test('a coordinator writes a new version of the protocol', async ({ page }) => {
  await signIn(page, demoAccount('coordinator'));
  await page.goto('/safety?tab=protocol');
  const panel = page.getByRole('region', { name: 'Risk management protocol' });
  await expect(panel).toBeVisible();
  await expectAccessible(page, 'protocol page');
  await panel.getByRole('button', { name: /^(Write|Edit) the protocol$/ }).click();
  await panel.getByLabel('Protocol text').fill(PROTOCOL);
  await expectAccessible(page, 'protocol editor');
  await panel.getByRole('button', { name: 'Save new version' }).click();
  await expect(panel.getByRole('status')).toContainText(/Version \d+ saved\./);
  await expect(panel.getByText('2. Call the coordinator on duty.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'All versions' }).getByRole('row')).not.toHaveCount(1);

  // The reassessment settings: an impossible value is refused before anything is saved.
  await page.getByRole('tab', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'Reassessment settings' });
  await expect(settings.getByLabel('Days until reassessment, critical risk')).toHaveValue('14');
  await expectAccessible(page, 'safety settings');
  await settings.getByLabel('Days until reassessment, critical risk').fill('0');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByText('A whole number of days, from 1 to 730.')).toBeVisible();
  await expect(settings.getByRole('status')).toHaveText('');
});

test('her social worker records a threat with the protocol at hand, and finds the follow-up', async ({
  page,
}) => {
  await signIn(page, demoAccount('social_worker'));
  const target = await myCase(page);
  await page.goto(`/participants/${target.id}?tab=safety`);
  const log = page.getByRole('region', { name: 'Incidents' });
  await expect(log).toBeVisible();
  await expectAccessible(page, 'case safety tab');

  await log.getByRole('button', { name: 'Record an incident' }).click();
  const form = log.getByRole('form', { name: 'Record an incident' });
  await form.getByRole('button', { name: 'What our protocol says' }).click();
  const drawer = page.getByRole('dialog', { name: 'What our protocol says' });
  await expect(drawer.getByText('2. Call the coordinator on duty.')).toBeVisible();
  await expect(drawer.getByText(/^Version \d+, saved on/)).toBeVisible();
  await expectAccessible(page, 'protocol drawer');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();

  // Nothing chosen: the form says what is missing before anything is sent.
  await form.getByRole('button', { name: 'Record incident' }).click();
  await expect(form.getByText('Choose what kind of incident this was.')).toBeVisible();
  await form.getByRole('combobox', { name: 'What kind of incident' }).click();
  await page.getByRole('option', { name: 'Threat', exact: true }).click();
  await form.getByLabel('What happened').fill(WHAT_HAPPENED);
  await form.getByLabel('Actions taken').fill('Walked her home by another route; the coordinator was told.');
  await expectAccessible(page, 'incident form');
  await form.getByRole('button', { name: 'Record incident' }).click();

  await expect(log.getByRole('status')).toContainText('a reassessment is due today');
  await expect(log.getByRole('status')).toContainText('A follow-up task was created');
  const entry = log.getByRole('listitem').filter({ hasText: WHAT_HAPPENED });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole('heading', { name: 'Threat' })).toBeVisible();
  await expect(entry.getByText('Follow-up waiting')).toBeVisible();
  await expect(entry.getByRole('button', { name: 'Mark followed up' })).toBeVisible();
  await expectAccessible(page, 'incident recorded');

  await page
    .getByRole('navigation')
    .getByRole('link', { name: /My tasks/ })
    .click();
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  const followUp = page
    .getByRole('listitem')
    .filter({ hasText: 'Follow up an incident' })
    .filter({ hasText: target.caseCode });
  await expect(followUp).toBeVisible();
  await expectAccessible(page, 'my tasks with the follow-up');
});
