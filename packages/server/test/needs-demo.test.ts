/**
 * The demo's needs: what seedCaseNeeds writes reads back through the API like any saved
 * assessment, every situation fits its sphere's fields, and the basic needs flagged on her case
 * are the ones the server itself would compute.
 */
import { checkSituation, SPHERES, type Sphere, unmetBasicNeeds } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/demo/names.js';
import { seedCaseNeeds } from '../src/demo/seed-needs.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';

const CASES = 12;

describe.each(DATABASE_KINDS)('demo needs on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: Array.from({ length: CASES }, (_, i) => `Demo Ficticia ${i}`),
    });
    // Her reference sees every sphere but her mental health (a psychologist's).
    const reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    for (const { id } of org.participants) {
      await assignTeam(t.database, org.id, id, [{ userId: reference.id, reference: true }]);
    }
    const random = seededRandom(7);
    const now = new Date();
    await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
      for (const { id } of org.participants) {
        const dataKey = await t.database.keyring.participantKey(tx, org.id, id);
        if (!dataKey) throw new Error('no data key');
        await seedCaseNeeds(
          tx,
          t.database.keyring,
          {
            organizationId: org.id,
            participantId: id,
            dataKey,
            referenceUserId: reference.id,
            openedAt: new Date(now.getTime() - 200 * 86_400_000),
          },
          random,
          now,
        );
      }
    });
    cookie = await signIn(t.app, reference);
  });
  afterAll(() => t?.close());

  it('reads back as saved needs, consistent with the basic-need rule', async () => {
    let flagged = 0;
    for (const { id } of org.participants) {
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/participants/${id}/needs`,
        headers: { cookie },
      });
      expect(read.statusCode).toBe(200);
      const overview = read.json() as {
        spheres: {
          sphere: Sphere;
          version: number;
          situation: Record<string, string | number>;
          herWords: string;
        }[];
        priorities: Sphere[];
        unmetBasicNeeds: string[];
      };
      const saved = overview.spheres.filter((entry) => entry.version > 0);
      expect(saved.length).toBeGreaterThanOrEqual(6);
      expect(saved.map((entry) => entry.sphere)).toEqual(expect.arrayContaining(['housing', 'economic']));
      const situations: Partial<Record<Sphere, Record<string, string | number>>> = {};
      for (const entry of saved) {
        expect(checkSituation(entry.sphere, entry.situation)).toEqual([]);
        expect(entry.herWords.length).toBeGreaterThan(0);
        situations[entry.sphere] = entry.situation;
      }
      expect(overview.unmetBasicNeeds).toEqual(unmetBasicNeeds(situations));
      expect(overview.priorities.length).toBeGreaterThanOrEqual(3);
      expect(overview.priorities.length).toBeLessThanOrEqual(5);
      expect(overview.priorities.every((sphere) => SPHERES.includes(sphere))).toBe(true);
      if (overview.unmetBasicNeeds.length > 0) flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(CASES / 2);
  });
});
