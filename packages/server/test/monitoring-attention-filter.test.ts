/**
 * The case-list filter "sphere needing attention" within the viewer's reach: finding a woman under
 * a sphere tells how her latest review rated it, so the filter follows the organization's matrix
 * for the monitoring section and the sphere's own section. With the default matrix both are the
 * case team's: everyone filters her own cases only, on the spheres her role sees; a sphere her
 * role never sees in full (mental health for a peer worker) is refused and the refusal recorded.
 */
import { SPHERES } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';

describe.each(DATABASE_KINDS)('the attention filter on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let nadia: string;
  let lucia: string;
  let quiet: string;
  let peer: TestStaff;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Nadia Ficticia', 'Lucia Inventada', 'Marta Supuesta'],
    });
    [nadia, lucia, quiet] = org.participants.map((p) => p.id) as [string, string, string];
    const rosa = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    const olga = await addStaff(t.database, org.id, 'social_worker', 'olga');
    const paula = await addStaff(t.database, org.id, 'psychologist', 'paula');
    peer = await addStaff(t.database, org.id, 'peer_worker', 'pia');
    await assignTeam(t.database, org.id, nadia, [
      { userId: rosa.id, reference: true },
      { userId: paula.id },
      { userId: peer.id },
    ]);
    await assignTeam(t.database, org.id, lucia, [{ userId: olga.id, reference: true }]);
    await assignTeam(t.database, org.id, quiet, [{ userId: rosa.id, reference: true }]);
    // As a completed review leaves them (resources/monitoring/completion.ts).
    const attention = { [nadia]: '{housing,mental_health}', [lucia]: '{economic}', [quiet]: '{}' };
    for (const [id, spheres] of Object.entries(attention)) {
      await t.database.ownerQuery('update participant set attention_spheres = $2 where id = $1', [
        id,
        spheres,
      ]);
    }
    for (const [name, staff] of Object.entries({ rosa, olga, paula, peer })) {
      cookies[name] = await signIn(t.app, staff);
    }
    cookies.coordinator = await signIn(t.app, org.staff.coordinator ?? rosa);
  });
  afterAll(() => t?.close());

  const list = (who: string, attention: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants?scope=all&attention=${attention}`,
      headers: { cookie: cookies[who] ?? '' },
    });
  const ids = async (who: string, attention: string) => {
    const response = await list(who, attention);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as { id: string }[]).map((item) => item.id).sort();
  };
  const denials = async (userId: string) =>
    t.database.ownerQuery<{ section: string }>(
      `select section from audit_event
       where actor_user_id = $1 and action = 'participant.list' and outcome = 'denied' order by occurred_at`,
      [userId],
    );
  const setMatrix = (overrides: object | null) =>
    t.database.ownerQuery('update organization set section_matrix = $2::jsonb where id = $1', [
      org.id,
      overrides === null ? null : JSON.stringify(overrides),
    ]);

  it('finds her case for the social worker on her team', async () => {
    expect(await ids('rosa', 'housing')).toEqual([nadia]);
    expect(await ids('rosa', 'any')).toEqual([nadia]);
    expect(await ids('rosa', 'economic')).toEqual([]);
  });

  it('keeps a social worker not on her team to her own cases', async () => {
    expect(await ids('olga', 'housing')).toEqual([]);
    expect(await ids('olga', 'economic')).toEqual([lucia]);
    expect(await ids('olga', 'any')).toEqual([lucia]);
    // A coordinator, by default, as well: reviews are the case team's.
    expect(await ids('coordinator', 'any')).toEqual([]);
    expect(await ids('coordinator', 'economic')).toEqual([]);
  });

  it('filters on her mental health only for those who see it in full, on their own cases', async () => {
    expect(await ids('paula', 'mental_health')).toEqual([nadia]);
    // The peer worker is on her team, but her mental health is closed to peer workers.
    const refused = await list('peer', 'mental_health');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Sphere needing attention'),
      details: { filter: 'attention', section: 'mental_health' },
    });
    expect(refused.body).not.toContain(nadia);
    expect(await denials(peer.id)).toEqual([{ section: 'mental_health' }]);
    // `any` covers only the spheres she may filter on: Nadia's housing, not her mental health.
    expect(await ids('peer', 'any')).toEqual([nadia]);
    await t.database.ownerQuery(
      `update participant set attention_spheres = '{mental_health}' where id = $1`,
      [nadia],
    );
    try {
      expect(await ids('peer', 'any')).toEqual([]);
      expect(await ids('paula', 'any')).toEqual([nadia]);
    } finally {
      await t.database.ownerQuery(
        `update participant set attention_spheres = '{housing,mental_health}' where id = $1`,
        [nadia],
      );
    }
  });

  it('refuses a sphere open only to her reference: the filter does not single out her cases', async () => {
    // Physical health is the reference's and the team psychiatrist's by default.
    const refused = await list('rosa', 'physical_health');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toEqual({ filter: 'attention', section: 'physical_health' });
    expect((await list('rosa', 'legal_status')).statusCode).toBe(403);
  });

  it('offers the filter and its spheres as the matrix allows', async () => {
    const abilities = async (who: string) => (await list(who, 'any')).json().abilities;
    const teamSpheres = SPHERES.filter(
      (sphere) => !['legal_status', 'legal_proceedings', 'physical_health', 'mental_health'].includes(sphere),
    );
    expect(await abilities('rosa')).toMatchObject({
      filterByAttention: true,
      attentionFilterSpheres: teamSpheres,
    });
    expect((await abilities('paula')).attentionFilterSpheres).toContain('mental_health');
    expect((await abilities('peer')).attentionFilterSpheres).not.toContain('mental_health');
    await setMatrix({ monitoring: { full: ['reference'] } });
    try {
      const closed = await t.app.inject({
        method: 'GET',
        url: '/api/participants?scope=all',
        headers: { cookie: cookies.peer ?? '' },
      });
      expect(closed.json().abilities).toMatchObject({ filterByAttention: false, attentionFilterSpheres: [] });
      const refused = await list('peer', 'any');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.details).toEqual({ filter: 'attention', section: 'monitoring' });
    } finally {
      await setMatrix(null);
    }
  });

  it('reaches across the organization only where the matrix names the role organization-wide in both', async () => {
    await setMatrix({
      monitoring: { full: ['team', 'org:coordinator'] },
      needs: { full: ['team', 'org:coordinator'] },
    });
    try {
      expect(await ids('coordinator', 'housing')).toEqual([nadia]);
      // Her economic section stays the team's: over the coordinator's own cases only.
      expect(await ids('coordinator', 'economic')).toEqual([]);
      expect(await ids('coordinator', 'any')).toEqual([]);
      expect(await ids('olga', 'housing')).toEqual([]);
    } finally {
      await setMatrix(null);
    }
  });
});
