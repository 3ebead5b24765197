/**
 * Risk areas on a map with no tile server (as in offline deployments): a coordinator draws an
 * area by clicking on the map, a social worker records a home inside it for one of her cases,
 * the case shows the risk-area flag and her My tasks lists the reassessment.
 */
import { expect, type Page, test } from '@playwright/test';
import { DEMO_URL } from '../playwright.config.js';
import { demoAccount, expectAccessible, signIn } from './support/fixtures.js';

test.describe.configure({ mode: 'serial' });

const AREA_LABEL = `Streets by the old station ${Date.now().toString(36)}`;

type Item = {
  id: string;
  caseCode: string;
  status: string;
  riskLevel: string | null;
  preferredName: string | null;
};

/**
 * One of the social worker's own open cases that no other journey takes: not the newest nor the
 * two oldest (incidents, due work), already at medium risk or above (due work looks for low or
 * unassessed cases), the middle one of those by case code. The risk journey, which runs after
 * this one, skips any case with triggers, as this one will have.
 */
async function quietCaseOfMine(page: Page): Promise<Item> {
  const list = async (query: string) => {
    const response = await page.request.get(`/api/participants?scope=mine&pageSize=100${query}`);
    expect(response.ok()).toBe(true);
    return ((await response.json()).items as Item[]).filter((item) => item.preferredName !== null);
  };
  const newestFirst = await list('');
  const taken = new Set([newestFirst[0]?.id, newestFirst.at(-1)?.id, newestFirst.at(-2)?.id]);
  const open = (await list('&sort=case_code&order=asc')).filter(
    (item) => !taken.has(item.id) && ['active', 'follow_up', 'on_hold'].includes(item.status),
  );
  const raised = open.filter((item) => ['medium', 'high', 'critical'].includes(item.riskLevel ?? ''));
  const pool = raised.length > 0 ? raised : open;
  const chosen = pool[Math.floor(pool.length / 2)];
  if (!chosen) throw new Error('the demo social worker holds no open case free for this journey');
  return chosen;
}

test('a coordinator draws a risk area by clicking on a map without a tile server', async ({ page }) => {
  const images: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'image') images.push(request.url());
  });
  await signIn(page, demoAccount('coordinator'));
  await page.goto('/safety');
  await expect(page.getByText(/No background map is configured/)).toBeVisible();
  await page.getByRole('button', { name: 'Draw a new area' }).click();

  const map = page.getByRole('region', { name: /Map of the risk areas/ });
  /** Clicks the map at an offset from its centre (measured each time: the page may have scrolled). */
  const clickMap = async (dx: number, dy: number) => {
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no size');
    await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
  };
  for (const [dx, dy] of [
    [-100, -80],
    [100, -80],
    [100, 80],
    [-100, 80],
  ] as const) {
    await clickMap(dx, dy);
  }
  await expect(page.getByText('4 points in the outline.')).toBeVisible();
  await expect(page.locator('path.risk-area-draft')).toHaveCount(1);
  await expect(page.getByLabel('Points of the outline')).toHaveValue(
    /^-?\d+\.\d+, -?\d+\.\d+(\n-?\d+\.\d+, -?\d+\.\d+){3}$/,
  );

  // Undo takes the last point away; a click puts it back.
  await page.getByRole('button', { name: 'Undo last point' }).click();
  await expect(page.getByText('3 points in the outline.')).toBeVisible();
  await clickMap(-100, 80);
  await expect(page.getByText('4 points in the outline.')).toBeVisible();

  await page.getByRole('textbox', { name: /^Label/ }).fill(AREA_LABEL);
  await page.getByLabel('Kind of area').selectOption('network_activity');
  await expectAccessible(page, 'safety, drawing a risk area');
  await page.getByRole('button', { name: 'Save the area' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: `The area “${AREA_LABEL}” was saved` }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: AREA_LABEL })).toContainText('Network activity');
  await expect(page.locator('path.risk-area-outline')).not.toHaveCount(0);
  await expect(page.locator('path.risk-area-draft')).toHaveCount(0);

  // No tile server: no tiles on the page and no map image requested from anywhere.
  await expect(page.locator('.leaflet-tile')).toHaveCount(0);
  expect(images.filter((url) => !url.startsWith(DEMO_URL) || /\/\d+\/\d+\/\d+(\.\w+)?$/.test(url))).toEqual(
    [],
  );
  await expectAccessible(page, 'safety, risk areas');
});

test('a home recorded inside the area flags her case and puts a reassessment on My tasks', async ({
  page,
}) => {
  await signIn(page, demoAccount('social_worker'));
  const areas = await (await page.request.get('/api/risk-areas')).json();
  const area = (areas.items as { label: string; polygon: [number, number][] }[]).find(
    (a) => a.label === AREA_LABEL,
  );
  if (!area) throw new Error('the area drawn by the coordinator is not visible to the social worker');
  // The middle of the drawn rectangle.
  const lng = area.polygon.reduce((sum, [x]) => sum + x, 0) / area.polygon.length;
  const lat = area.polygon.reduce((sum, [, y]) => sum + y, 0) / area.polygon.length;

  const target = await quietCaseOfMine(page);
  await page.goto(`/participants/${target.id}?tab=safety`);
  await page.getByRole('button', { name: 'Add a place' }).click();
  await page.getByLabel('Kind of place').selectOption('home');
  await page.getByLabel('Address or description').fill('Calle del Ensayo 7, 2º B');
  await page.getByRole('textbox', { name: /^Latitude/ }).fill(lat.toFixed(6));
  await page.getByRole('textbox', { name: /^Longitude/ }).fill(lng.toFixed(6));
  await expect(page.locator('path.picked-point')).toHaveCount(1);
  await page.getByRole('button', { name: 'Save the place' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'It lies in or near a risk area' })).toBeVisible();
  const home = page.getByRole('list', { name: 'Her current places' }).getByRole('listitem').filter({
    hasText: 'Calle del Ensayo 7',
  });
  await expect(home.getByText(`Inside risk area ${AREA_LABEL}`)).toBeVisible();
  await expect(home.getByText('Home')).toBeVisible();
  await expectAccessible(page, 'case safety tab with a flagged place');

  const tasks = await (await page.request.get('/api/tasks')).json();
  expect(
    (tasks.items as { kind: string; caseCode: string | null }[]).some(
      (task) =>
        task.caseCode === target.caseCode && ['risk_reassessment', 'risk_assessment'].includes(task.kind),
    ),
  ).toBe(true);
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: target.caseCode }).first()).toBeVisible();
  await expectAccessible(page, 'my tasks with the reassessment');
});
