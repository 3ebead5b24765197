/**
 * Her progress in the browser: her social worker starts a review and rates the fourteen spheres
 * (a reload half-way keeps the draft), hands her the screen where she rates herself in Spanish
 * with faces (nothing else of her case shown), she hands the device back and her social worker
 * returns to the case only after confirming it is her (step-up), then completes the review; her
 * progress shows as a star with the same numbers as a table.
 */
import { expect, type Page, test } from '@playwright/test';
import { SPHERE_WORDS } from '../packages/domain/src/participant-words.js';
import { SPHERES } from '../packages/domain/src/spheres.js';
import { demoAccount, expectAccessible, signIn, totpFor } from './support/fixtures.js';
import { SPHERE_LABELS as LABELS, STEP_NAMES } from './support/itinerary.js';

type Item = { id: string; caseCode: string; status: string; preferredName: string | null };
type Overview = { rounds: { status: string }[]; abilities: { rate: boolean } };

/** The professional's step for each sphere; hers (in the same order) differs now and then. */
const MINE = [3, 2, 4, 3, 2, 3, 4, 2, 3, 3, 4, 5, 2, 3];
const HERS = [3, 4, 4, 3, 2, 3, 5, 2, 3, 2, 4, 5, 2, 3];

/**
 * One of the social worker's own open cases with no review open, counted from the end of her
 * list: other journeys take the newest, the oldest and the second oldest, and the middle one.
 */
async function caseToReview(page: Page): Promise<Item> {
  const list = await (await page.request.get('/api/participants?scope=mine&pageSize=100')).json();
  const items = (list.items as Item[]).filter((item) => item.preferredName !== null);
  const taken = new Set([items[0]?.id, items.at(-1)?.id, items.at(-2)?.id]);
  const open = items.filter(
    (item) => !taken.has(item.id) && ['active', 'follow_up', 'on_hold'].includes(item.status),
  );
  for (const item of open.reverse()) {
    const response = await page.request.get(`/api/participants/${item.id}/monitoring`);
    if (!response.ok()) continue;
    const overview = (await response.json()) as Overview;
    if (overview.abilities.rate && !overview.rounds.some((round) => round.status === 'draft')) return item;
  }
  throw new Error('the demo social worker holds no open case without a review in progress');
}

test('a review: her social worker rates, she rates herself in Spanish, the review is completed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const worker = demoAccount('social_worker');
  await signIn(page, worker);
  const target = await caseToReview(page);
  await page.goto(`/participants/${target.id}?tab=itinerary&part=progress`);
  const progress = page.getByRole('region', { name: 'Progress', exact: true });
  await expect(progress.getByRole('heading', { name: 'Progress', level: 2 })).toBeVisible();
  await expectAccessible(page, 'progress part');

  // Start a review and rate half the spheres, with a reason for the first.
  await progress.getByRole('button', { name: 'Start a review' }).click();
  const review = progress.getByRole('region', { name: /^Review of / });
  await expect(review.getByText('0 of 14 spheres rated')).toBeVisible();
  const rate = async (index: number) => {
    const group = review.getByRole('radiogroup', { name: LABELS[index] });
    await group.getByRole('radio', { name: new RegExp(STEP_NAMES[(MINE[index] ?? 1) - 1] ?? '') }).click();
  };
  for (let index = 0; index < 7; index++) await rate(index);
  await review.getByLabel('Why this step for Housing (optional)').fill('Shelter place until the spring.');
  await expect(review.getByRole('status')).toHaveText('Draft saved.');

  // A closed browser keeps the draft: reload and continue where she stopped.
  await page.reload();
  await progress.getByRole('button', { name: 'Continue the review' }).click();
  await expect(review.getByText('7 of 14 spheres rated')).toBeVisible();
  await expect(
    review.getByRole('radiogroup', { name: 'Housing' }).getByRole('radio', { name: /Stabilising/ }),
  ).toBeChecked();
  await expect(review.getByRole('radiogroup', { name: 'Housing' })).toHaveAccessibleDescription(/.+/);
  await expect(review.getByLabel('Why this step for Housing (optional)')).toHaveValue(
    'Shelter place until the spring.',
  );
  for (let index = 7; index < 14; index++) await rate(index);
  await expect(review.getByText('14 of 14 spheres rated')).toBeVisible();
  await expect(review.getByRole('status')).toHaveText('Draft saved.');

  // Her own rating is still missing: the review cannot be completed yet.
  await review.getByRole('button', { name: 'Complete the review' }).click();
  await expect(review.getByRole('alert').first()).toContainText('Her own rating is missing');
  await expectAccessible(page, 'review with all spheres rated');

  // Her screen: her language first, then one sphere at a time, nothing else of her case.
  await review.getByRole('button', { name: 'Her own rating' }).click();
  await expect(page).toHaveURL(/\/self-rating\//);
  // Asked in every language at once: no sentence in one language she may not read.
  const choose = page.getByRole('heading', { name: /Choose your language/, level: 1 });
  await expect(choose).toContainText('Elige tu idioma');
  await expect(choose).toContainText('Alege limba ta');
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expectAccessible(page, 'her language choice');
  // Leaving her screen early asks the professional to confirm it is her; cancelled, it stays.
  const stepUp = page.getByRole('dialog', { name: /Confirm it.s you/ });
  await page.getByRole('button', { name: 'Back to the case' }).click();
  await expect(stepUp).toBeVisible();
  await stepUp.getByRole('button', { name: 'Cancel' }).click();
  await expect(stepUp).toBeHidden();
  await expect(page).toHaveURL(/\/self-rating\//);
  await expect(page.getByText('Her case opens again once you confirm it is you.')).toBeVisible();
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  for (const [index, sphere] of SPHERES.entries()) {
    await expect(page.getByRole('heading', { name: SPHERE_WORDS[sphere].es, level: 1 })).toBeVisible();
    await expect(page.getByText(`Pregunta ${index + 1} de 14`)).toBeVisible();
    if (index === 0) await expectAccessible(page, 'her first sphere');
    if (index === 4) {
      // She may skip a sphere, and go back to it.
      await page.getByRole('button', { name: 'Saltar' }).click();
      await expect(page.getByRole('heading', { name: SPHERE_WORDS[SPHERES[5] ?? sphere].es })).toBeVisible();
      await page.getByRole('button', { name: 'Atrás' }).click();
      await expect(page.getByRole('heading', { name: SPHERE_WORDS[sphere].es })).toBeVisible();
    }
    await page.getByRole('button', { name: new RegExp(`^${HERS[index]}\\b`) }).click();
  }
  await expect(page.getByRole('heading', { name: 'Tus respuestas', level: 1 })).toBeVisible();
  await expectAccessible(page, 'her answers before saving');
  const body = (await page.locator('body').textContent()) ?? '';
  expect(body).not.toContain(target.caseCode);
  expect(body).not.toContain(target.preferredName ?? '');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { name: 'Gracias', level: 1 })).toBeVisible();
  await expect(page.getByText('Por favor, devuelve el dispositivo a quien te acompaña.')).toBeVisible();
  await expect(page).toHaveTitle(/^Gracias/);
  const thanks = (await page.locator('body').textContent()) ?? '';
  expect(thanks).not.toContain(target.caseCode);
  expect(thanks).not.toContain(target.preferredName ?? '');
  await expectAccessible(page, 'her thank-you screen');

  // The browser's back button does not lead to her case either.
  await page.goBack();
  await expect(stepUp).toBeVisible();
  await stepUp.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/self-rating\//);
  await expect(page.getByRole('heading', { name: 'Gracias', level: 1 })).toBeVisible();

  // The device back in her social worker's hands: she confirms it is her, and only then goes on.
  await page.getByRole('button', { name: 'Professional: confirm it is you to go on' }).click();
  await stepUp.getByLabel('Code').fill(await totpFor(worker.totpSecret));
  await stepUp.getByRole('button', { name: 'Confirm' }).click();

  // Back on her case: her rating is kept, and the review is completed.
  await expect(page).toHaveURL(new RegExp(`/participants/${target.id}\\?`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(review.getByText(/She rated herself on .+, in Spanish\./)).toBeVisible();
  await expect(review.getByRole('button', { name: 'Her own rating' })).toHaveCount(0);
  await review.getByRole('button', { name: 'Complete the review' }).click();
  await expect(progress.getByRole('status').filter({ hasText: 'is complete' })).toBeVisible();
  await expect(progress.getByRole('region', { name: /^Review of / })).toHaveCount(0);

  // Two steps apart on her papers: a prompt to talk with her about it, in words.
  await expect(progress.getByText('Talk with her about Legal status')).toBeVisible();
  await expect(
    progress.getByText('The professional rating is 2 (Vulnerable); she rated herself 4 (Coping).'),
  ).toBeVisible();

  // Her progress as a star, and the same numbers as a table.
  const charts = progress.getByRole('region', { name: 'Her progress' });
  await expect(
    charts
      .getByRole('img', { name: /Star chart of the fourteen spheres/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await charts.getByText('Her view and yours').click();
  await expect(charts.getByRole('radio', { name: 'Her view and yours' })).toBeChecked();
  await charts.getByRole('switch', { name: 'Show as a table' }).check();
  const housing = charts.getByRole('row', { name: /^Housing/ });
  await expect(housing).toContainText('3 · Stabilising');
  const relations = charts.getByRole('row', { name: /^Social relations/ });
  await expect(relations).toContainText('4 · Coping');
  await expect(relations).toContainText('5 · Autonomous');
  await expectAccessible(page, 'progress with a completed review');
});
