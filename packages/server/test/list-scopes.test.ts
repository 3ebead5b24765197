/** The case list: my cases, team cases, all cases; filters, the legal filter's limits, next due. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTask, refreshNextDue } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import {
  addStaff,
  assignTeam,
  createOrganization,
  type TestOrganization,
  type TestStaff,
} from './factories.js';

type Summary = { id: string; nextDueOn?: string | null };

describe.each(DATABASE_KINDS)('case list scopes and filters on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let worker: TestStaff;
  let lawyer: TestStaff;
  let peer: TestStaff;
  let ids: string[];
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Ada Uno', 'Bea Dos', 'Cleo Tres', 'Dina Cuatro', 'Eva Cinco'],
    });
    ids = org.participants.map((p) => p.id);
    const [p1, p2, p3, p4, p5] = ids as [string, string, string, string, string];
    worker = await addStaff(t.database, org.id, 'social_worker', 'worker');
    lawyer = await addStaff(t.database, org.id, 'lawyer', 'lawyer');
    peer = await addStaff(t.database, org.id, 'peer_worker', 'peer');
    const other = await addStaff(t.database, org.id, 'social_worker', 'other');
    await assignTeam(t.database, org.id, p1, [{ userId: worker.id, reference: true }]);
    await assignTeam(t.database, org.id, p2, [{ userId: worker.id, reference: true }, { userId: lawyer.id }]);
    await assignTeam(t.database, org.id, p3, [{ userId: other.id, reference: true }, { userId: worker.id }]);
    await assignTeam(t.database, org.id, p4, [{ userId: other.id, reference: true }, { userId: peer.id }]);
    await t.database.ownerQuery(
      `update participant set legal_situations = array['asylum_in_process'] where id = $1 or id = $2`,
      [p2, p4],
    );
    await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
      const task = (participantId: string, dueOn: string) =>
        createTask(tx, {
          organizationId: org.id,
          participantId,
          assigneeUserId: worker.id,
          kind: 'risk_assessment',
          dueOn,
        });
      await task(p1, '2026-01-10');
      await task(p1, '2026-05-01');
      await task(p4, '2026-03-01');
      const done = await task(p3, '2026-02-01');
      await tx.execute(`update task set done_at = now() where id = '${done}'`);
      await refreshNextDue(tx, p3);
      await task(p5, '2026-06-01');
    });
    cookie.worker = await signIn(t.app, worker);
    cookie.lawyer = await signIn(t.app, lawyer);
    cookie.peer = await signIn(t.app, peer);
    cookie.coordinator = await signIn(t.app, org.staff.coordinator ?? worker);
  });
  afterAll(() => t?.close());

  const list = (who: string, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/participants${query}`, headers: { cookie: cookie[who] ?? '' } });
  const idsOf = async (who: string, query = '') =>
    ((await list(who, query)).json().items as Summary[]).map((i) => i.id).sort();

  it('finds one case by its exact code, whatever the capitals', async () => {
    const target = org.participants[2];
    if (!target) throw new Error('missing participant');
    const found = (await list('worker', `?scope=all&caseCode=${target.caseCode.toLowerCase()}`)).json();
    expect(found.items.map((i: Summary) => i.id)).toEqual([target.id]);
    expect((await list('worker', '?scope=all&caseCode=NOPE-0000-0000')).json().total).toBe(0);
    const tooShort = await list('worker', '?caseCode=ab');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details[0].field).toBe('caseCode');
  });

  it('shows a social worker her own cases first, then her team cases or all of them', async () => {
    const [p1, p2, p3] = ids;
    const mine = (await list('worker')).json();
    expect(mine.scope).toBe('mine');
    expect(mine.total).toBe(2);
    expect(mine.items.map((i: Summary) => i.id).sort()).toEqual([p1, p2].sort());
    expect(await idsOf('worker', '?scope=team')).toEqual([p1, p2, p3].sort());
    expect((await list('worker', '?scope=all')).json().total).toBe(5);
  });

  it('starts coordinators and peer workers on all cases', async () => {
    expect((await list('coordinator')).json()).toMatchObject({ scope: 'all', total: 5 });
    const peer = (await list('peer')).json();
    expect(peer).toMatchObject({ scope: 'all', total: 5 });
    expect((await list('peer', '?scope=team')).json().total).toBe(1);
    expect((await list('peer', '?scope=mine')).json().total).toBe(0);
  });

  it('filters by reference professional', async () => {
    const [p1, p2] = ids;
    expect(await idsOf('coordinator', `?referenceUserId=${worker.id}`)).toEqual([p1, p2].sort());
    const bad = await list('coordinator', '?referenceUserId=someone');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('referenceUserId');
  });

  it('refuses the legal-situation filter to a social worker, and records the refusal', async () => {
    const refused = await list('worker', '?scope=all&legalSituation=asylum_in_process');
    expect(refused.statusCode).toBe(403);
    const [denial] = await t.database.ownerQuery<{ section: string }>(
      `select section from audit_event where outcome = 'denied' and action = 'participant.list' and actor_user_id = $1`,
      [worker.id],
    );
    expect(denial?.section).toBe('legal');
    expect((await list('worker')).json().abilities).toMatchObject({
      openCase: true,
      filterByLegalSituation: false,
      filterByAttention: true,
    });
  });

  it('lets a coordinator filter the organization by legal situation, and a lawyer only her own cases', async () => {
    const [, p2, , p4] = ids;
    expect(await idsOf('coordinator', '?legalSituation=asylum_in_process')).toEqual([p2, p4].sort());
    const lawyerList = (await list('lawyer', '?scope=all&legalSituation=asylum_in_process')).json();
    expect(lawyerList.items.map((i: Summary) => i.id)).toEqual([p2]);
    expect(lawyerList.abilities.filterByLegalSituation).toBe(true);
    const unknown = await list('coordinator', '?legalSituation=tourist');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('legalSituation');
  });

  it('filters by next due date and sorts by it, cases with nothing due last', async () => {
    const [p1, , p3, p4, p5] = ids;
    expect(await idsOf('coordinator', '?dueBy=2026-02-15')).toEqual([p1]);
    expect(await idsOf('coordinator', '?dueBy=2026-03-01')).toEqual([p1, p4].sort());
    const sorted = (await list('coordinator', '?sort=next_due&order=asc')).json().items as Summary[];
    expect(sorted.slice(0, 3).map((i) => [i.id, i.nextDueOn])).toEqual([
      [p1, '2026-01-10'],
      [p4, '2026-03-01'],
      [p5, '2026-06-01'],
    ]);
    expect(sorted.find((i) => i.id === p3)?.nextDueOn).toBeNull();
    const latestFirst = (await list('coordinator', '?sort=next_due&order=desc')).json().items as Summary[];
    expect(latestFirst[0]?.id).toBe(p5);
    expect(latestFirst.at(-1)?.nextDueOn).toBeNull();
    const bad = await list('coordinator', '?dueBy=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('dueBy');
  });

  it('offers "open a case" only to roles that run intakes', async () => {
    expect((await list('peer')).json().abilities.openCase).toBe(false);
    expect((await list('lawyer')).json().abilities.openCase).toBe(true);
  });
});
