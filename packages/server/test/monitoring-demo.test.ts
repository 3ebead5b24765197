/**
 * The demo's monitoring: complete rounds readable through the API, never in the future, a second
 * round only on a case old enough for it, her spheres needing attention from the latest round, one
 * open review task due by the review rule, and nothing of the ratings in clear.
 */
import { attentionSpheres, REVIEW_MONTHS_DEFAULT, reviewDueOn } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/demo/names.js';
import { seedCaseMonitoring } from '../src/demo/seed-monitoring.js';
import { createParticipantRecord } from '../src/resources/participants/records.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestStaff } from './factories.js';

const DAY = 86_400_000;
const AGES = [400, 200, 120, 60, 10, 1];

describe.each(DATABASE_KINDS)('demo monitoring on %s', (kind) => {
  let t: TestApp;
  let reference: TestStaff;
  let cookie: string;
  const now = new Date();
  const cases: { id: string; age: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const org = await createOrganization(t.database, { roles: ['coordinator'] });
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    const random = seededRandom(6);
    await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
      for (const age of AGES) {
        const openedAt = new Date(now.getTime() - age * DAY);
        const created = await createParticipantRecord(tx, t.database.keyring, {
          organizationId: org.id,
          preferredName: `Demo ${age}`,
          status: 'active',
          referenceUserId: reference.id,
          openedAt,
        });
        const input = {
          organizationId: org.id,
          participantId: created.id,
          dataKey: created.dataKey,
          referenceUserId: reference.id,
          openedAt,
        };
        await seedCaseMonitoring(tx, t.database.keyring, input, random, now);
        cases.push({ id: created.id, age });
      }
    });
    for (const { id } of cases) await assignTeam(t.database, org.id, id, [{ userId: reference.id }]);
    cookie = await signIn(t.app, reference);
  });
  afterAll(() => t?.close());

  it('reads one or two complete rounds per case, the second only on older cases', async () => {
    const today = now.toISOString().slice(0, 10);
    for (const { id, age } of cases) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/participants/${id}/monitoring`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      const { rounds, nextReviewOn } = response.json();
      expect(rounds.length).toBe(age >= 200 ? 2 : age <= 60 ? 1 : rounds.length);
      for (const round of rounds) {
        expect(round).toMatchObject({ status: 'complete', professionalBy: { displayName: 'rosa' } });
        expect(round.heldOn <= today).toBe(true);
        expect(Object.keys(round.professional)).toHaveLength(14);
        expect(round.self !== null || round.selfDeclined).toBe(true);
      }
      const latest = rounds.at(-1);
      expect(nextReviewOn).toBe(reviewDueOn(latest.heldOn, REVIEW_MONTHS_DEFAULT));
      const [her] = await t.database.ownerQuery<{ spheres: string[] }>(
        'select attention_spheres as spheres from participant where id = $1',
        [id],
      );
      expect(her?.spheres).toEqual(attentionSpheres(latest.professional, latest.self ?? {}));
    }
  });

  it('leaves one open review task per case, some of them overdue', async () => {
    const rows = await t.database.ownerQuery<{ n: number; overdue: boolean }>(
      `select count(*)::int as n, bool_or(due_on < current_date) as overdue from task
       where kind = 'itinerary_review' and done_at is null group by participant_id`,
    );
    expect(rows).toHaveLength(AGES.length);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    expect(rows.some((row) => row.overdue)).toBe(true);
  });

  it('seals the ratings', async () => {
    const rows = await t.database.ownerQuery('select * from monitoring_round');
    expect(JSON.stringify(rows)).not.toMatch(/housing|Shelter|bakery|reason/);
  });
});
