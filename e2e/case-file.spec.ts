/**
 * Her file as a whole: a coordinator exports it for her (a PDF in her language, and the data),
 * keeps it with a retention hold, sees erasure refused because of the hold, and, once an
 * administrator has cleared the hold with a reason, erases her identifying data.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

test('export, retention hold, refused erasure, cleared hold, erasure', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, demoAccount('coordinator', 'aurora.example'));
  // The oldest case on the list: other journeys work on the newest ones.
  await page.getByRole('table').getByRole('row').last().click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/AUR-\d{4}-\d{4}/);
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const caseCode = /AUR-\d{4}-\d{4}/.exec(heading)?.[0] ?? '';
  expect(caseCode).not.toBe('');

  await page.getByRole('tab', { name: 'Her file' }).click();
  const exportRegion = page.getByRole('region', { name: 'Her file, for her' });
  const holds = page.getByRole('region', { name: 'Keeping her file' });
  await expect(exportRegion).toBeVisible();
  await expectAccessible(page, 'her file');

  // The PDF, in Spanish: a real PDF whose words are Spanish.
  await page.getByLabel('Language of the printed file').click();
  await page.getByRole('option', { name: /^Spanish/ }).click();
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`case-file-${caseCode}-es.pdf`);
  const pdfPath = (await pdf.path()) ?? '';
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Su expediente — ${caseCode}`);
  expect(text).toContain('Quién consultó o cambió su información');
  await expect(exportRegion.getByRole('status')).toContainText('Her file was downloaded');

  // The data, for another service she chooses.
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download data (JSON)' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe(`case-file-${caseCode}.json`);
  const file = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8'));
  expect(file).toMatchObject({ format: 'cope-hope.case-file', case: { caseCode, erased: false } });
  expect(file.identity.preferredName).toEqual(expect.any(String));

  // Open legal proceedings: her file must be kept.
  await page.getByRole('button', { name: 'Add a retention hold…' }).click();
  const holdDialog = page.getByRole('dialog', { name: 'Keep her file' });
  await holdDialog.getByRole('button', { name: 'Keep her file' }).click();
  await expect(holdDialog.getByText('Choose why her file must be kept.')).toBeVisible();
  await holdDialog.getByLabel('Why must her file be kept?').click();
  await page.getByRole('option', { name: 'Open legal proceedings' }).click();
  await holdDialog.getByLabel('Note').fill('Criminal case 77/2026, court 3');
  await expectAccessible(page, 'retention hold dialog');
  await holdDialog.getByRole('button', { name: 'Keep her file' }).click();
  await expect(holds.getByRole('status')).toContainText('The retention hold was added.');
  await expect(holds.getByRole('listitem').filter({ hasText: 'Open legal proceedings' })).toContainText(
    'Active',
  );

  // Erasure is refused, and the refusal names the hold.
  await page.getByRole('button', { name: 'Erase identifying data…' }).click();
  const eraseDialog = page.getByRole('dialog', { name: /Erase the identifying data/ });
  await eraseDialog.getByLabel('Reason').fill('Her request of today, taken by the coordinator.');
  await eraseDialog.getByRole('button', { name: 'Erase for good' }).click();
  const refusal = eraseDialog.getByRole('alert', { name: 'Her file must be kept for now' });
  await expect(refusal).toContainText('Retention hold: Open legal proceedings');
  await expect(refusal).toContainText('An administrator must clear it');
  await expectAccessible(page, 'erasure refused by a hold');
  await page.keyboard.press('Escape');
  await expect(eraseDialog).toHaveCount(0);

  // An administrator clears the hold from her task page, with a reason.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoAccount('administrator', 'aurora.example'));
  await admin.getByRole('navigation').getByRole('link', { name: 'My tasks' }).click();
  const review = admin.getByRole('region', { name: 'Retention holds waiting for your decision' });
  const item = review.getByRole('listitem').filter({ hasText: caseCode });
  await expect(item).toContainText('Open legal proceedings');
  await expectAccessible(admin, 'retention holds to review');
  await item.getByRole('button', { name: 'Clear hold…' }).click();
  const clearDialog = admin.getByRole('dialog', { name: `Clear the retention hold on case ${caseCode}?` });
  await clearDialog
    .getByLabel('Why does the hold no longer apply?')
    .fill('The court closed the proceedings today.');
  await clearDialog.getByRole('button', { name: 'Clear the hold' }).click();
  await expect(review.getByRole('status')).toContainText('The retention hold was cleared.');
  await expect(review.getByRole('listitem').filter({ hasText: caseCode })).toHaveCount(0);
  await adminContext.close();

  // Now her identifying data can be erased.
  await page.reload();
  await expect(holds.getByRole('listitem').filter({ hasText: 'Open legal proceedings' })).toContainText(
    'Cleared',
  );
  await page.getByRole('button', { name: 'Erase identifying data…' }).click();
  await eraseDialog.getByLabel('Reason').fill('Her request of today, taken by the coordinator.');
  await eraseDialog.getByRole('button', { name: 'Erase for good' }).click();
  await expect(page.getByText(`The identifying data of case ${caseCode} has been erased.`)).toBeVisible();
});

test('an emergency share puts a task on my list, which I mark done', async ({ page }) => {
  await signIn(page, demoAccount('coordinator'));
  // One of her own cases: the task goes to the case's reference professional.
  const me = await (await page.request.get('/api/auth/me')).json();
  const mine = await (await page.request.get('/api/participants?scope=mine&pageSize=100')).json();
  const target = mine.items.at(-1);
  expect(target?.caseCode).toMatch(/^HWN-/);
  const shared = await page.request.post(`/api/participants/${target.id}/shares`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      section: 'legal',
      audience: 'team:lawyer',
      emergencyReason: 'She phoned: the people who exploited her found her flat tonight.',
    },
  });
  expect(shared.ok()).toBe(true);

  await page.getByRole('navigation').getByRole('link', { name: 'My tasks' }).click();
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  const todo = page.getByRole('region', { name: 'To do' });
  const task = todo
    .getByRole('listitem')
    .filter({ hasText: 'Tell her that “Legal status and proceedings” was shared in an emergency' })
    .filter({ hasText: target.caseCode });
  await expect(task).toBeVisible();
  await expect(task.getByRole('link', { name: target.caseCode })).toHaveAttribute(
    'href',
    `/participants/${target.id}`,
  );
  await expect(page.getByRole('region', { name: 'Notices for you' })).toBeVisible();
  await expectAccessible(page, 'my tasks');

  await task.getByRole('button', { name: 'Mark done' }).click();
  await expect(todo.getByRole('status')).toContainText('Marked done.');
  await expect(task).toHaveCount(0);
});
