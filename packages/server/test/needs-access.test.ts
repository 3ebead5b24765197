/**
 * Who sees and writes her needs: the case team through the needs section, each sphere further
 * guarded by its own section (a closed sphere is sent without content and a save on it is refused
 * and audited), nobody outside the team or the organization, and nothing once she is erased.
 */
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

const COUNSELLING = 'Weekly sessions with the counsellor; she sleeps better since March.';

describe.each(DATABASE_KINDS)('needs access on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let participantId: string;
  let erasedId: string;
  let reference: TestStaff;
  let psychologist: TestStaff;
  let outsider: TestStaff;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Nadia Ficticia', 'Erika Ficticia'],
    });
    const other = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Otra Persona'],
    });
    participantId = org.participants[0]?.id ?? '';
    erasedId = org.participants[1]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    psychologist = await addStaff(t.database, org.id, 'psychologist', 'paula');
    outsider = await addStaff(t.database, org.id, 'social_worker', 'olga');
    for (const id of [participantId, erasedId]) {
      await assignTeam(t.database, org.id, id, [
        { userId: reference.id, reference: true },
        { userId: psychologist.id },
      ]);
    }
    for (const [name, staff] of Object.entries({ reference, psychologist, outsider })) {
      cookies[name] = await signIn(t.app, staff);
    }
    cookies.coordinator = await signIn(t.app, org.staff.coordinator ?? reference);
    cookies.elsewhere = await signIn(t.app, other.staff.coordinator ?? reference);
  });
  afterAll(() => t?.close());

  const get = (who: string, id = participantId) =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${id}/needs`,
      headers: { cookie: cookies[who] ?? '' },
    });
  const save = (who: string, sphere: string, payload: object, id = participantId) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/participants/${id}/needs/spheres/${sphere}`,
      headers: { cookie: cookies[who] ?? '' },
      payload,
    });
  const denials = async (section: string) =>
    (
      await t.database.ownerQuery<{ n: number }>(
        `select count(*)::int as n from audit_event
         where action = 'itinerary.edit' and outcome = 'denied' and resource_id = $1 and section = $2`,
        [participantId, section],
      )
    )[0]?.n;

  it('sends a sphere whose section the viewer may not see without its content', async () => {
    const saved = await save('psychologist', 'mental_health', {
      version: 0,
      situation: { support_in_place: 'yes' },
      situationNote: COUNSELLING,
    });
    expect(saved.statusCode).toBe(200);

    const read = await get('reference');
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('counsellor');
    const mental = read.json().spheres.find((entry: { sphere: string }) => entry.sphere === 'mental_health');
    expect(mental).toEqual({
      sphere: 'mental_health',
      access: 'none',
      version: 0,
      situation: null,
      situationNote: null,
      herWords: null,
      professionalNeeds: null,
      updatedAt: null,
      updatedBy: null,
    });
    const psychologistView = (await get('psychologist')).json();
    const byPsychologist = (sphere: string) =>
      psychologistView.spheres.find((entry: { sphere: string }) => entry.sphere === sphere);
    expect(byPsychologist('mental_health')).toMatchObject({ access: 'full', situationNote: COUNSELLING });
    // Her legal status follows the legal section: the reference sees it, the psychologist does not.
    expect(byPsychologist('legal_status')).toMatchObject({ access: 'none', situation: null });
  });

  it('refuses a save on a closed sphere and records the refusal', async () => {
    const refused = await save('reference', 'mental_health', {
      version: 1,
      situation: { support_in_place: 'no' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', details: { section: 'mental_health' } });
    expect(await denials('mental_health')).toBe(1);
    // Refused before its fields are looked at: a closed sphere tells nothing about what it holds.
    const malformed = await save('psychologist', 'legal_status', { version: 0, situation: { shoe: 1 } });
    expect(malformed.statusCode).toBe(403);
    expect(await denials('legal')).toBe(1);
    const [row] = await t.database.ownerQuery<{ version: number }>(
      `select version from needs_assessment where participant_id = $1 and sphere = 'mental_health'`,
      [participantId],
    );
    expect(row?.version).toBe(1);
  });

  it('refuses colleagues outside her team, and answers another organization as if she did not exist', async () => {
    const outside = await get('outsider');
    expect(outside.statusCode).toBe(403);
    expect((await save('outsider', 'housing', { version: 0 })).statusCode).toBe(403);
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where actor_user_id = $1 and outcome = 'denied'`,
      [outsider.id],
    );
    expect(denied?.n).toBe(2);

    expect((await get('elsewhere')).statusCode).toBe(404);
    expect((await save('elsewhere', 'housing', { version: 0 })).statusCode).toBe(404);
    const priorities = await t.app.inject({
      method: 'PUT',
      url: `/api/participants/${participantId}/needs/priorities`,
      headers: { cookie: cookies.elsewhere ?? '' },
      payload: { priorities: ['housing'] },
    });
    expect(priorities.statusCode).toBe(404);
  });

  const flagged = async (who: string) => {
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}`,
      headers: { cookie: cookies[who] ?? '' },
    });
    expect(detail.statusCode, detail.body).toBe(200);
    return detail.json().itinerary.unmetBasicNeeds as string[];
  };
  const stored = async () =>
    (
      await t.database.ownerQuery<{ codes: string[] }>(
        'select unmet_basic_needs as codes from participant where id = $1',
        [participantId],
      )
    )[0]?.codes;

  it('tells of a gap in her mental health only those who may open it', async () => {
    const saved = await save('psychologist', 'mental_health', {
      version: 1,
      situation: { support_in_place: 'no' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await stored()).toEqual(['health_care:mental_health']);
    expect(await flagged('psychologist')).toEqual(['health_care']);
    expect((await get('psychologist')).json().unmetBasicNeeds).toEqual(['health_care']);
    // Her reference has no access to her mental health section: no word of it, anywhere.
    expect(await flagged('reference')).toEqual([]);
    const overview = await get('reference');
    expect(overview.json().unmetBasicNeeds).toEqual([]);
    expect(overview.body).not.toContain('health_care');
  });

  it('shows a home that is not safe only to those who see her needs section', async () => {
    const saved = await save('reference', 'housing', { version: 0, situation: { housing_safe: 'no' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await stored()).toEqual(['safe_housing:housing', 'health_care:mental_health']);
    expect(await flagged('reference')).toEqual(['safe_housing']);
    expect(await flagged('psychologist')).toEqual(['safe_housing', 'health_care']);
    // A coordinator not on her team may open her case, but by default not her needs.
    expect(await flagged('coordinator')).toEqual([]);
    await t.database.ownerQuery(`update organization set section_matrix = $2::jsonb where id = $1`, [
      org.id,
      JSON.stringify({ needs: { full: ['team', 'org:coordinator'] } }),
    ]);
    try {
      expect(await flagged('coordinator')).toEqual(['safe_housing']);
    } finally {
      await t.database.ownerQuery('update organization set section_matrix = null where id = $1', [org.id]);
    }
    expect(await flagged('coordinator')).toEqual([]);
  });

  it('shows a need kept without its sphere only to those who may open every sphere it could come from', async () => {
    await t.database.ownerQuery(`update participant set unmet_basic_needs = '{health_care}' where id = $1`, [
      participantId,
    ]);
    // Physical health for her reference, mental health for the psychologist: neither sees both.
    expect(await flagged('reference')).toEqual([]);
    expect(await flagged('psychologist')).toEqual([]);
    await t.database.ownerQuery(`update organization set section_matrix = $2::jsonb where id = $1`, [
      org.id,
      JSON.stringify({ physical_health: { full: ['reference', 'team'] } }),
    ]);
    try {
      expect(await flagged('psychologist')).toEqual(['health_care']);
      expect(await flagged('reference')).toEqual([]);
    } finally {
      await t.database.ownerQuery('update organization set section_matrix = null where id = $1', [org.id]);
    }
  });

  it('neither reads nor writes the needs of an erased case', async () => {
    await t.database.db.run({ organizationId: org.id, userId: null }, (tx) =>
      t.database.keyring.destroyParticipantKey(tx, erasedId),
    );
    const read = await get('reference', erasedId);
    expect(read.statusCode).toBe(409);
    expect(read.json().error.message).toContain('erased');
    expect((await save('reference', 'housing', { version: 0 }, erasedId)).statusCode).toBe(409);
    const [rows] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from needs_assessment where participant_id = $1`,
      [erasedId],
    );
    expect(rows?.n).toBe(0);
  });
});
