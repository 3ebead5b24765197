/**
 * Monitoring rounds: one draft at a time, dated no later than today; the professional's ratings
 * saved as a draft guarded by a revision; her own rating given once and never touched again; the
 * reasons of a sphere kept for those who see that sphere's section; everything sealed; her team
 * only, another organization's case unknown.
 */
import { MONITORING_SCALE_VERSION, type ScaleStep, SPHERES, type Sphere } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';

const MIND = 'Nightmares since the hearing date was set; sleeps with the light on.';
const HOME = 'Shared room in the shelter until the end of the month.';
const HERS = 'Me siento sola por las noches.';

type Rating = { step: ScaleStep | null; reason?: string | null };

/** Every sphere rated `step`, except those given. */
function ratings(step: ScaleStep, given: Partial<Record<Sphere, Rating | undefined>> = {}) {
  const out: Partial<Record<Sphere, Rating>> = {};
  for (const sphere of SPHERES) {
    const rating = sphere in given ? given[sphere] : { step };
    if (rating) out[sphere] = rating;
  }
  return out;
}

describe.each(DATABASE_KINDS)('monitoring rounds on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let participantId: string;
  let roundId = '';
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Nadia Ficticia'],
    });
    other = await createOrganization(t.database, { roles: ['coordinator'], participants: ['Otra Persona'] });
    participantId = org.participants[0]?.id ?? '';
    const reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    const psychologist = await addStaff(t.database, org.id, 'psychologist', 'pia');
    const peer = await addStaff(t.database, org.id, 'peer_worker', 'pilar');
    const outsider = await addStaff(t.database, org.id, 'social_worker', 'olga');
    await assignTeam(t.database, org.id, participantId, [
      { userId: reference.id, reference: true },
      { userId: psychologist.id },
      { userId: peer.id },
    ]);
    for (const [name, staff] of Object.entries({ reference, psychologist, peer, outsider })) {
      cookies[name] = await signIn(t.app, staff);
    }
    cookies.elsewhere = await signIn(t.app, other.staff.coordinator ?? reference);
  });
  afterAll(() => t?.close());

  const url = (rest = '', id = participantId) => `/api/participants/${id}/monitoring${rest}`;
  const send = (
    method: 'GET' | 'POST' | 'PUT',
    who: string,
    rest = '',
    payload?: object,
    id = participantId,
  ) => t.app.inject({ method, url: url(rest, id), headers: { cookie: cookies[who] ?? '' }, payload });
  const start = (who: string, heldOn: string, id = participantId) =>
    send('POST', who, '/rounds', { heldOn }, id);
  const rate = (who: string, revision: number, given: object) =>
    send('PUT', who, `/rounds/${roundId}/professional`, { revision, ratings: given });
  const selfRate = (who: string, payload: object) => send('PUT', who, `/rounds/${roundId}/self`, payload);
  const complete = (who: string) => send('POST', who, `/rounds/${roundId}/complete`);
  const overview = async (who: string) => (await send('GET', who)).json();
  const count = async (action: string, outcome = 'allowed') =>
    (
      await t.database.ownerQuery<{ n: number }>(
        `select count(*)::int as n from audit_event where action = $1 and resource_id = $2 and outcome = $3`,
        [action, participantId, outcome],
      )
    )[0]?.n;

  it('refuses a round dated in the future, naming heldOn', async () => {
    const refused = await start('reference', isoDateIn(3));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'heldOn', message: 'The date of the round cannot be in the future.' },
    ]);
  });

  it('starts one draft with the scale version, and hands back that draft when asked again', async () => {
    const started = await start('reference', isoDateIn(-40));
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({
      heldOn: isoDateIn(-40),
      scaleVersion: MONITORING_SCALE_VERSION,
      status: 'draft',
      revision: 1,
      professional: null,
      self: null,
      selfDeclined: false,
      completedAt: null,
    });
    roundId = started.json().id;
    const again = await start('peer', isoDateIn(-2));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: roundId, heldOn: isoDateIn(-40) });
    const [rows] = await t.database.ownerQuery<{ n: number; version: number }>(
      `select count(*)::int as n, max(scale_version) as version from monitoring_round where participant_id = $1`,
      [participantId],
    );
    expect(rows).toEqual({ n: 1, version: MONITORING_SCALE_VERSION });
  });

  it.each([
    [6, 'a step above the scale'],
    [0, 'a step below the scale'],
    [2.5, 'half a step'],
  ])('refuses %s (%s), naming ratings.<sphere>.step', async (step) => {
    const refused = await rate('reference', 1, { housing: { step: 3 }, economic: { step } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'ratings.economic.step', message: 'Choose a step from 1 (crisis) to 5 (autonomous).' },
    ]);
  });

  it('saves the professional draft as a whole map, and refuses a stale revision naming who saved', async () => {
    const saved = await rate(
      'psychologist',
      1,
      ratings(3, { housing: { step: 1, reason: HOME }, mental_health: { step: 2, reason: MIND } }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      revision: 2,
      professionalBy: { displayName: 'pia' },
      professional: { housing: { step: 1, reason: HOME }, mental_health: { step: 2, reason: MIND } },
    });
    const stale = await rate('peer', 1, ratings(4));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/^pia saved these ratings/);
    expect(stale.json().error.details).toMatchObject({ revision: 2, savedBy: 'pia' });
    expect(await count('monitoring.rated')).toBe(2); // the start, then the save
  });

  it('withholds the reasons of a sphere whose section the viewer does not see in full, keeping the steps', async () => {
    const read = await overview('reference');
    const [round] = read.rounds;
    expect(round.professional.mental_health).toEqual({ step: 2, reason: null });
    expect(round.professional.housing).toEqual({ step: 1, reason: HOME });
    // The round says which reasons are kept from her, so the form shows them read-only.
    expect(round.reasonsWithheld).toContain('mental_health');
    expect(round.reasonsWithheld).not.toContain('housing');
    expect(read).toMatchObject({ gaps: [], gapsHeldOn: null });
    // The psychologist reads the reasons of mental well-being, not those of her legal status.
    const own = await overview('psychologist');
    expect(own.rounds[0].professional.mental_health).toEqual({ step: 2, reason: MIND });
    expect(own.rounds[0].reasonsWithheld).not.toContain('mental_health');
  });

  it('keeps a withheld reason through a save by someone who cannot read it, and refuses writing one there', async () => {
    const refused = await rate('reference', 2, ratings(3, { mental_health: { step: 2, reason: 'Better.' } }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('ratings.mental_health.reason');

    const withoutEducation = ratings(3, {
      housing: { step: 1, reason: HOME },
      mental_health: { step: 3, reason: null },
      education: undefined,
    });
    const saved = await rate('reference', 2, withoutEducation);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().professional.mental_health).toEqual({ step: 3, reason: null });
    expect(saved.json().professional.education).toBeUndefined();
    const own = await overview('psychologist');
    expect(own.rounds[0].professional.mental_health).toEqual({ step: 3, reason: MIND });
  });

  it('refuses to complete while a sphere is unrated, naming the first and counting them', async () => {
    const refused = await complete('reference');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      {
        field: 'ratings.education',
        message: 'One sphere is not rated yet. Rate every sphere before completing the round.',
      },
    ]);
  });

  it('refuses to complete without her own rating or her choice not to rate, naming self', async () => {
    const saved = await rate(
      'reference',
      3,
      ratings(3, { housing: { step: 1, reason: HOME }, mental_health: { step: 3 } }),
    );
    expect(saved.statusCode).toBe(200);
    const refused = await complete('reference');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'self', message: expect.stringMatching(/^Her own rating is missing/) },
    ]);
  });

  it('tells her screen where her rating stands, and nothing of the round; unaudited, for those who may rate', async () => {
    const reads = await count('monitoring.read');
    const status = await send('GET', 'peer', `/rounds/${roundId}/self`);
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toEqual({
      roundId,
      open: true,
      given: false,
      declined: false,
      recordedAt: null,
      language: null,
    });
    expect(await count('monitoring.read')).toBe(reads);
    const refusals = await count('itinerary.edit', 'denied');
    expect((await send('GET', 'outsider', `/rounds/${roundId}/self`)).statusCode).toBe(403);
    expect(await count('itinerary.edit', 'denied')).toBe((refusals ?? 0) + 1);
    expect((await send('GET', 'reference', `/rounds/${crypto.randomUUID()}/self`)).statusCode).toBe(404);
  });

  it('keeps her own rating as she gave it: once, in her language, never overwritten', async () => {
    const given = await selfRate('peer', {
      language: 'es',
      ratings: { housing: { step: 3, reason: 'Tengo una cama.' }, mental_health: { step: 1, reason: HERS } },
    });
    expect(given.statusCode, given.body).toBe(200);
    // Her screen gets back where her rating stands: nothing rated, the professional's draft least of all.
    expect(given.json()).toEqual({
      roundId,
      open: true,
      given: true,
      declined: false,
      recordedAt: expect.any(String),
      language: 'es',
    });
    expect((await send('GET', 'reference', `/rounds/${roundId}/self`)).json()).toEqual(given.json());
    const mine = await overview('peer');
    expect(mine.rounds[0].self).toEqual({
      housing: { step: 3, reason: 'Tengo una cama.' },
      mental_health: { step: 1, reason: null },
    });
    const [row] = await t.database.ownerQuery<{ by: string; language: string }>(
      `select s.display_name as by, r.self_language as language from monitoring_round r
       join staff_user s on s.id = r.self_recorded_by_user_id where r.id = $1`,
      [roundId],
    );
    expect(row).toEqual({ by: 'pilar', language: 'es' });

    for (const payload of [
      { language: 'es', ratings: { housing: { step: 5 } } },
      { language: 'en', declined: true },
    ]) {
      const again = await selfRate('reference', payload);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe('Her own rating is kept as she gave it.');
    }
    const professional = await rate('reference', 4, ratings(4, { housing: { step: 1 } }));
    expect(professional.statusCode).toBe(200);
    const read = await overview('psychologist');
    expect(read.rounds[0].self).toEqual({
      housing: { step: 3, reason: 'Tengo una cama.' },
      mental_health: { step: 1, reason: HERS },
    });
    expect(await count('monitoring.self_rated')).toBe(1);
  });

  it('completes the round and keeps both ratings; a complete round refuses any change', async () => {
    const done = await complete('reference');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'complete', self: { housing: { step: 3 } } });
    expect(done.json().completedAt).toEqual(expect.any(String));
    const late = await rate('reference', done.json().revision, ratings(5));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/complete/);
    expect((await complete('reference')).statusCode).toBe(409);
    expect(await count('monitoring.completed')).toBe(1);
  });

  it('seals both ratings: no reason is in the database in clear', async () => {
    const rows = await t.database.ownerQuery<Record<string, unknown>>(
      `select * from monitoring_round where participant_id = $1`,
      [participantId],
    );
    const dump = JSON.stringify(rows);
    for (const text of [MIND, HOME, HERS, 'Tengo una cama', 'housing', 'mental_health']) {
      expect(dump).not.toContain(text);
    }
    expect(rows[0]?.professional_enc).toEqual(expect.any(String));
  });

  it('records one monitoring.read per reading', async () => {
    const before = await count('monitoring.read');
    await overview('peer');
    expect(await count('monitoring.read')).toBe((before ?? 0) + 1);
  });

  it('refuses a social worker outside her team, and records the refusals', async () => {
    expect((await send('GET', 'outsider')).statusCode).toBe(403);
    expect((await start('outsider', isoDateIn(0))).statusCode).toBe(403);
    expect(await count('monitoring.read', 'denied')).toBe(1);
    // One more than the refusal of her screen's status, above.
    expect(await count('itinerary.edit', 'denied')).toBe(2);
  });

  it('answers 404 for a case of another organization, and for a round of another case', async () => {
    expect((await send('GET', 'elsewhere')).statusCode).toBe(404);
    expect((await start('elsewhere', isoDateIn(0))).statusCode).toBe(404);
    const foreign = other.participants[0]?.id ?? '';
    expect((await send('GET', 'reference', '', undefined, foreign)).statusCode).toBe(404);
    const mixed = await send('PUT', 'reference', `/rounds/${crypto.randomUUID()}/self`, {
      language: 'en',
      declined: true,
    });
    expect(mixed.statusCode).toBe(404);
  });

  it('records her choice not to rate, and refuses everything once her key was erased', async () => {
    const second = await start('reference', isoDateIn(0));
    expect(second.statusCode).toBe(201);
    roundId = second.json().id;
    const declined = await selfRate('reference', { language: 'ro', declined: true });
    expect(declined.json()).toMatchObject({
      roundId,
      open: true,
      given: false,
      declined: true,
      language: 'ro',
    });
    expect((await overview('reference')).rounds[1]).toMatchObject({
      self: null,
      selfDeclined: true,
      selfLanguage: 'ro',
    });
    await t.database.ownerQuery(`delete from participant_key where participant_id = $1`, [participantId]);
    expect((await rate('reference', 1, ratings(3))).statusCode).toBe(409);
    const read = await overview('reference');
    expect(read.abilities.rate).toBe(false);
    expect(read.rounds).toHaveLength(2);
    expect(read.rounds[0].professional).toBeNull();
  });
});
