/**
 * Her needs assessment: one sealed row per sphere, saved from the version read (a stale save is
 * refused naming who saved, and nothing is overwritten), structured fields checked field by
 * field, her own ranking of the spheres, and the basic needs flagged on her case recomputed from
 * every basic-need sphere after each save.
 */
import { SPHERES } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestStaff } from './factories.js';

const HER_WORDS = 'I want a room of my own near the school on Calle Ficticia, with a lock.';

describe.each(DATABASE_KINDS)('needs assessment on %s', (kind) => {
  let t: TestApp;
  let participantId: string;
  let reference: TestStaff;
  let psychologist: TestStaff;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Nadia Ficticia'],
    });
    participantId = org.participants[0]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    psychologist = await addStaff(t.database, org.id, 'psychologist', 'paula');
    await assignTeam(t.database, org.id, participantId, [
      { userId: reference.id, reference: true },
      { userId: psychologist.id },
    ]);
    cookies.reference = await signIn(t.app, reference);
    cookies.psychologist = await signIn(t.app, psychologist);
  });
  afterAll(() => t?.close());

  const base = `/api/participants`;
  const get = (who: string) =>
    t.app.inject({
      method: 'GET',
      url: `${base}/${participantId}/needs`,
      headers: { cookie: cookies[who] ?? '' },
    });
  const put = (who: string, rest: string, payload: object) =>
    t.app.inject({
      method: 'PUT',
      url: `${base}/${participantId}/needs/${rest}`,
      headers: { cookie: cookies[who] ?? '' },
      payload,
    });
  const save = (who: string, sphere: string, version: number, fields: object = {}) =>
    put(who, `spheres/${sphere}`, { version, ...fields });
  const detail = async (who = 'reference') =>
    (
      await t.app.inject({
        method: 'GET',
        url: `${base}/${participantId}`,
        headers: { cookie: cookies[who] ?? '' },
      })
    ).json();
  const storedNeeds = async () =>
    (
      await t.database.ownerQuery<{ codes: string[] }>(
        'select unmet_basic_needs as codes from participant where id = $1',
        [participantId],
      )
    )[0]?.codes;
  const audits = async (action: string) =>
    t.database.ownerQuery<{ section: string | null; reason: string | null; actor: string }>(
      `select section, reason, actor_user_id::text as actor from audit_event
       where action = $1 and resource_id = $2 order by occurred_at`,
      [action, participantId],
    );
  const sphereOf = (overview: { spheres: { sphere: string }[] }, sphere: string) =>
    overview.spheres.find((entry) => entry.sphere === sphere);

  it('lists the fourteen spheres in order, version 0 and empty before anything is saved', async () => {
    const read = await get('reference');
    expect(read.statusCode).toBe(200);
    const overview = read.json();
    expect(overview.spheres.map((entry: { sphere: string }) => entry.sphere)).toEqual([...SPHERES]);
    expect(sphereOf(overview, 'housing')).toEqual({
      sphere: 'housing',
      access: 'full',
      version: 0,
      situation: {},
      situationNote: '',
      herWords: '',
      professionalNeeds: '',
      updatedAt: null,
      updatedBy: null,
    });
    expect(overview).toMatchObject({ priorities: [], unmetBasicNeeds: [], abilities: { edit: true } });
    expect(await audits('needs.read')).toEqual([{ section: 'needs', reason: null, actor: reference.id }]);
  });

  it('saves a sphere sealed with her key and reads it back', async () => {
    const saved = await save('reference', 'housing', 0, {
      situation: { housing_type: 'shared_flat', housing_safe: 'yes' },
      situationNote: '  Shares a flat with two other women.  ',
      herWords: HER_WORDS,
      professionalNeeds: 'Help with a rental deposit.',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      sphere: 'housing',
      access: 'full',
      version: 1,
      situation: { housing_type: 'shared_flat', housing_safe: 'yes' },
      situationNote: 'Shares a flat with two other women.',
      herWords: HER_WORDS,
      updatedBy: { id: reference.id, displayName: 'rosa' },
    });
    const [row] = await t.database.ownerQuery<Record<string, unknown>>(
      `select * from needs_assessment where participant_id = $1 and sphere = 'housing'`,
      [participantId],
    );
    expect(row?.version).toBe(1);
    expect(JSON.stringify(row)).not.toContain('Calle Ficticia');
    expect(JSON.stringify(row)).not.toContain('shared_flat');
    expect(JSON.stringify(row)).not.toContain('rental deposit');

    const overview = (await get('psychologist')).json();
    expect(sphereOf(overview, 'housing')).toMatchObject({ version: 1, herWords: HER_WORDS });
    expect(await audits('needs.saved')).toEqual([
      { section: 'needs', reason: 'housing', actor: reference.id },
    ]);
  });

  it('refuses a stale save naming who saved it, and overwrites nothing', async () => {
    const second = await save('psychologist', 'housing', 1, {
      situation: { housing_type: 'shared_flat', housing_safe: 'yes' },
      herWords: HER_WORDS,
      professionalNeeds: 'Help with a rental deposit; ask about social housing.',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);

    const stale = await save('reference', 'housing', 1, { herWords: 'Something else entirely.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(stale.json().error.message).toContain('paula saved her housing needs on');
    expect(stale.json().error.message).toContain('Nothing was overwritten');
    expect(stale.json().error.details).toMatchObject({ version: 2, savedBy: 'paula' });

    const never = await save('reference', 'education', 3, {});
    expect(never.statusCode).toBe(409);

    const housing = sphereOf((await get('reference')).json(), 'housing');
    expect(housing).toMatchObject({ version: 2, herWords: HER_WORDS, updatedBy: { displayName: 'paula' } });
  });

  it('refuses a situation value that does not fit its field, naming the field', async () => {
    const cases: [string, object, string][] = [
      ['legal_status', { permit_expires_on: '2027-02-30' }, 'situation.permit_expires_on'],
      ['employment', { hours_per_week: 200 }, 'situation.hours_per_week'],
      ['housing', { housing_type: 'castle' }, 'situation.housing_type'],
      ['education', { shoe_size: 38 }, 'situation.shoe_size'],
    ];
    for (const [sphere, situation, field] of cases) {
      const refused = await save('reference', sphere, sphere === 'housing' ? 2 : 0, { situation });
      expect(refused.statusCode, sphere).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
      expect(refused.json().error.details).toEqual([{ field, message: expect.any(String) }]);
      expect(refused.json().error.message).toContain(field);
    }
    const unknownSphere = await save('reference', 'astrology', 0, {});
    expect(unknownSphere.statusCode).toBe(400);
    const long = await save('reference', 'motivation', 0, { herWords: 'x'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].field).toBe('herWords');
  });

  it('keeps her ranking, refusing a sphere ranked twice or one that does not exist', async () => {
    const twice = await put('reference', 'priorities', {
      priorities: ['housing', 'legal_status', 'housing'],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details).toEqual([
      { field: 'priorities.2', message: expect.stringContaining('twice') },
    ]);
    const unknown = await put('reference', 'priorities', { priorities: ['housing', 'astrology'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('priorities.1');

    const ranked = await put('reference', 'priorities', {
      priorities: ['legal_status', 'housing', 'family'],
    });
    expect(ranked.statusCode).toBe(200);
    expect(ranked.json()).toEqual({ priorities: ['legal_status', 'housing', 'family'] });
    expect((await get('reference')).json().priorities).toEqual(['legal_status', 'housing', 'family']);
    expect(await audits('priorities.saved')).toHaveLength(1);
  });

  it('flags unmet basic needs on her case from every basic-need sphere, and clears them', async () => {
    const before = await t.database.ownerQuery<{ updated: Date }>(
      `select updated_at as updated from participant where id = $1`,
      [participantId],
    );
    const unsafe = await save('reference', 'housing', 2, { situation: { housing_safe: 'no' } });
    expect(unsafe.statusCode).toBe(200);
    expect((await detail()).itinerary.unmetBasicNeeds).toEqual(['safe_housing']);
    const after = await t.database.ownerQuery<{ updated: Date }>(
      `select updated_at as updated from participant where id = $1`,
      [participantId],
    );
    expect(new Date(after[0]?.updated ?? 0).getTime()).toBeGreaterThan(
      new Date(before[0]?.updated ?? 0).getTime(),
    );

    expect(await storedNeeds()).toEqual(['safe_housing:housing']);

    // The psychologist records no support for her mental health; the reference cannot open that
    // sphere, so she is not told of it, yet her next housing save still counts it.
    const mental = await save('psychologist', 'mental_health', 0, { situation: { support_in_place: 'no' } });
    expect(mental.statusCode).toBe(200);
    expect(await storedNeeds()).toEqual(['safe_housing:housing', 'health_care:mental_health']);
    expect((await detail()).itinerary.unmetBasicNeeds).toEqual(['safe_housing']);
    expect((await detail('psychologist')).itinerary.unmetBasicNeeds).toEqual(['safe_housing', 'health_care']);
    expect(await save('reference', 'housing', 3, { situation: { housing_safe: 'yes' } })).toMatchObject({
      statusCode: 200,
    });
    expect(await storedNeeds()).toEqual(['health_care:mental_health']);
    expect((await detail()).itinerary.unmetBasicNeeds).toEqual([]);
    expect((await get('reference')).json().unmetBasicNeeds).toEqual([]);
    expect((await get('psychologist')).json().unmetBasicNeeds).toEqual(['health_care']);
    expect(
      await save('psychologist', 'mental_health', 1, { situation: { support_in_place: 'yes' } }),
    ).toMatchObject({
      statusCode: 200,
    });
    expect(await storedNeeds()).toEqual([]);
    expect((await detail('psychologist')).itinerary.unmetBasicNeeds).toEqual([]);
    const saved = await audits('needs.saved');
    expect(saved.filter((event) => event.reason === 'mental_health')).toEqual([
      { section: 'mental_health', reason: 'mental_health', actor: psychologist.id },
      { section: 'mental_health', reason: 'mental_health', actor: psychologist.id },
    ]);
  });
});
