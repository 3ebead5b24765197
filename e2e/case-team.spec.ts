/**
 * Her case team: counselling notes stay with the clinicians, handovers are written and counted,
 * and each person starts on her own cases.
 */
import { expect, type Page, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

test.describe.configure({ mode: 'serial' });

type Team = { reference: { id: string } | null; members: { id: string; roles: string[] }[] };

/** A case of the psychologist's on which the social worker works too (found through the API). */
async function sharedCase(page: Page): Promise<string> {
  const list = await page.request.get('/api/participants?scope=team&pageSize=100');
  expect(list.ok()).toBe(true);
  for (const item of (await list.json()).items as { id: string }[]) {
    const team = (await (await page.request.get(`/api/participants/${item.id}/team`)).json()) as Team;
    if (team.members.some((m) => m.roles.includes('social_worker'))) return item.id;
  }
  throw new Error('the demo has no case shared by the psychologist and the social worker');
}

const ROLE_OPTION: Record<string, RegExp> = {
  social_worker: /— Social worker$/,
  social_educator: /— Social educator$/,
  lawyer: /— Lawyer$/,
  psychologist: /— Psychologist$/,
  coordinator: /— Coordinator$/,
};

const note = `Counselling note ${Date.now()}: she spoke about the nights before she left.`;
let caseId = '';

test('a psychologist writes a counselling note on a case she shares with a social worker', async ({
  page,
}) => {
  await signIn(page, demoAccount('psychologist'));
  // She holds cases as a reference professional, so the list starts on her own cases.
  await expect(page.getByRole('radio', { name: 'My cases' })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Open a new case' })).toBeVisible();
  const teamList = page.waitForResponse(
    (r) => r.url().includes('/api/participants?') && r.url().includes('scope=team'),
  );
  await page.getByText('Team cases').click();
  await teamList;
  await expect(page).toHaveURL(/scope=team/);
  await expect(page.getByRole('radio', { name: 'Team cases' })).toBeChecked();
  // The previous list stays dimmed until the new one is shown.
  const list = page.getByRole('table').locator('xpath=ancestor::div[contains(@style, "opacity")][1]');
  await expect(list).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'participants, team cases');

  caseId = await sharedCase(page);
  await page.goto(`/participants/${caseId}`);
  await page.getByRole('button', { name: 'Open Mental health (counselling)' }).click();
  const drawer = page.getByRole('dialog', { name: 'Mental health (counselling)' });
  await drawer.getByLabel('New note').fill(note);
  await expect(drawer.getByRole('radio', { name: 'Everyone who can open this section' })).toBeChecked();
  await expectAccessible(page, 'section drawer with note visibility');
  await drawer.getByRole('button', { name: 'Save note' }).click();
  await expect(drawer.getByText(note)).toBeVisible();

  // A private note carries a badge and stays with its author.
  await expect(drawer.getByLabel('New note')).toHaveValue('');
  await drawer.getByLabel('New note').fill('Private reminder: ask about the supervision slot.');
  await drawer.getByText('Only me (a private note)').click();
  await expect(drawer.getByLabel('New note')).toHaveValue(
    'Private reminder: ask about the supervision slot.',
  );
  await drawer.getByRole('button', { name: 'Save note' }).click();
  await expect(drawer.getByText('Private', { exact: true })).toBeVisible();
});

test('the social worker on the same case sees only whether she is in counselling', async ({ page }) => {
  expect(caseId).not.toBe('');
  await signIn(page, demoAccount('social_worker'));
  await page.goto(`/participants/${caseId}`);
  await page.getByRole('button', { name: 'Open Mental health (counselling)' }).click();
  const drawer = page.getByRole('dialog', { name: 'Mental health (counselling)' });
  await expect(drawer.getByText('In counselling: yes')).toBeVisible();
  await expect(drawer.getByText(note)).toHaveCount(0);
  await expect(drawer.getByLabel('New note')).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Close' }).click();

  // Nor does the note appear in the timeline, which says which sections it leaves out.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(
    page.getByText(/Items from sections you cannot open are not shown: .*Mental health/),
  ).toBeVisible();
  await expect(page.getByText(note)).toHaveCount(0);
  await expect(page.getByText(/supervision slot/)).toHaveCount(0);
  await expectAccessible(page, 'timeline');
});

test('a coordinator hands the case over with a note, and every change is counted', async ({ page }) => {
  expect(caseId).not.toBe('');
  await signIn(page, demoAccount('coordinator'));
  await page.goto(`/participants/${caseId}?tab=team`);
  const team = (await (await page.request.get(`/api/participants/${caseId}/team`)).json()) as Team & {
    reference: { roles: string[] } | null;
    referenceChanges: number;
  };
  const before = team.referenceChanges;
  await expect(page.getByText(`${before} change`).first()).toBeVisible();
  await expectAccessible(page, 'team tab');

  const handOver = async (to: RegExp, text: string) => {
    await page.getByRole('button', { name: 'Hand over the case…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand over her case' });
    await dialog.getByLabel('New reference professional').click();
    await page.getByRole('option', { name: to }).click();
    await dialog.getByLabel('Handover note').fill(text);
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await expect(dialog).toHaveCount(0);
  };

  await page.getByRole('button', { name: 'Hand over the case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand over her case' });
  await dialog.getByLabel('Handover note').fill('too short');
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await expect(dialog.getByText('Write a handover note of at least 20 characters.')).toBeVisible();
  await expect(dialog.getByText('Choose who takes over her case.')).toBeVisible();
  await expectAccessible(page, 'handover dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Hand over to a colleague in another role, then back to whoever held the case before.
  const original = team.reference?.roles[0] ?? 'social_worker';
  const target = original === 'social_educator' ? 'lawyer' : 'social_educator';
  await handOver(
    ROLE_OPTION[target] ?? /Social educator$/,
    'She prefers mornings; the language course starts on Monday.',
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'is now her reference professional' }),
  ).toBeVisible();
  await expect(page.getByText(`${before + 1} change`)).toBeVisible();
  await expect(page.getByText('She prefers mornings; the language course starts on Monday.')).toBeVisible();

  await handOver(
    ROLE_OPTION[original] ?? /Social worker$/,
    'Back to the colleague who knows her best, after the course.',
  );
  await expect(page.getByText(`${before + 2} changes of reference professional`)).toBeVisible();
  await expect(page.getByText(/From .+ to .+/).first()).toBeVisible();
});

test('a peer worker is not offered to open a case', async ({ page }) => {
  await signIn(page, demoAccount('peer_worker'));
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open a new case' })).toHaveCount(0);
});
