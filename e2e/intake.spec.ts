/**
 * Opening a case: a social worker walks through the intake with her, step by step, records her
 * consent to record keeping and completes it; and two professionals editing the same section
 * are told, not overwritten.
 */
import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

const unique = () => randomBytes(3).toString('hex').toUpperCase();

/** The page fits the screen: nothing scrolls sideways. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function csrfToken(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json();
  return me.csrfToken as string;
}

test('a social worker runs an intake step by step, records consent and completes it', async ({ page }) => {
  // On a small phone, as in an outreach office.
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, demoAccount('social_worker'));
  await page.getByRole('link', { name: 'Open a new case' }).click();
  await expect(page).toHaveURL(/\/participants\/new$/);
  await expect(page.getByRole('heading', { name: 'Open a new case' })).toBeVisible();
  await expect(page.getByText(/She can decline any of them/)).toBeVisible();
  await expectAccessible(page, 'intake: who she is');
  await expectNoSideScroll(page);

  // Checked in the browser before anything is sent, with the field named.
  await page.getByLabel('Date of birth').fill('2999-01-01');
  await page.getByRole('button', { name: 'Open the case and continue' }).click();
  await expect(page.getByText('Write the name or alias she wants to be called by.')).toBeVisible();
  await expect(page.getByText('The date of birth cannot be in the future.')).toBeVisible();

  const alias = `Mirela ${unique()}`;
  await page.getByLabel('Preferred name or alias').fill(alias);
  await page.getByLabel('Legal name').fill(`${alias} Sintetica`);
  await page.getByLabel('Date of birth').fill('1993-06-15');
  await page.getByRole('combobox', { name: 'Citizenship' }).fill('Moldova');
  await page.getByRole('option', { name: 'Moldova' }).click();
  await page.getByRole('button', { name: 'Add a document' }).click();
  await page.getByLabel('Document number').fill(`E2E-${unique()}`);
  await page.getByRole('button', { name: 'Open the case and continue' }).click();

  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}\/intake$/);
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(/^Intake — HWN-\d{4}-\d{4}$/);
  const caseCode = ((await title.textContent()) ?? '').replace('Intake — ', '');
  await expect(page.getByRole('heading', { name: 'Step 2 of 8: Languages' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Languages she speaks' }).fill('Romanian');
  await page.getByRole('option', { name: 'Romanian' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Preferred language' }).click();
  await page.getByRole('option', { name: 'Romanian' }).click();
  await page.getByLabel('She needs an interpreter').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Step 3 of 8: Her journey' })).toBeVisible();
  const arrival = page.getByLabel('Arrival in the country');
  await arrival.fill('1990-01-01');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('The arrival date is before her date of birth.')).toBeVisible();
  await arrival.fill('2023-02-10');
  await page.getByLabel('Forced labour').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Step 4 of 8: Legal situation' })).toBeVisible();
  await page.getByLabel('No documents').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Step 5 of 8: Family' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a person' }).click();
  await page.getByLabel('Age', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Step 6 of 8: Safe contact' })).toBeVisible();
  await expect(page.getByText('Phones may be read by others')).toBeVisible();
  await expect(page.getByText(/Never give case information by phone/)).toBeVisible();
  await page.getByRole('button', { name: 'Add a phone number' }).click();
  await page
    .getByLabel('Phone 1', { exact: true })
    .fill(`+34 600 ${Math.floor(100_000 + Math.random() * 800_000)}`);
  await page.getByLabel('Text message').check();
  await expectAccessible(page, 'intake: safe contact');
  await expectNoSideScroll(page);
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Step 7 of 8: First safety check' })).toBeVisible();
  const danger = page.getByRole('radiogroup', { name: 'Is she in danger right now?' });
  await danger.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Back keeps what was answered.
  await expect(page.getByRole('heading', { name: 'Step 8 of 8: Consent' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(danger.getByLabel('No', { exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // Completing without her consent is refused, naming the consent.
  await page.getByRole('button', { name: 'Complete intake' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'consent' })).toContainText(
    'Her consent to record keeping is missing',
  );
  await expectAccessible(page, 'intake: consent');
  await expectNoSideScroll(page);
  await page.getByLabel('Signed form').check();
  await page.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Her consent to record keeping is on file.')).toBeVisible();
  await page.getByRole('button', { name: 'Complete intake' }).click();

  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: `Case ${caseCode}` })).toBeVisible();
  await page.getByRole('button', { name: 'Open Identity and contact' }).click();
  const identity = page.getByRole('dialog', { name: 'Identity and contact' });
  await expect(identity.getByText('Recorded answers')).toBeVisible();
  await expect(identity.getByText('Moldova')).toBeVisible();
  await expect(identity.getByText('Romanian').first()).toBeVisible();
  // Her legal name and birth date are shown only when asked for.
  await expect(identity.getByText('Hidden until asked for').first()).toBeVisible();
  await expect(identity.getByText(`${alias} Sintetica`)).toHaveCount(0);
  await identity.getByRole('button', { name: 'Show her legal name, birth date and address' }).click();
  await expect(identity.getByText(`${alias} Sintetica`)).toBeVisible();
  await expectAccessible(page, 'identity record');
});

test('a second editor of the same section is told what changed, and nothing is overwritten', async ({
  page,
}) => {
  // A coordinator this time: she may open cases and edit every section of this one.
  await signIn(page, demoAccount('coordinator'));
  const headers = { 'x-csrf-token': await csrfToken(page) };
  const created = await page.request.post('/api/participants', {
    headers,
    data: { preferredName: `Oana ${unique()}`, birthDate: '1995-03-08' },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const journey = {
    arrivalDate: '2022-11-20',
    referralSource: 'ngo',
    traffickingStatus: 'possible',
    exploitationForms: ['sexual'],
    controlMethods: [],
  };
  expect(
    (await page.request.put(`/api/participants/${id}/intake/journey`, { headers, data: journey })).ok(),
  ).toBe(true);

  // A case still in intake says so, and the intake resumes at the first step not yet saved.
  await page.goto(`/participants/${id}`);
  await page.getByRole('link', { name: 'Continue the intake' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 8: Languages' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Date of birth')).toHaveValue('1995-03-08');
  await page.goto(`/participants/${id}`);
  await page.getByRole('button', { name: 'Open Trafficking network details' }).click();
  const drawer = page.getByRole('dialog', { name: 'Trafficking network details' });
  await expect(drawer.getByText('Another organization')).toBeVisible();
  await drawer.getByRole('button', { name: 'Edit: Her journey' }).click();
  await drawer.getByLabel('Arrival in the country').fill('2022-12-01');

  // Meanwhile a colleague saves the same section.
  const record = await (await page.request.get(`/api/participants/${id}/records/trafficking_network`)).json();
  const theirs = await page.request.put(`/api/participants/${id}/records/trafficking_network`, {
    headers,
    data: { version: record.version, data: { journey: { ...journey, referralSource: 'police' } } },
  });
  expect(theirs.status()).toBe(200);

  await drawer.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = drawer.getByRole('alert');
  await expect(conflict).toContainText('Someone else saved this section first');
  await expect(conflict).toContainText('Nothing was overwritten');
  await expect(conflict).toContainText('Referred by: Police');
  await expectAccessible(page, 'record conflict');

  await conflict.getByRole('button', { name: 'Load the saved version and edit again' }).click();
  await expect(drawer.getByRole('alert')).toHaveCount(0);
  await expect(drawer.getByRole('combobox', { name: 'Referred by' })).toHaveValue('Police');
  await drawer.getByLabel('Arrival in the country').fill('2022-12-01');
  await drawer.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(drawer.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(drawer.getByText('Police')).toBeVisible();
});
