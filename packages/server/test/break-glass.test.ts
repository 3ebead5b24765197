/** Break-glass: emergency access for a coordinator, with a reason, flagged and notified. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';

describe.each(DATABASE_KINDS)('break-glass on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let participantId: string;
  let referenceId: string;
  let coordinator: string;
  let psychologist: string;
  let referenceCookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker'],
      participants: ['Ines Urgenza'],
    });
    participantId = org.participants[0]?.id ?? '';
    const reference = await addStaff(t.database, org.id, 'social_worker', 'reference');
    const psy = await addStaff(t.database, org.id, 'psychologist', 'psychologist');
    referenceId = reference.id;
    await assignTeam(t.database, org.id, participantId, [
      { userId: reference.id, reference: true },
      { userId: psy.id },
    ]);
    coordinator = await signIn(t.app, org.staff.coordinator ?? reference);
    psychologist = await signIn(t.app, psy);
    referenceCookie = await signIn(t.app, reference);
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/sections/mental_health/notes`,
      headers: { cookie: psychologist },
      payload: { body: 'Counselling note only clinicians read.' },
    });
    expect(note.statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  const section = (cookie: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}/sections/mental_health`,
      headers: { cookie },
    });

  it('requires a written reason and the coordinator role', async () => {
    const short = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/break-glass`,
      headers: { cookie: coordinator },
      payload: { section: 'mental_health', reason: 'urgent' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('reason');
    const worker = await signIn(t.app, org.staff.social_worker ?? raise());
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/break-glass`,
      headers: { cookie: worker },
      payload: {
        section: 'mental_health',
        reason: 'She called the helpline in distress and named a threat.',
      },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('opens the section for an hour, flags the audit event and tells the reference professional', async () => {
    expect((await section(coordinator)).statusCode).toBe(403);
    const reason = 'She called the helpline in distress; her psychologist is unreachable today.';
    const granted = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/break-glass`,
      headers: { cookie: coordinator },
      payload: { section: 'mental_health', reason },
    });
    expect(granted.statusCode).toBe(200);
    const expiresIn = Date.parse(granted.json().expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(55 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(60 * 60_000);

    const opened = await section(coordinator);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().notes[0].body).toBe('Counselling note only clinicians read.');

    const [event] = await t.database.ownerQuery<{ flagged: boolean; reason: string; section: string }>(
      `select flagged, reason, section from audit_event where action = 'section.break_glass' and outcome = 'allowed' and resource_id = $1`,
      [participantId],
    );
    expect(event).toEqual({ flagged: true, reason, section: 'mental_health' });
    const notices = await t.database.ownerQuery<{ recipient_user_id: string; payload: { section: string } }>(
      `select recipient_user_id, payload from notification where kind = 'break_glass'`,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.recipient_user_id).toBe(referenceId);
    expect(notices[0]?.payload.section).toBe('mental_health');
    // The notice names the case by code only, never by name.
    expect(JSON.stringify(notices[0]?.payload)).not.toContain('Ines');
  });

  it('shows the reference professional a notice naming the case by code, which she can mark read', async () => {
    const reference = await t.database.ownerQuery<{ email: string }>(
      'select email from staff_user where id = $1',
      [referenceId],
    );
    expect(reference).toHaveLength(1);
    const cookie = referenceCookie;
    const list = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    const [notice] = list.json().items;
    expect(notice).toMatchObject({
      kind: 'break_glass',
      section: 'mental_health',
      read: false,
      by: expect.any(String),
    });
    expect(notice.caseCode).toMatch(new RegExp(`^${org.prefix}-`));
    expect(list.json().unread).toBe(1);
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${notice.id}/read`,
      headers: { cookie },
      payload: {},
    });
    expect(read.statusCode).toBe(200);
    // Nobody else can see or mark her notices.
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${notice.id}/read`,
      headers: { cookie: coordinator },
      payload: {},
    });
    expect(other.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } })).json().unread,
    ).toBe(0);
  });

  it('refuses break-glass where access already exists', async () => {
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/break-glass`,
      headers: { cookie: coordinator },
      payload: { section: 'identity', reason: 'Checking the identity section in an emergency.' },
    });
    expect(again.statusCode).toBe(409);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected staff member');
}
