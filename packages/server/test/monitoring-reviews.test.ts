/**
 * What a completed monitoring round leaves behind: the spheres needing attention on her case (the
 * case list filters on them), the gaps between her view and the professional's, her review task
 * closed and the next one due the organization's months later; and the organization's itinerary
 * settings, changed only by a coordinator or an administrator.
 */
import { reviewDueOn, type ScaleStep, SPHERES, type Sphere } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleFirstReview } from '../src/resources/monitoring/review.js';
import { isoDateIn } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';

/** Every sphere rated `step`, except those given. */
const ratings = (step: ScaleStep, given: Partial<Record<Sphere, ScaleStep>> = {}) =>
  Object.fromEntries(SPHERES.map((sphere) => [sphere, { step: given[sphere] ?? step }]));

type TaskRow = {
  id: string;
  due: string;
  assignee: string;
  done: boolean;
  doneBy: string | null;
  payload: Record<string, unknown>;
};

describe.each(DATABASE_KINDS)('monitoring reviews and settings on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let participantId: string;
  let quietId: string;
  let reference: TestStaff;
  const cookies: Record<string, string> = {};
  const first = { heldOn: isoDateIn(-100), due: '' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'administrator'],
      participants: ['Nadia Ficticia', 'Lucia Inventada'],
    });
    other = await createOrganization(t.database, { roles: ['coordinator'] });
    participantId = org.participants[0]?.id ?? '';
    quietId = org.participants[1]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    await assignTeam(t.database, org.id, participantId, [{ userId: reference.id, reference: true }]);
    await assignTeam(t.database, org.id, quietId, [{ userId: reference.id, reference: true }]);
    // As at her intake: the first needs assessment and ratings, due in a month.
    await t.database.db.run({ organizationId: org.id, userId: null }, (tx) =>
      scheduleFirstReview(tx, { organizationId: org.id, participantId, assigneeUserId: reference.id }),
    );
    cookies.reference = await signIn(t.app, reference);
    cookies.coordinator = await signIn(t.app, org.staff.coordinator ?? reference);
    cookies.administrator = await signIn(t.app, org.staff.administrator ?? reference);
    cookies.elsewhere = await signIn(t.app, other.staff.coordinator ?? reference);
  });
  afterAll(() => t?.close());

  const inject = (method: 'GET' | 'POST' | 'PUT', who: string, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, payload });
  const monitoring = (rest = '') => `/api/participants/${participantId}/monitoring${rest}`;
  const settings = (who: string, payload?: object) =>
    inject(payload ? 'PUT' : 'GET', who, '/api/organization/itinerary-settings', payload);
  const reviewTasks = () =>
    t.database.ownerQuery<TaskRow>(
      `select id, due_on::text as due, assignee_user_id as assignee, done_at is not null as done,
              done_by_user_id as "doneBy", payload
       from task where participant_id = $1 and kind = 'itinerary_review' order by created_at, due_on`,
      [participantId],
    );

  /** Starts a round, rates it both ways (or she chooses not to rate herself) and completes it. */
  async function round(heldOn: string, professional: object, self: object | 'declined') {
    const started = await inject('POST', 'reference', monitoring('/rounds'), { heldOn });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    const rated = await inject('PUT', 'reference', monitoring(`/rounds/${id}/professional`), {
      revision: 1,
      ratings: professional,
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const hers = await inject(
      'PUT',
      'reference',
      monitoring(`/rounds/${id}/self`),
      self === 'declined' ? { language: 'fr', declined: true } : { language: 'fr', ratings: self },
    );
    expect(hers.statusCode, hers.body).toBe(200);
    const done = await inject('POST', 'reference', monitoring(`/rounds/${id}/complete`));
    expect(done.statusCode, done.body).toBe(200);
    return id;
  }

  it('reads the default months between reviews for anyone on a case, and lets no social worker change them', async () => {
    const read = await settings('reference');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ reviewMonths: 3 });
    expect((await settings('reference', { reviewMonths: 6 })).statusCode).toBe(403);
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'itinerary.configure' and outcome = 'denied'
       and actor_user_id = $1`,
      [reference.id],
    );
    expect(denied?.n).toBe(1);
  });

  it('completes a first round: attention spheres on her case, gaps, the next review due in three months', async () => {
    const [intakeReview] = await reviewTasks();
    expect(intakeReview).toMatchObject({ due: isoDateIn(30), done: false, payload: { first: true } });
    const id = await round(first.heldOn, ratings(3, { housing: 1, economic: 4 }), {
      housing: { step: 3 },
      economic: { step: 2 },
      family: { step: 5 },
      education: { step: 4 },
    });
    const [her] = await t.database.ownerQuery<{ spheres: string[]; next: string }>(
      `select attention_spheres as spheres, next_due_on::text as next from participant where id = $1`,
      [participantId],
    );
    first.due = reviewDueOn(first.heldOn, 3);
    expect(her).toEqual({ spheres: ['housing', 'economic'], next: first.due });

    const tasks = await reviewTasks();
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ id: intakeReview?.id, done: true, doneBy: reference.id });
    expect(tasks[1]).toMatchObject({
      due: first.due,
      assignee: reference.id,
      done: false,
      payload: { section: 'monitoring', roundId: id },
    });

    const read = (await inject('GET', 'reference', monitoring())).json();
    expect(read).toMatchObject({
      nextReviewOn: first.due,
      reviewMonths: 3,
      abilities: { rate: true, configure: false },
    });
    expect(read.gapsHeldOn).toBe(first.heldOn);
    expect(read.gaps).toEqual([
      { sphere: 'housing', professional: 1, self: 3, gap: 2 },
      { sphere: 'economic', professional: 4, self: 2, gap: 2 },
      { sphere: 'family', professional: 3, self: 5, gap: 2 },
    ]);
  });

  it('keeps the review task from being ticked off by hand', async () => {
    const open = (await reviewTasks()).find((row) => !row.done);
    const refused = await inject('POST', 'reference', `/api/tasks/${open?.id}/done`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/closes by itself/);
    expect((await reviewTasks()).find((row) => row.id === open?.id)?.done).toBe(false);
  });

  it('lists her case under the spheres needing attention, for her team only', async () => {
    const ids = async (attention: string, who = 'reference') => {
      const list = await inject('GET', who, `/api/participants?scope=all&attention=${attention}`);
      expect(list.statusCode, list.body).toBe(200);
      return (list.json().items as { id: string }[]).map((item) => item.id);
    };
    expect(await ids('housing')).toEqual([participantId]);
    expect(await ids('economic')).toEqual([participantId]);
    expect(await ids('any')).toEqual([participantId]);
    expect(await ids('education')).toEqual([]);
    // The default matrix opens reviews to the case team: a coordinator not on her team filters
    // her own cases only, and this is not one of them.
    expect(await ids('housing', 'coordinator')).toEqual([]);
    expect(await ids('any', 'coordinator')).toEqual([]);
    // The spheres are not sent with her case: only the filter, within its reach, uses them.
    const detail = await inject('GET', 'reference', `/api/participants/${participantId}`);
    expect(detail.json().itinerary).toEqual({ unmetBasicNeeds: [] });
  });

  it('lets a coordinator change the months between reviews within 1 to 12, and records it', async () => {
    const refused = await settings('coordinator', { reviewMonths: 13 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'reviewMonths', message: 'Reviews are at most 12 months apart.' },
    ]);
    expect((await settings('coordinator', { reviewMonths: 0 })).json().error.details[0].field).toBe(
      'reviewMonths',
    );
    const saved = await settings('coordinator', { reviewMonths: 6 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ reviewMonths: 6 });
    expect((await settings('administrator')).json()).toEqual({ reviewMonths: 6 });
    expect((await settings('elsewhere')).json()).toEqual({ reviewMonths: 3 });
    const [audit] = await t.database.ownerQuery<{ reason: string }>(
      `select reason from audit_event where action = 'itinerary.settings_changed' and organization_id = $1`,
      [org.id],
    );
    expect(audit?.reason).toBe('months between reviews: 3 → 6');
    const [stored] = await t.database.ownerQuery<{ settings: unknown }>(
      `select itinerary_settings as settings from organization where id = $1`,
      [org.id],
    );
    expect(stored?.settings).toEqual({ reviewMonths: 6 });
  });

  it('refuses a second round dated before her latest complete one, naming heldOn', async () => {
    const refused = await inject('POST', 'reference', monitoring('/rounds'), { heldOn: isoDateIn(-101) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'heldOn', message: expect.stringContaining(`held on ${first.heldOn}`) },
    ]);
  });

  it('completes a second round: the next review six months on, the older task closed, attention cleared', async () => {
    const heldOn = isoDateIn(-10);
    // She chose not to rate herself this time: no gaps, and the first round's are not brought back.
    await round(heldOn, ratings(4, { housing: 3 }), 'declined');
    const tasks = await reviewTasks();
    expect(tasks.map((row) => row.done)).toEqual([true, true, false]);
    expect(tasks[1]?.doneBy).toBe(reference.id);
    expect(tasks[2]?.due).toBe(reviewDueOn(heldOn, 6));

    const read = (await inject('GET', 'reference', monitoring())).json();
    expect(read.rounds.map((r: { heldOn: string }) => r.heldOn)).toEqual([first.heldOn, heldOn]);
    expect(read.rounds[0].professional.housing.step).toBe(1);
    expect(read.rounds[1].professional.housing.step).toBe(3);
    expect(read.gaps).toEqual([]);
    expect(read.gapsHeldOn).toBe(heldOn);
    expect(read).toMatchObject({ nextReviewOn: reviewDueOn(heldOn, 6), reviewMonths: 6 });
    const list = await inject('GET', 'reference', '/api/participants?scope=all&attention=any');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([]);
  });

  it('answers 404 for a case of another organization', async () => {
    expect((await inject('GET', 'elsewhere', monitoring())).statusCode).toBe(404);
    expect(
      (await inject('POST', 'elsewhere', monitoring('/rounds'), { heldOn: isoDateIn(0) })).statusCode,
    ).toBe(404);
  });
});
