/**
 * Her incident log through HTTP: what happened is sealed, recording one makes her assessment
 * stale and a reassessment due (through the case events), a follow-up lands on her reference
 * professional's list and is closed once, and only her safety team may read or record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';

const WHAT_HAPPENED = 'A man waited outside the language school and said her debt is not paid.';
const WHAT_WE_DID = 'Walked her home by another route; told the police contact.';

describe.each(DATABASE_KINDS)('incident log on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let reference: string;
  let peer: string;
  let outsider: string;
  let administrator: string;
  let elsewhere: string;
  let referenceId: string;
  const ids = { fresh: '', assessed: '', erased: '', unassigned: '', foreign: '' };
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker', 'peer_worker', 'administrator'],
      participants: ['Ilaria Inventata', 'Oriana Ficticia', 'Selma Borrada', 'Nadia Sinequipo'],
    });
    other = await createOrganization(t.database, {
      roles: ['social_worker'],
      participants: ['Otra Persona'],
    });
    const [fresh, assessed, erased, unassigned] = org.participants;
    ids.fresh = fresh?.id ?? raise();
    ids.assessed = assessed?.id ?? raise();
    ids.erased = erased?.id ?? raise();
    ids.unassigned = unassigned?.id ?? raise();
    ids.foreign = other.participants[0]?.id ?? raise();
    referenceId = org.staff.social_worker?.id ?? raise();
    const peerId = org.staff.peer_worker?.id ?? raise();
    for (const id of [ids.fresh, ids.assessed, ids.erased]) {
      await assignTeam(t.database, org.id, id, [
        { userId: referenceId, reference: true },
        { userId: peerId },
      ]);
    }
    // Assessed a week ago (the assessment API is built elsewhere; its columns are enough here).
    await t.database.ownerQuery(
      `update participant set risk_assessed_on = $2, risk_reassess_due_on = $3 where id = $1`,
      [ids.assessed, isoDateIn(-7), isoDateIn(80)],
    );
    await t.database.db.run({ organizationId: org.id, userId: null }, (tx) =>
      t.database.keyring.destroyParticipantKey(tx, ids.erased),
    );
    const stranger = await addStaff(t.database, org.id, 'social_worker', 'outsider');
    reference = await signIn(t.app, org.staff.social_worker ?? raise());
    peer = await signIn(t.app, org.staff.peer_worker ?? raise());
    outsider = await signIn(t.app, stranger);
    administrator = await signIn(t.app, org.staff.administrator ?? raise());
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    elsewhere = await signIn(t.app, other.staff.social_worker ?? raise());
  });
  afterAll(() => t?.close());

  const url = (participantId: string) => `/api/participants/${participantId}/incidents`;
  const list = (cookie: string, participantId = ids.fresh) =>
    t.app.inject({ method: 'GET', url: url(participantId), headers: { cookie } });
  const record = (cookie: string, payload: Record<string, unknown> = {}, participantId = ids.fresh) =>
    t.app.inject({
      method: 'POST',
      url: url(participantId),
      headers: { cookie },
      payload: {
        kind: 'threat',
        occurredOn: isoDateIn(-1),
        description: WHAT_HAPPENED,
        actionsTaken: WHAT_WE_DID,
        ...payload,
      },
    });
  const followUp = (cookie: string, incidentId: string, participantId = ids.fresh) =>
    t.app.inject({
      method: 'POST',
      url: `${url(participantId)}/${incidentId}/follow-up`,
      headers: { cookie },
      payload: {},
    });
  const openTasks = (participantId: string) =>
    t.database.ownerQuery<{ kind: string; due: string; assignee: string; payload: Record<string, string> }>(
      `select kind, due_on::text as due, assignee_user_id as assignee, payload from task
        where participant_id = $1 and done_at is null order by kind`,
      [participantId],
    );
  const triggers = (participantId: string) =>
    t.database.ownerQuery<{ kind: string; detail: Record<string, string> }>(
      `select kind, detail from risk_trigger where participant_id = $1 order by occurred_at`,
      [participantId],
    );
  const audits = (action: string, outcome = 'allowed') =>
    t.database.ownerQuery<{ actor: string; resource: string; section: string | null }>(
      `select actor_user_id as actor, resource_id as resource, section from audit_event
        where organization_id = $1 and action = $2 and outcome = $3`,
      [org.id, action, outcome],
    );
  let threatId = '';

  it('records an incident sealed with her key, a reassessment due today and a follow-up for tomorrow', async () => {
    const response = await record(reference);
    expect(response.statusCode).toBe(201);
    const created = response.json();
    threatId = created.id;
    expect(created).toMatchObject({
      kind: 'threat',
      occurredOn: isoDateIn(-1),
      description: WHAT_HAPPENED,
      actionsTaken: WHAT_WE_DID,
      recordedBy: { id: referenceId },
      followUpDoneAt: null,
    });

    const [row] = await t.database.ownerQuery<{ kind: string; occurred: string; all: string }>(
      `select kind, occurred_on::text as occurred, row_to_json(incident)::text as all from incident where id = $1`,
      [threatId],
    );
    expect(row).toMatchObject({ kind: 'threat', occurred: isoDateIn(-1) });
    expect(row?.all).not.toContain('language school');
    expect(row?.all).not.toContain('police contact');

    const tasks = await openTasks(ids.fresh);
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'incident_follow_up',
        due: isoDateIn(1),
        assignee: referenceId,
        payload: { incidentId: threatId, section: 'safety' },
      }),
      expect.objectContaining({ kind: 'risk_reassessment', due: isoDateIn(0), assignee: referenceId }),
    ]);
    expect(await triggers(ids.fresh)).toEqual([{ kind: 'incident', detail: { incidentId: threatId } }]);
    expect((await audits('incident.recorded')).map((a) => a.resource)).toContain(ids.fresh);
    // Never assessed: nothing to mark stale, but the reassessment is due all the same.
    const [state] = await t.database.ownerQuery<{ stale: string | null }>(
      `select risk_stale_since::text as stale from participant where id = $1`,
      [ids.fresh],
    );
    expect(state?.stale).toBeNull();
  });

  it('names contact from traffickers as such, and makes an assessed case stale', async () => {
    const response = await record(peer, { kind: 'contact_attempt', actionsTaken: '' }, ids.assessed);
    expect(response.statusCode).toBe(201);
    expect(response.json().actionsTaken).toBe('');
    const id = response.json().id;
    expect(await triggers(ids.assessed)).toEqual([
      { kind: 'trafficker_contact', detail: { incidentId: id } },
    ]);
    const [state] = await t.database.ownerQuery<{ stale: string | null }>(
      `select risk_stale_since::text as stale from participant where id = $1`,
      [ids.assessed],
    );
    expect(state?.stale).not.toBeNull();
    // Recorded by a peer worker: the follow-up still goes to her reference professional.
    expect((await openTasks(ids.assessed)).map((task) => [task.kind, task.assignee])).toEqual([
      ['incident_follow_up', referenceId],
      ['risk_reassessment', referenceId],
    ]);
  });

  it('brings an open assessment task forward instead of adding another', async () => {
    await record(reference, { kind: 'suspicious_person', occurredOn: isoDateIn(0) });
    const kinds = (await openTasks(ids.fresh)).map((task) => task.kind);
    expect(kinds.filter((k) => k === 'risk_reassessment')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'incident_follow_up')).toHaveLength(2);
  });

  it('gives the follow-up to whoever recorded it when she has no reference professional yet', async () => {
    const response = await record(coordinator, { kind: 'phone_taken' }, ids.unassigned);
    expect(response.statusCode).toBe(201);
    const coordinatorId = org.staff.coordinator?.id;
    expect((await openTasks(ids.unassigned)).map((task) => [task.kind, task.assignee])).toEqual([
      ['incident_follow_up', coordinatorId],
      ['risk_reassessment', coordinatorId],
    ]);
  });

  it('lists her incidents newest first to her team, and audits the reading', async () => {
    const response = await list(peer);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.canRecord).toBe(true);
    expect(body.items.map((i: { kind: string }) => i.kind)).toEqual(['suspicious_person', 'threat']);
    expect(body.items[1]).toMatchObject({ id: threatId, description: WHAT_HAPPENED });
    const reads = await audits('incident.read');
    expect(reads).toContainEqual(
      expect.objectContaining({ actor: org.staff.peer_worker?.id, resource: ids.fresh, section: 'safety' }),
    );
  });

  it('marks a follow-up done once, closing its task', async () => {
    const done = await followUp(reference, threatId);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: threatId, followUpBy: { id: referenceId } });
    expect(done.json().followUpDoneAt).not.toBeNull();
    const [task] = await t.database.ownerQuery<{ done: string | null }>(
      `select done_at::text as done from task where kind = 'incident_follow_up' and payload->>'incidentId' = $1`,
      [threatId],
    );
    expect(task?.done).not.toBeNull();
    expect((await audits('incident.followed_up')).map((a) => a.resource)).toContain(ids.fresh);

    const again = await followUp(reference, threatId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    const unknown = await followUp(reference, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a social worker who is not on her team, and records the refusals', async () => {
    expect((await list(outsider)).statusCode).toBe(403);
    expect((await record(outsider)).statusCode).toBe(403);
    expect((await followUp(outsider, threatId)).statusCode).toBe(403);
    expect((await audits('incident.read', 'denied')).map((a) => a.resource)).toContain(ids.fresh);
    expect((await audits('incident.record', 'denied')).map((a) => a.resource)).toContain(ids.fresh);
    expect((await audits('incident.followed_up', 'denied')).map((a) => a.resource)).toContain(ids.fresh);
  });

  it('refuses an administrator: her safety section is not theirs to open', async () => {
    expect((await list(administrator)).statusCode).toBe(403);
    expect((await record(administrator)).statusCode).toBe(403);
  });

  it('answers 404 for a case of another organization, both ways', async () => {
    expect((await list(elsewhere)).statusCode).toBe(404);
    expect((await record(elsewhere)).statusCode).toBe(404);
    expect((await list(reference, ids.foreign)).statusCode).toBe(404);
  });

  it('refuses a date in the future and a missing description, naming the field', async () => {
    const future = await record(reference, { occurredOn: isoDateIn(3) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('VALIDATION_FAILED');
    expect(future.json().error.message).toContain('occurredOn');
    const empty = await record(reference, { description: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.map((d: { field: string }) => d.field)).toContain('description');
    const unknownKind = await record(reference, { kind: 'weather' });
    expect(unknownKind.json().error.details.map((d: { field: string }) => d.field)).toContain('kind');
  });

  it('refuses to add to an erased case', async () => {
    const response = await record(reference, {}, ids.erased);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
    expect(await triggers(ids.erased)).toEqual([]);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
