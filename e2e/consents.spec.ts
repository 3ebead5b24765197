/**
 * Her consent, enforced: sharing a section is refused until she has consented (the refusal
 * names the missing consent), works once the consent is recorded, and stops when she withdraws
 * it. The consent form downloads in her language; a coordinator may share in an emergency.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

/** Text of a PDF as poppler reads it, spaces and line breaks collapsed. */
function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'consent-pdf-')), 'form.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** A case of the signed-in person, as her reference professional, not erased. */
async function oneOfMyCases(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json();
  const list = await (await page.request.get('/api/participants?pageSize=100')).json();
  const mine = list.items.find(
    (item: { referenceProfessional: { id: string } | null; preferredName: string | null }) =>
      item.referenceProfessional?.id === me.user.id && item.preferredName !== null,
  );
  if (!mine) throw new Error('the demo social worker is the reference professional of no case');
  return mine.id;
}

async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: string | RegExp,
  option: string,
) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

let caseId = '';

test('sharing is refused without her consent, allowed with it, and ended by her withdrawal', async ({
  page,
}) => {
  await signIn(page, demoAccount('social_worker'));
  caseId = await oneOfMyCases(page);
  await page.goto(`/participants/${caseId}?tab=consents`);
  await expect(page.getByRole('heading', { name: 'Consents' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sharing', exact: true })).toBeVisible();
  await expectAccessible(page, 'consent register');

  // No consent yet: the server refuses and the page names the consent that is missing.
  await page.getByRole('button', { name: 'Share a section' }).click();
  let dialog = page.getByRole('dialog', { name: 'Share a section' });
  await expect(dialog.getByText(/Imminent threat/)).toHaveCount(0);
  await choose(page, dialog, 'Section', 'Legal status and proceedings');
  await choose(page, dialog, 'Role group', 'Whole organization — Lawyer');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'She has not consented to share Legal status and proceedings with Whole organization — Lawyer.',
  );
  await expectAccessible(page, 'sharing refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // She consents, explained in Romanian.
  await page.getByRole('button', { name: 'Record consent' }).click();
  dialog = page.getByRole('dialog', { name: 'Record consent' });
  await choose(page, dialog, 'What she consents to', 'Sharing a section with a role group');
  await choose(page, dialog, 'Who receives it (role group)', 'Whole organization — Lawyer');
  await dialog.getByRole('checkbox', { name: 'Legal status and proceedings' }).check();
  await dialog.getByRole('radio', { name: 'Signed form' }).check();
  await dialog.getByRole('combobox', { name: 'Language it was explained in' }).fill('Romanian');
  await page.getByRole('option', { name: 'Romanian', exact: true }).click();
  await expectAccessible(page, 'record consent dialog');
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Consent recorded.' })).toBeVisible();
  const card = page
    .getByRole('listitem', { name: 'Sharing a section with a role group' })
    .filter({ hasText: 'Whole organization — Lawyer' });
  await expect(card).toContainText('Active');
  await expect(card).toContainText('Romanian');

  // Now the same share goes through.
  await page.getByRole('button', { name: 'Share a section' }).click();
  dialog = page.getByRole('dialog', { name: 'Share a section' });
  await choose(page, dialog, 'Section', 'Legal status and proceedings');
  await choose(page, dialog, 'Role group', 'Whole organization — Lawyer');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Shared: Legal status and proceedings with Whole organization — Lawyer.' }),
  ).toBeVisible();
  const share = page
    .getByRole('listitem')
    .filter({ hasText: 'Legal status and proceedings with Whole organization' });
  await expect(share).toContainText('In force');

  // She changes her mind: the withdrawal ends the share at once.
  await card.getByRole('button', { name: 'Withdraw: Sharing a section with a role group' }).click();
  dialog = page.getByRole('dialog', { name: /Withdraw consent/ });
  await dialog
    .getByLabel('What she said (optional)')
    .fill('She told me today she wants to keep this to her team.');
  await expectAccessible(page, 'withdraw dialog');
  await dialog.getByRole('button', { name: 'Withdraw now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /1 sharing ended at once/ })).toBeVisible();
  await expect(card).toContainText('Withdrawn');
  await expect(share).toContainText('Ended');
  await expectAccessible(page, 'consent withdrawn');
});

test('the consent form downloads in Spanish and in Romanian, in that language', async ({ page }) => {
  await signIn(page, demoAccount('social_worker'));
  const id = caseId || (await oneOfMyCases(page));
  await page.goto(`/participants/${id}?tab=consents`);
  await page.getByRole('button', { name: 'Print consent form' }).click();
  const dialog = page.getByRole('dialog', { name: 'Consent form in her language' });
  await expectAccessible(page, 'print consent form dialog');
  await choose(page, dialog, 'Language of the form', 'Spanish');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^consent-form-HWN-.+-es\.pdf$/);

  const spanish = await page.request.get(
    `/api/participants/${id}/consents/form.pdf?language=es&purpose=record_keeping`,
  );
  expect(spanish.status()).toBe(200);
  expect(spanish.headers()['content-type']).toBe('application/pdf');
  const spanishBytes = await spanish.body();
  expect(spanishBytes.subarray(0, 5).toString()).toBe('%PDF-');
  const spanishText = pdfText(spanishBytes);
  expect(spanishText).toContain('Formulario de consentimiento');
  expect(spanishText).toContain('Decir que no nunca te quita ningún servicio');

  const romanian = await page.request.get(`/api/participants/${id}/consents/form.pdf?language=ro`);
  expect(romanian.status()).toBe(200);
  const romanianText = pdfText(await romanian.body());
  expect(romanianText).toContain('Formular de consimțământ');
  expect(romanianText).toContain('Te poți răzgândi oricând');
  expect(romanianText).not.toContain('Formulario de consentimiento');
});

test('a coordinator may share without consent only in an emergency, with a written reason', async ({
  page,
}) => {
  await signIn(page, demoAccount('coordinator'));
  const id = caseId || (await oneOfMyCases(page));
  await page.goto(`/participants/${id}?tab=consents`);
  await page.getByRole('button', { name: 'Share a section' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a section' });
  await choose(page, dialog, 'Section', 'Physical health');
  await choose(page, dialog, 'Role group', 'Whole organization — Lawyer');
  await dialog.getByRole('checkbox', { name: /Imminent threat to her life/ }).check();
  await dialog
    .getByLabel('Why, in writing')
    .fill('Threat reported by the shelter tonight; the lawyer must request protection now.');
  await expectAccessible(page, 'emergency share dialog');
  await dialog.getByRole('button', { name: 'Share in an emergency' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shared in an emergency.' })).toBeVisible();
  const share = page
    .getByRole('listitem')
    .filter({ hasText: 'Physical health with Whole organization — Lawyer' });
  await expect(share).toContainText('Emergency');
  await expect(share).toContainText('Threat reported by the shelter tonight');
});

test.describe('on a small phone', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test('the register and the sharing block fit the screen', async ({ page }) => {
    await signIn(page, demoAccount('social_worker'));
    const id = caseId || (await oneOfMyCases(page));
    await page.goto(`/participants/${id}?tab=consents`);
    await expect(page.getByRole('heading', { name: 'Sharing', exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Record consent' }).click();
    await expect(page.getByRole('dialog', { name: 'Record consent' })).toBeVisible();
    await expectAccessible(page, 'record consent on a small phone');
  });
});
