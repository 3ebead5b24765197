/** My tasks: the viewer's open work by urgency, by case code only; who may mark one done. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTask, isoDateIn } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, createOrganization, type TestOrganization } from './factories.js';
import { writeHeaders } from './security-helpers.js';

describe.each(DATABASE_KINDS)('tasks on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let worker: string;
  let colleague: string;
  let coordinator: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker'],
      participants: ['Zuleika Tarea'],
    });
    other = await createOrganization(t.database, { roles: ['social_worker'], participants: ['Otra'] });
    const peer = await addStaff(t.database, org.id, 'peer_worker', 'peer');
    const workerId = org.staff.social_worker?.id ?? raise();
    const participantId = org.participants[0]?.id ?? raise();
    await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
      const task = (
        kind: Parameters<typeof createTask>[1]['kind'],
        dueOn: string,
        assigneeUserId = workerId,
      ) => createTask(tx, { organizationId: org.id, participantId, assigneeUserId, kind, dueOn });
      ids.later = await task('risk_assessment', isoDateIn(7));
      ids.overdue = await task('review_after_withdrawal', isoDateIn(-2));
      ids.today = await createTask(tx, {
        organizationId: org.id,
        participantId,
        assigneeUserId: workerId,
        kind: 'tell_her_emergency_share',
        dueOn: isoDateIn(0),
        payload: { section: 'legal', caseCode: 'ignored' },
      });
      ids.peers = await task('review_after_withdrawal', isoDateIn(1), peer.id);
    });
    await t.database.db.run({ organizationId: other.id, userId: null }, async (tx) => {
      ids.elsewhere = await createTask(tx, {
        organizationId: other.id,
        participantId: other.participants[0]?.id ?? raise(),
        assigneeUserId: other.staff.social_worker?.id ?? raise(),
        kind: 'risk_assessment',
        dueOn: isoDateIn(1),
      });
    });
    worker = await signIn(t.app, org.staff.social_worker ?? raise());
    colleague = await signIn(t.app, peer);
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
  });
  afterAll(() => t?.close());

  const list = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie } });
  const done = (cookie: string, id: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/tasks/${id}/done`,
      headers: writeHeaders(cookie),
      payload: {},
    });

  it('lists my open tasks soonest first, overdue flagged, by case code and never by name', async () => {
    const response = await list(worker);
    expect(response.statusCode).toBe(200);
    const caseCode = org.participants[0]?.caseCode;
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: ids.overdue,
        kind: 'review_after_withdrawal',
        overdue: true,
        dueToday: false,
        caseCode,
      }),
      expect.objectContaining({
        id: ids.today,
        kind: 'tell_her_emergency_share',
        overdue: false,
        dueToday: true,
        section: 'legal',
      }),
      expect.objectContaining({
        id: ids.later,
        kind: 'risk_assessment',
        overdue: false,
        dueToday: false,
        dueOn: isoDateIn(7),
      }),
    ]);
    expect(response.body).not.toContain('Zuleika');
  });

  it('needs a signed-in staff member', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tasks' });
    expect(response.statusCode).toBe(401);
  });

  const nextDue = async () =>
    (
      await t.database.ownerQuery<{ due: string | null }>(
        `select next_due_on::text as due from participant where id = $1`,
        [org.participants[0]?.id],
      )
    )[0]?.due;

  it('is closed by the person it is assigned to, once; her next due date moves on', async () => {
    expect(await nextDue()).toBe(isoDateIn(-2));
    const closed = await done(worker, ids.overdue ?? raise());
    expect(await nextDue()).toBe(isoDateIn(0));
    expect(closed.statusCode).toBe(200);
    expect(closed.json().id).toBe(ids.overdue);
    expect((await list(worker)).json().items.map((i: { id: string }) => i.id)).not.toContain(ids.overdue);
    const again = await done(worker, ids.overdue ?? raise());
    expect(again.statusCode).toBe(409);
    const [event] = await t.database.ownerQuery<{ actor: string }>(
      `select actor_user_id as actor from audit_event where action = 'task.done' and resource_id = $1 and outcome = 'allowed'`,
      [ids.overdue],
    );
    expect(event?.actor).toBe(org.staff.social_worker?.id);
  });

  it('is refused to a colleague it is not assigned to, and the refusal is recorded', async () => {
    const refused = await done(colleague, ids.later ?? raise());
    expect(refused.statusCode).toBe(403);
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'task.done' and resource_id = $1 and outcome = 'denied'`,
      [ids.later],
    );
    expect(denied?.n).toBe(1);
    expect((await list(worker)).json().items.map((i: { id: string }) => i.id)).toContain(ids.later);
  });

  it('may be closed by a coordinator for anyone', async () => {
    expect((await done(coordinator, ids.peers ?? raise())).statusCode).toBe(200);
    expect((await list(colleague)).json().items).toEqual([]);
  });

  it('answers 404 for a task of another organization', async () => {
    expect((await done(coordinator, ids.elsewhere ?? raise())).statusCode).toBe(404);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
