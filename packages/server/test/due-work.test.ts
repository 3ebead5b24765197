/**
 * Due work: my tasks by urgency and their counts, the coordinator's overdue view of the whole
 * organization, the case header's risk status, and the case records that make her assessment
 * out of date (starting to collaborate with the police, a new witness status, any other legal
 * change, a new address) once her intake is complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTask, isoDateIn } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { openCase, person, saveStep } from './intake-helpers.js';

type Task = {
  id: string;
  kind: string;
  caseCode: string | null;
  dueOn: string;
  overdue: boolean;
  dueToday: boolean;
  trigger?: string | null;
  section: string | null;
};

describe.each(DATABASE_KINDS)('due work on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let worker: string;
  let planner: string;
  let coordinator: string;
  let peer: string;
  let workerId: string;
  let plannerId: string;
  const ids: Record<string, string> = {};
  const cases: Record<string, { id: string; caseCode: string }> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker', 'peer_worker'],
      participants: ['Zelda Urgente', 'Mira Legal', 'Noor Sinvalor', 'Ada Mudanza', 'Vera Cabecera'],
    });
    workerId = org.staff.social_worker?.id ?? raise();
    const plannerStaff = await addStaff(t.database, org.id, 'social_worker', 'planner');
    plannerId = plannerStaff.id;
    const [urgent, legal, unassessed, moving, header] = org.participants;
    cases.urgent = urgent ?? raise();
    cases.legal = legal ?? raise();
    cases.unassessed = unassessed ?? raise();
    cases.moving = moving ?? raise();
    cases.header = header ?? raise();
    for (const c of [cases.legal, cases.unassessed, cases.moving, cases.header]) {
      await assignTeam(t.database, org.id, c.id, [
        { userId: workerId, reference: true },
        { userId: org.staff.peer_worker?.id ?? raise() },
      ]);
    }
    await assignTeam(t.database, org.id, cases.urgent.id, [{ userId: plannerId, reference: true }]);
    // The planner's own list, on one case: what order and what counts does she see?
    await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
      const task = (
        taskKind: Parameters<typeof createTask>[1]['kind'],
        days: number,
        payload?: Record<string, string>,
      ) =>
        createTask(tx, {
          organizationId: org.id,
          participantId: cases.urgent?.id ?? raise(),
          assigneeUserId: plannerId,
          kind: taskKind,
          dueOn: isoDateIn(days),
          ...(payload ? { payload } : {}),
        });
      ids.later = await task('risk_measure', 3, { section: 'safety' });
      ids.farLater = await task('review_after_withdrawal', 10);
      ids.todayOther = await task('tell_her_emergency_share', 0);
      ids.todaySafety = await task('risk_reassessment', 0, {
        section: 'safety',
        trigger: 'residence_changed',
      });
      ids.longOverdue = await task('incident_follow_up', -9, { section: 'safety' });
      ids.overdue = await task('confirm_risk_lowering', -1, { section: 'safety', trigger: 'not-a-code' });
    });
    worker = await signIn(t.app, org.staff.social_worker ?? raise());
    planner = await signIn(t.app, plannerStaff);
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    peer = await signIn(t.app, org.staff.peer_worker ?? raise());
  });
  afterAll(() => t?.close());

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const myTasks = async (cookie: string) => (await get(cookie, '/api/tasks')).json().items as Task[];
  const readRecord = async (cookie: string, id: string, section: string) => {
    const response = await get(cookie, `/api/participants/${id}/records/${section}?reveal=true`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { version: number; data: Record<string, unknown> };
  };
  const saveRecord = async (cookie: string, id: string, section: string, data: Record<string, unknown>) => {
    const { version } = await readRecord(cookie, id, section);
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/participants/${id}/records/${section}`,
      headers: { cookie },
      payload: { version, data },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const triggers = async (participantId: string) =>
    (
      await t.database.ownerQuery<{ kind: string }>(
        `select kind from risk_trigger where participant_id = $1 order by occurred_at, id`,
        [participantId],
      )
    ).map((row) => row.kind);
  const caseRow = async (participantId: string) =>
    (
      await t.database.ownerQuery<{ level: string | null; rank: number; stale: string | null }>(
        `select risk_level as level, risk_rank as rank, risk_stale_since::text as stale
           from participant where id = $1`,
        [participantId],
      )
    )[0];
  const openAssessmentTasks = (participantId: string) =>
    t.database.ownerQuery<{ kind: string; due: string; assignee: string }>(
      `select kind, due_on::text as due, assignee_user_id as assignee from task
        where participant_id = $1 and done_at is null and kind in ('risk_assessment', 'risk_reassessment')`,
      [participantId],
    );

  describe('my tasks', () => {
    it('lists overdue first (longest first), then due today (her safety first), then coming up', async () => {
      const items = await myTasks(planner);
      expect(items.map((item) => item.id)).toEqual([
        ids.longOverdue,
        ids.overdue,
        ids.todaySafety,
        ids.todayOther,
        ids.later,
        ids.farLater,
      ]);
      expect(items[0]).toMatchObject({
        kind: 'incident_follow_up',
        overdue: true,
        dueToday: false,
        caseCode: cases.urgent?.caseCode,
        section: 'safety',
      });
      expect(items[1]).toMatchObject({ kind: 'confirm_risk_lowering', overdue: true, trigger: null });
      expect(items[2]).toMatchObject({
        kind: 'risk_reassessment',
        overdue: false,
        dueToday: true,
        trigger: 'residence_changed',
      });
      expect(items[4]).toMatchObject({ kind: 'risk_measure', overdue: false, dueToday: false });
      expect(JSON.stringify(items)).not.toContain('Zelda');
    });

    it('counts overdue and due-soon tasks for the navigation (today to seven days ahead)', async () => {
      const response = await get(planner, '/api/tasks/counts');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ overdue: 2, dueSoon: 3 });
      const done = await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${ids.longOverdue}/done`,
        headers: { cookie: planner },
        payload: {},
      });
      expect(done.statusCode).toBe(200);
      expect((await get(planner, '/api/tasks/counts')).json()).toEqual({ overdue: 1, dueSoon: 3 });
      expect((await t.app.inject({ method: 'GET', url: '/api/tasks/counts' })).statusCode).toBe(401);
    });

    it('refuses to tick off a reassessment or a lowering decision: they close when the work is saved', async () => {
      for (const id of [ids.todaySafety, ids.overdue]) {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${id}/done`,
          headers: { cookie: planner },
          payload: {},
        });
        expect(response.statusCode).toBe(409);
        expect(response.json().error.message).toMatch(/closes by itself/);
      }
    });
  });

  describe("the coordinator's overdue view", () => {
    it('shows every overdue task of the organization, most overdue first, with who holds it', async () => {
      await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
        ids.workersOverdue = await createTask(tx, {
          organizationId: org.id,
          participantId: cases.header?.id ?? raise(),
          assigneeUserId: workerId,
          kind: 'risk_reassessment',
          dueOn: isoDateIn(-4),
          payload: { section: 'safety', trigger: 'incident' },
        });
      });
      const response = await get(coordinator, '/api/tasks/overdue');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.truncated).toBe(false);
      expect(body.items).toEqual([
        expect.objectContaining({
          id: ids.workersOverdue,
          kind: 'risk_reassessment',
          trigger: 'incident',
          caseCode: cases.header?.caseCode,
          dueOn: isoDateIn(-4),
          daysOverdue: 4,
          assignee: expect.objectContaining({ id: workerId }),
        }),
        expect.objectContaining({
          id: ids.overdue,
          kind: 'confirm_risk_lowering',
          caseCode: cases.urgent?.caseCode,
          daysOverdue: 1,
          assignee: { id: plannerId, displayName: 'planner' },
        }),
      ]);
      expect(response.body).not.toMatch(/Zelda|Vera/);
      const [audited] = await t.database.ownerQuery<{ n: number }>(
        `select count(*)::int as n from audit_event
          where action = 'task.org_overview' and outcome = 'allowed' and actor_user_id = $1`,
        [org.staff.coordinator?.id],
      );
      expect(audited?.n).toBe(1);
    });

    it('is refused to a social worker, and the refusal is recorded', async () => {
      expect((await get(worker, '/api/tasks/overdue')).statusCode).toBe(403);
      const [denied] = await t.database.ownerQuery<{ n: number }>(
        `select count(*)::int as n from audit_event
          where action = 'task.org_overview' and outcome = 'denied' and actor_user_id = $1`,
        [workerId],
      );
      expect(denied?.n).toBe(1);
    });
  });

  describe('the case header', () => {
    it('shows her risk status to everyone who may open the case: age, stale, overdue', async () => {
      await t.database.ownerQuery(
        `update participant set risk_level = 'high', risk_rank = 2, risk_assessed_on = $2::date,
           risk_reassess_due_on = $3::date, risk_stale_since = now() - interval '2 days' where id = $1`,
        [cases.header?.id, isoDateIn(-40), isoDateIn(-10)],
      );
      for (const cookie of [worker, peer, coordinator]) {
        const response = await get(cookie, `/api/participants/${cases.header?.id}`);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json().risk).toEqual({
          level: 'high',
          assessedOn: isoDateIn(-40),
          ageDays: 40,
          stale: true,
          staleSince: expect.any(String),
          reassessDueOn: isoDateIn(-10),
          overdue: true,
          nearRiskArea: false,
          pendingLowering: false,
        });
      }
      await t.database.ownerQuery(`update participant set risk_level = null, risk_rank = -1 where id = $1`, [
        cases.unassessed?.id,
      ]);
      const fresh = await get(worker, `/api/participants/${cases.unassessed?.id}`);
      expect(fresh.json().risk).toMatchObject({
        level: null,
        assessedOn: null,
        ageDays: null,
        stale: false,
        overdue: false,
      });
    });
  });

  describe('case records that make her assessment out of date', () => {
    it('starting to collaborate with the police raises her level, marks it stale and makes a reassessment due today', async () => {
      const id = cases.legal?.id ?? raise();
      await t.database.ownerQuery(
        `update participant set risk_level = 'low', risk_rank = 0, risk_assessed_on = $2::date,
           risk_reassess_due_on = $3::date, risk_stale_since = null where id = $1`,
        [id, isoDateIn(-20), isoDateIn(160)],
      );
      await saveRecord(worker, id, 'legal', {
        legal: { asylumSeeker: 'no', legalSituations: ['no_documents'] },
      });
      expect(await triggers(id)).toEqual(['legal_changed']);

      await saveRecord(worker, id, 'legal', {
        legal: { asylumSeeker: 'no', legalSituations: ['no_documents', 'collaborating_with_police'] },
      });
      expect(await triggers(id)).toEqual(['legal_changed', 'collaboration_started']);
      const row = await caseRow(id);
      expect(row).toMatchObject({ level: 'medium', rank: 1 });
      expect(row?.stale).not.toBeNull();
      expect(await openAssessmentTasks(id)).toEqual([
        { kind: 'risk_reassessment', due: isoDateIn(0), assignee: workerId },
      ]);
      const task = (await myTasks(worker)).find((item) => item.caseCode === cases.legal?.caseCode);
      expect(task).toMatchObject({
        kind: 'risk_reassessment',
        dueToday: true,
        overdue: false,
        trigger: 'collaboration_started',
        section: 'safety',
      });
      const detail = (await get(worker, `/api/participants/${id}`)).json();
      expect(detail.risk).toMatchObject({ level: 'medium', stale: true });
      expect(detail.riskLevel).toBe('medium');
    });

    it('publishes a legal change only when the legal record really changed', async () => {
      const id = cases.legal?.id ?? raise();
      // The same situations in another order, saved again: nothing changed.
      await saveRecord(worker, id, 'legal', {
        legal: { asylumSeeker: 'no', legalSituations: ['collaborating_with_police', 'no_documents'] },
      });
      expect(await triggers(id)).toEqual(['legal_changed', 'collaboration_started']);
      // Ending a situation is a legal change, not a new collaboration.
      await saveRecord(worker, id, 'legal', {
        legal: { asylumSeeker: 'no', legalSituations: ['collaborating_with_police'] },
      });
      // Becoming a protected witness is said as such.
      await saveRecord(worker, id, 'legal', {
        legal: { asylumSeeker: 'no', legalSituations: ['collaborating_with_police', 'protected_witness'] },
      });
      expect(await triggers(id)).toEqual([
        'legal_changed',
        'collaboration_started',
        'legal_changed',
        'witness_status',
      ]);
      // Still one open reassessment for her, due today.
      expect(await openAssessmentTasks(id)).toEqual([
        { kind: 'risk_reassessment', due: isoDateIn(0), assignee: workerId },
      ]);
    });

    it('a case never assessed gets the provisional level, is not called stale, and her assessment falls due today', async () => {
      const id = cases.unassessed?.id ?? raise();
      await saveRecord(worker, id, 'legal', {
        legal: { asylumSeeker: null, legalSituations: ['collaborating_with_police'] },
      });
      expect(await triggers(id)).toEqual(['collaboration_started']);
      expect(await caseRow(id)).toMatchObject({ level: 'medium', stale: null });
      expect(await openAssessmentTasks(id)).toEqual([
        { kind: 'risk_reassessment', due: isoDateIn(0), assignee: workerId },
      ]);
    });

    it('a new address is a change of residence; the same address is not', async () => {
      const id = cases.moving?.id ?? raise();
      const contact = { phones: ['+34 600 000 111'], address: '12 Example Street', codeWord: 'lantern' };
      await saveRecord(worker, id, 'identity', { contact });
      expect(await triggers(id)).toEqual(['residence_changed']);
      await saveRecord(worker, id, 'identity', { contact: { ...contact, address: ' 12  example street ' } });
      await saveRecord(worker, id, 'identity', { contact: { ...contact, codeWord: 'harbour' } });
      expect(await triggers(id)).toEqual(['residence_changed']);
      await saveRecord(worker, id, 'identity', { contact: { ...contact, address: '3 Synthetic Square' } });
      expect(await triggers(id)).toEqual(['residence_changed', 'residence_changed']);
    });

    it('publishes nothing while her intake is still open', async () => {
      const { id } = await openCase(t, worker, person({ preferredName: 'Iulia' }));
      const before = (await caseRow(id))?.level ?? null;
      const saved = await saveStep(t, worker, id, 'legal', {
        asylumSeeker: 'no',
        legalSituations: ['collaborating_with_police', 'protected_witness'],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(
        (await saveStep(t, worker, id, 'contact', { phones: [], address: '5 Draft Road' })).statusCode,
      ).toBe(200);
      await saveRecord(worker, id, 'legal', { legal: { asylumSeeker: 'yes', legalSituations: [] } });
      expect(await triggers(id)).toEqual([]);
      expect((await caseRow(id))?.level ?? null).toBe(before);
      expect(await openAssessmentTasks(id)).toEqual([]);
    });
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
