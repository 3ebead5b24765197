/**
 * Her integration itinerary from start to finish: on a case with none yet, her social worker
 * assesses her needs and priorities with her, writes her first plan and records her spoken
 * agreement before a witness, then holds two reviews — each with the professional's rating and
 * her own on her screen in Spanish — and sees her progress as a star chart (first review against
 * the latest) and her plan printed in Spanish.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { SPHERE_WORDS } from '../packages/domain/src/participant-words.js';
import { SPHERES } from '../packages/domain/src/spheres.js';
import { demoAccount, expectAccessible, signIn, totpFor } from './support/fixtures.js';
import { SPHERE_LABELS as LABELS, STEP_NAMES } from './support/itinerary.js';

type Item = { id: string; caseCode: string; status: string; preferredName: string | null };

/** Her two reviews: the professional's steps and hers, sphere by sphere in SPHERES order. */
const FIRST = {
  mine: [2, 2, 1, 2, 3, 2, 2, 1, 3, 2, 3, 3, 2, 3],
  hers: [2, 2, 1, 2, 3, 2, 4, 1, 3, 2, 3, 4, 2, 3],
};
const SECOND = {
  mine: [3, 3, 2, 3, 3, 3, 3, 2, 3, 3, 4, 4, 3, 3],
  hers: [3, 3, 2, 3, 3, 3, 4, 2, 3, 3, 4, 4, 3, 3],
};

const STAMP = Date.now().toString(36);
const HER_WORDS = `A room of my own near the bus line (${STAMP})`;
const GOAL = `Find a job in a kitchen with regular hours (${STAMP})`;
const STEP = `Sign up for the cooking course at the job centre (${STAMP})`;

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cope-plan-'));
  try {
    const file = path.join(dir, 'plan.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One of the social worker's own open cases with no itinerary at all — no sphere assessed, no
 * plan, no review — away from the newest and the two oldest that other journeys take.
 */
async function caseWithoutItinerary(page: Page): Promise<Item> {
  const list = await (await page.request.get('/api/participants?scope=mine&pageSize=100')).json();
  const newestFirst = (list.items as Item[]).filter((item) => item.preferredName !== null);
  const taken = new Set([newestFirst[0]?.id, newestFirst.at(-1)?.id, newestFirst.at(-2)?.id]);
  for (const item of newestFirst) {
    if (taken.has(item.id) || !['active', 'follow_up', 'on_hold'].includes(item.status)) continue;
    const needs = await page.request.get(`/api/participants/${item.id}/needs`);
    const plan = await page.request.get(`/api/participants/${item.id}/plan`);
    const monitoring = await page.request.get(`/api/participants/${item.id}/monitoring`);
    if (!needs.ok() || !plan.ok() || !monitoring.ok()) continue;
    const untouched =
      (await needs.json()).spheres.every((sphere: { version: number }) => sphere.version === 0) &&
      (await plan.json()).versions.length === 0 &&
      (await monitoring.json()).rounds.length === 0;
    if (untouched) return item;
  }
  throw new Error('the demo social worker holds no open case without an itinerary');
}

async function choose(page: Page, scope: Locator, label: string | RegExp, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** One review: her social worker rates every sphere, she rates herself in Spanish, it is completed. */
async function review(page: Page, caseId: string, steps: { mine: number[]; hers: number[] }, label: string) {
  const progress = page.getByRole('region', { name: 'Progress', exact: true });
  await progress.getByRole('button', { name: 'Start a review' }).click();
  const round = progress.getByRole('region', { name: /^Review of / });
  await expect(round.getByText('0 of 14 spheres rated')).toBeVisible();
  for (const [index, name] of LABELS.entries()) {
    const step = STEP_NAMES[(steps.mine[index] ?? 1) - 1] ?? '';
    await round
      .getByRole('radiogroup', { name })
      .getByRole('radio', { name: new RegExp(step) })
      .click();
  }
  await expect(round.getByText('14 of 14 spheres rated')).toBeVisible();
  await expect(round.getByRole('status')).toHaveText('Draft saved.');

  await round.getByRole('button', { name: 'Her own rating' }).click();
  await expect(page).toHaveURL(/\/self-rating\//);
  await page.getByRole('button', { name: 'Español' }).click();
  for (const [index, sphere] of SPHERES.entries()) {
    await expect(page.getByRole('heading', { name: SPHERE_WORDS[sphere].es, level: 1 })).toBeVisible();
    await page.getByRole('button', { name: new RegExp(`^${steps.hers[index]}\\b`) }).click();
  }
  await expect(page.getByRole('heading', { name: 'Tus respuestas', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { name: 'Gracias', level: 1 })).toBeVisible();
  // She hands the device back; her social worker confirms it is her before the case opens again.
  await expect(page.getByText('Por favor, devuelve el dispositivo a quien te acompaña.')).toBeVisible();
  await page.getByRole('button', { name: 'Professional: confirm it is you to go on' }).click();
  const stepUp = page.getByRole('dialog', { name: /Confirm it.s you/ });
  await stepUp.getByLabel('Code').fill(await totpFor(demoAccount('social_worker').totpSecret));
  await stepUp.getByRole('button', { name: 'Confirm' }).click();

  await expect(page).toHaveURL(new RegExp(`/participants/${caseId}\\?`));
  await expect(round.getByText(/She rated herself on .+, in Spanish\./)).toBeVisible();
  await expectAccessible(page, `${label}: both ratings given`);
  await round.getByRole('button', { name: 'Complete the review' }).click();
  await expect(progress.getByRole('status').filter({ hasText: 'is complete' })).toBeVisible();
  await expect(progress.getByRole('region', { name: /^Review of / })).toHaveCount(0);
}

test('a case through needs, her agreed plan and two reviews, to her star chart and her plan in Spanish', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, demoAccount('social_worker'));
  const target = await caseWithoutItinerary(page);
  await page.goto(`/participants/${target.id}`);
  await page.getByRole('tab', { name: 'Itinerary' }).click();

  // Needs: her home is not safe (a basic need comes first), in her own words; her priorities.
  await page.getByRole('tab', { name: 'Needs' }).click();
  await page.getByRole('button', { name: /^Housing/ }).click();
  const housing = page.getByRole('form', { name: 'Housing: her situation and needs' });
  await choose(page, housing, 'Home safe for her', 'No');
  await housing.getByLabel('In her own words').fill(HER_WORDS);
  await housing.getByRole('button', { name: 'Save Housing' }).click();
  await expect(housing.getByRole('status')).toHaveText('Housing saved.');
  await expect(page.getByTestId('basic-needs-alert')).toContainText('safe housing');
  await page.getByRole('button', { name: /^Employment/ }).click();
  const employment = page.getByRole('form', { name: 'Employment: her situation and needs' });
  await employment.getByLabel('In her own words').fill('Work with a contract, mornings only.');
  await employment.getByRole('button', { name: 'Save Employment' }).click();
  await expect(employment.getByRole('status')).toHaveText('Employment saved.');
  const priorities = page.getByRole('region', { name: 'Her priorities' });
  for (const sphere of ['Housing', 'Employment']) {
    await choose(page, priorities, 'Add a sphere to her ranking', sphere);
  }
  await priorities.getByRole('button', { name: 'Save her priorities' }).click();
  await expect(priorities.getByRole('status')).toHaveText('Her priorities are saved.');
  await expectAccessible(page, 'itinerary: needs assessed');

  // Plan: her first plan, agreed aloud before a witness.
  await page.getByRole('tab', { name: 'Plan' }).click();
  const inForce = page.getByRole('region', { name: 'Plan in force' });
  await inForce.getByRole('button', { name: 'Write her first plan' }).click();
  const draft = page.getByRole('region', { name: 'Plan under review (version 1, not yet agreed)' });
  await draft.getByRole('button', { name: 'Add a goal' }).click();
  const goal = page.getByRole('dialog', { name: 'Add a goal' });
  await choose(page, goal, 'Part of her life', 'Employment');
  await goal.getByLabel('Her goal, in her words').fill(GOAL);
  await goal.getByRole('button', { name: 'Add the goal' }).click();
  await expect(draft.getByTestId('draft-save-status')).toHaveText('All changes are saved.');
  await draft.getByRole('button', { name: `Add a step to “${GOAL}”` }).click();
  const step = page.getByRole('dialog', { name: 'Add a step' });
  const startsOn = await draft.getByLabel('The plan starts on').inputValue();
  const target30 = new Date(new Date(`${startsOn}T00:00:00Z`).getTime() + 30 * 86_400_000);
  await step.getByLabel('What').fill(STEP);
  await step.getByLabel('By when').fill(target30.toISOString().slice(0, 10));
  await step.getByRole('button', { name: 'Add the step' }).click();
  await expect(step).toBeHidden();
  await expect(draft.getByTestId('draft-save-status')).toHaveText('All changes are saved.');
  await draft.getByRole('button', { name: 'Record her agreement' }).click();
  const agreement = page.getByRole('dialog', { name: 'Record her agreement' });
  await agreement.getByRole('radio', { name: 'spoken before a witness' }).check();
  await agreement.getByLabel('Name of the witness').fill('Interpreter on duty');
  await agreement.getByRole('button', { name: 'Record her agreement' }).click();
  await expect(agreement).toBeHidden();
  await expect(inForce.getByTestId('plan-in-force-summary')).toContainText('Version 1');
  await expect(inForce.getByTestId('plan-in-force-summary')).toContainText('spoken before a witness');
  await expect(inForce.getByText(STEP)).toBeVisible();

  // Her plan printed in Spanish: her goal, the Spanish name of its sphere, no name or case code.
  await choose(page, inForce, 'Language of the printed plan', 'Spanish');
  const href = await inForce.getByRole('link', { name: 'Download the plan (PDF)' }).getAttribute('href');
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const text = pdfText(await pdf.body());
  expect(text).toContain('Mi plan');
  expect(text).toContain(GOAL);
  expect(text).toContain(SPHERE_WORDS.employment.es);
  expect(text).not.toContain(target.caseCode);
  expect(text).not.toContain(target.preferredName ?? '');

  // Two reviews, each with both ratings.
  await page.getByRole('tab', { name: 'Progress' }).click();
  await review(page, target.id, FIRST, 'first review');
  await expect(page.getByText('Talk with her about Social relations')).toBeVisible();
  await review(page, target.id, SECOND, 'second review');

  // Her progress as a star: the first review against the latest, with the same numbers as a table.
  const charts = page.getByRole('region', { name: 'Her progress' });
  await expect(
    charts
      .getByRole('img', { name: /Star chart of the fourteen spheres/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await charts.getByRole('switch', { name: 'Show as a table' }).check();
  const employmentRow = charts.getByRole('row', { name: /^Employment/ });
  await expect(employmentRow).toContainText('1 · Crisis');
  await expect(employmentRow).toContainText('2 · Vulnerable');
  await expectAccessible(page, 'itinerary: two reviews and the star chart');

  // The next review is on her social worker's list.
  const overview = await (await page.request.get(`/api/participants/${target.id}/monitoring`)).json();
  expect(overview.rounds.filter((round: { status: string }) => round.status === 'complete')).toHaveLength(2);
  expect(overview.nextReviewOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
