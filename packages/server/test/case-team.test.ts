/** The case team: who may change it, handovers with a sealed note, and the count of changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTask } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';

const NOTE = 'She prefers mornings; the housing appeal is due on Friday. Speak slowly, no phone calls.';

describe.each(DATABASE_KINDS)('case team on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let participantId: string;
  let reference: TestStaff;
  let member: TestStaff;
  let newcomer: TestStaff;
  let peer: TestStaff;
  let outsider: TestStaff;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'administrator'],
      participants: ['Lena Continua'],
    });
    participantId = org.participants[0]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'rita');
    member = await addStaff(t.database, org.id, 'psychologist', 'mara');
    newcomer = await addStaff(t.database, org.id, 'social_educator', 'nora');
    peer = await addStaff(t.database, org.id, 'peer_worker', 'paula');
    outsider = await addStaff(t.database, org.id, 'social_worker', 'olga');
    await assignTeam(t.database, org.id, participantId, [
      { userId: reference.id, reference: true },
      { userId: member.id },
    ]);
    for (const [name, staff] of Object.entries({ reference, member, newcomer, outsider })) {
      cookies[name] = await signIn(t.app, staff);
    }
    cookies.coordinator = await signIn(t.app, org.staff.coordinator ?? reference);
  });
  afterAll(() => t?.close());

  const url = (rest = '') => `/api/participants/${participantId}/team${rest}`;
  const get = (cookie: string) => t.app.inject({ method: 'GET', url: url(), headers: { cookie } });
  const post = (cookie: string, rest: string, payload: object) =>
    t.app.inject({ method: 'POST', url: url(rest), headers: { cookie }, payload });

  it('shows the reference professional, the members with their roles, and no changes yet', async () => {
    const team = await get(cookies.member ?? '');
    expect(team.statusCode).toBe(200);
    const body = team.json();
    expect(body.reference).toMatchObject({ id: reference.id, roles: ['social_worker'], isReference: true });
    expect(body.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['mara', 'rita']);
    expect(body.referenceChanges).toBe(0);
    expect(body.abilities.manage).toBe(false);
  });

  it('refuses team changes to a member who is neither the reference nor a coordinator, and records it', async () => {
    const refused = await post(cookies.member ?? '', '/members', { userId: newcomer.id });
    expect(refused.statusCode).toBe(403);
    const handover = await post(cookies.outsider ?? '', '/handover', { toUserId: outsider.id, note: NOTE });
    expect(handover.statusCode).toBe(403);
    const denials = await t.database.ownerQuery<{ action: string }>(
      `select action from audit_event where outcome = 'denied' and resource_id = $1 order by seq`,
      [participantId],
    );
    expect(denials.map((d) => d.action)).toEqual(['case.team_changed', 'case.handover']);
  });

  it('lets the reference add and remove colleagues, but never remove herself as reference', async () => {
    const added = await post(cookies.reference ?? '', '/members', { userId: peer.id });
    expect(added.statusCode).toBe(201);
    expect((await post(cookies.reference ?? '', '/members', { userId: peer.id })).statusCode).toBe(409);
    const admin = await post(cookies.reference ?? '', '/members', { userId: org.staff.administrator?.id });
    expect(admin.statusCode).toBe(400);
    expect(admin.json().error.details[0].field).toBe('userId');

    const removePeer = await t.app.inject({
      method: 'DELETE',
      url: url(`/members/${peer.id}`),
      headers: { cookie: cookies.reference ?? '' },
    });
    expect(removePeer.statusCode).toBe(200);
    const removeReference = await t.app.inject({
      method: 'DELETE',
      url: url(`/members/${reference.id}`),
      headers: { cookie: cookies.coordinator ?? '' },
    });
    expect(removeReference.statusCode).toBe(409);
    expect(removeReference.json().error.message).toMatch(/reference professional cannot be removed/);
    const reasons = await t.database.ownerQuery<{ reason: string }>(
      `select reason from audit_event where action = 'case.team_changed' and outcome = 'allowed' and resource_id = $1 order by seq`,
      [participantId],
    );
    expect(reasons.map((r) => r.reason)).toEqual([`added:${peer.id}`, `removed:${peer.id}`]);
  });

  it('requires a handover note of at least 20 characters', async () => {
    const missing = await post(cookies.reference ?? '', '/handover', { toUserId: newcomer.id });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('note');
    const short = await post(cookies.reference ?? '', '/handover', {
      toUserId: newcomer.id,
      note: 'see file',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({
      field: 'note',
      message: expect.stringMatching(/20/),
    });
    const toPeer = await post(cookies.reference ?? '', '/handover', { toUserId: peer.id, note: NOTE });
    expect(toPeer.statusCode).toBe(400);
    expect(toPeer.json().error.details[0].field).toBe('toUserId');
  });

  it('hands over: new reference on the team, previous stays, count grows, note sealed, newcomer told', async () => {
    // Work the previous reference owed on this case moves to the new one; her other work stays hers.
    await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
      const owed = {
        organizationId: org.id,
        participantId,
        kind: 'risk_assessment' as const,
        dueOn: '2026-12-01',
      };
      await createTask(tx, { ...owed, assigneeUserId: reference.id });
      await createTask(tx, { ...owed, assigneeUserId: member.id });
    });
    const done = await post(cookies.reference ?? '', '/handover', { toUserId: newcomer.id, note: NOTE });
    expect(done.statusCode).toBe(201);

    const team = (await get(cookies.newcomer ?? '')).json();
    expect(team.reference.id).toBe(newcomer.id);
    expect(team.referenceChanges).toBe(1);
    expect(team.members.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([reference.id, member.id, newcomer.id]),
    );
    expect(team.handovers).toHaveLength(1);
    expect(team.handovers[0]).toMatchObject({
      from: { id: reference.id },
      to: { id: newcomer.id },
      by: { id: reference.id },
      note: NOTE,
      noteHidden: false,
    });
    expect(team.abilities.manage).toBe(true);

    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}`,
      headers: { cookie: cookies.newcomer ?? '' },
    });
    expect(detail.json().referenceChanges).toBe(1);
    const assignees = await t.database.ownerQuery<{ assignee: string }>(
      'select assignee_user_id as assignee from task where participant_id = $1 order by assignee_user_id',
      [participantId],
    );
    expect(assignees.map((a) => a.assignee).sort()).toEqual([newcomer.id, member.id].sort());

    const stored = await t.database.ownerQuery<{ note_enc: string }>(
      'select note_enc from reference_handover where participant_id = $1',
      [participantId],
    );
    expect(stored[0]?.note_enc).toMatch(/^v1\./);
    expect(stored[0]?.note_enc).not.toContain('housing');

    const notices = await t.database.ownerQuery<{ recipient_user_id: string; payload: object }>(
      `select recipient_user_id, payload from notification where kind = 'handover'`,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.recipient_user_id).toBe(newcomer.id);
    expect(JSON.stringify(notices[0]?.payload)).not.toContain('Lena');
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/notifications',
      headers: { cookie: cookies.newcomer ?? '' },
    });
    expect(inbox.json().items[0]).toMatchObject({ kind: 'handover', participantId, by: 'rita', read: false });
    expect(inbox.json().items[0].caseCode).toMatch(new RegExp(`^${org.prefix}-`));
    const [audit] = await t.database.ownerQuery<{ reason: string }>(
      `select reason from audit_event where action = 'case.handover' and outcome = 'allowed' and resource_id = $1`,
      [participantId],
    );
    expect(audit?.reason).toBe(`handover:${newcomer.id}`);

    // The previous reference no longer steers the case; the count grows with each change.
    expect((await post(cookies.reference ?? '', '/members', { userId: peer.id })).statusCode).toBe(403);
    const back = await post(cookies.coordinator ?? '', '/handover', {
      toUserId: reference.id,
      note: 'Back to Rita while Nora is on leave for two weeks.',
    });
    expect(back.statusCode).toBe(201);
    expect((await get(cookies.coordinator ?? '')).json().referenceChanges).toBe(2);
    const again = await post(cookies.coordinator ?? '', '/handover', { toUserId: reference.id, note: NOTE });
    expect(again.statusCode).toBe(409);
  });

  it('shows handover notes only to her team and coordinators', async () => {
    const outside = (await get(cookies.outsider ?? '')).json();
    expect(outside.handovers[0]).toMatchObject({ note: null, noteHidden: true });
    const coordinator = (await get(cookies.coordinator ?? '')).json();
    expect(coordinator.handovers.map((h: { note: string }) => h.note)).toContain(NOTE);
  });

  it('lists colleagues who work on cases, names and roles only', async () => {
    const directory = await t.app.inject({
      method: 'GET',
      url: '/api/staff/directory',
      headers: { cookie: cookies.member ?? '' },
    });
    expect(directory.statusCode).toBe(200);
    const items = directory.json().items as { id: string; canBeReference: boolean }[];
    expect(items.map((i) => i.id)).not.toContain(org.staff.administrator?.id);
    expect(items.find((i) => i.id === newcomer.id)?.canBeReference).toBe(true);
    expect(items.find((i) => i.id === peer.id)?.canBeReference).toBe(false);
    expect(JSON.stringify(items)).not.toContain('@test.example');
  });
});
