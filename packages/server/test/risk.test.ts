/**
 * Her risk assessments: scored on the server with the rules in force (their version kept),
 * answers and notes sealed, professional judgment with a written reason, a lowering that waits
 * for a coordinator unless a coordinator makes it, and need-to-know access to her safety section.
 */
import { RISK_FACTORS, RISK_RULES_VERSION, type RiskFactor } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const NOTE = 'She saw the man from the flat near the bakery on Calle Ficticia twice this week.';

/** Every factor answered "no", except those given. */
function answers(given: Partial<Record<RiskFactor, 'yes' | 'unknown'>> = {}, notes = {}) {
  return Object.fromEntries(
    RISK_FACTORS.map((factor) => [
      factor,
      { answer: given[factor] ?? 'no', note: (notes as Record<string, string>)[factor] ?? '' },
    ]),
  );
}

describe.each(DATABASE_KINDS)('risk assessments on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let participantId: string;
  let reference: TestStaff;
  let peer: TestStaff;
  let outsider: TestStaff;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Nadia Ficticia'],
    });
    other = await createOrganization(t.database, { roles: ['coordinator'], participants: ['Otra Persona'] });
    participantId = org.participants[0]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    peer = await addStaff(t.database, org.id, 'peer_worker', 'pilar');
    outsider = await addStaff(t.database, org.id, 'social_worker', 'olga');
    await assignTeam(t.database, org.id, participantId, [
      { userId: reference.id, reference: true },
      { userId: peer.id },
    ]);
    for (const [name, staff] of Object.entries({ reference, peer, outsider })) {
      cookies[name] = await signIn(t.app, staff);
    }
    cookies.coordinator = await signIn(t.app, org.staff.coordinator ?? reference);
    cookies.elsewhere = await signIn(t.app, other.staff.coordinator ?? reference);
  });
  afterAll(() => t?.close());

  const url = (rest = '', id = participantId) => `/api/participants/${id}/risk${rest}`;
  const get = (who: string, rest = '', id = participantId) =>
    t.app.inject({ method: 'GET', url: url(rest, id), headers: { cookie: cookies[who] ?? '' } });
  const post = (who: string, rest: string, payload: object, id = participantId) =>
    t.app.inject({ method: 'POST', url: url(rest, id), headers: { cookie: cookies[who] ?? '' }, payload });
  const caseRow = async () =>
    (
      await t.database.ownerQuery<{ level: string | null; assessed: string | null; due: string | null }>(
        `select risk_level as level, risk_assessed_on::text as assessed, risk_reassess_due_on::text as due
         from participant where id = $1`,
        [participantId],
      )
    )[0];
  const denials = async (action: string) =>
    (
      await t.database.ownerQuery<{ n: number }>(
        `select count(*)::int as n from audit_event where action = $1 and resource_id = $2 and outcome = 'denied'`,
        [action, participantId],
      )
    )[0]?.n;

  it('scores an assessment with the rules in force, keeps their version and seals the answers', async () => {
    const saved = await post('reference', '/assessments', {
      assessedOn: isoDateIn(-10),
      answers: answers({ isolation: 'yes', no_income: 'unknown' }, { isolation: NOTE }),
      summary: 'Calm; she keeps to the new route.',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      computedLevel: 'low',
      level: 'low',
      override: 'none',
      ruleVersion: RISK_RULES_VERSION,
      assessedBy: { id: reference.id, displayName: 'rosa' },
    });
    ids.first = saved.json().id;
    const [row] = await t.database.ownerQuery<Record<string, unknown>>(
      `select * from risk_assessment where id = $1`,
      [ids.first],
    );
    expect(row?.rule_version).toBe(RISK_RULES_VERSION);
    expect(row?.computed_level).toBe('low');
    expect(JSON.stringify(row)).not.toContain('Calle Ficticia');
    expect(JSON.stringify(row)).not.toContain('new route');
    expect(await caseRow()).toEqual({ level: 'low', assessed: isoDateIn(-10), due: isoDateIn(170) });

    const opened = await get('peer', `/assessments/${ids.first}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().answers.isolation).toEqual({ answer: 'yes', note: NOTE });
    expect(opened.json().reasons).toEqual([
      { factor: 'isolation', answer: 'yes' },
      { factor: 'no_income', answer: 'unknown' },
    ]);
    expect(opened.json().summary).toBe('Calm; she keeps to the new route.');
    const [read] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'risk.read' and actor_user_id = $1`,
      [peer.id],
    );
    expect(read?.n).toBe(1);
  });

  it('refuses a level other than the computed one without a reason, naming overrideReason', async () => {
    const refused = await post('reference', '/assessments', {
      assessedOn: isoDateIn(-8),
      answers: answers(),
      level: 'high',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    expect(refused.json().error.details).toEqual([
      { field: 'overrideReason', message: expect.stringContaining('Write why') },
    ]);
  });

  it('refuses a reassessment dated before the previous one, naming assessedOn', async () => {
    const refused = await post('reference', '/assessments', {
      assessedOn: isoDateIn(-20),
      answers: answers(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      {
        field: 'assessedOn',
        message: expect.stringContaining(`dated before the previous one (${isoDateIn(-10)})`),
      },
    ]);
  });

  it('lets a professional raise the level with a written reason', async () => {
    const raised = await post('reference', '/assessments', {
      assessedOn: isoDateIn(-8),
      answers: answers(),
      level: 'high',
      overrideReason: 'Her brother was approached at the market by people she fears.',
    });
    expect(raised.statusCode).toBe(201);
    expect(raised.json()).toMatchObject({
      computedLevel: 'low',
      level: 'high',
      requestedLevel: 'high',
      override: 'raised',
    });
    expect(await caseRow()).toMatchObject({ level: 'high', due: isoDateIn(22) });
    const opened = await get('reference', `/assessments/${raised.json().id}`);
    expect(opened.json().overrideReason).toBe(
      'Her brother was approached at the market by people she fears.',
    );
  });

  it('keeps the computed level when a peer worker asks to lower it, and asks the coordinators', async () => {
    const asked = await post('peer', '/assessments', {
      assessedOn: isoDateIn(-5),
      answers: answers({ collaborates_with_authorities: 'yes' }),
      level: 'low',
      overrideReason: 'The trial ended and she feels safe in the new town.',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({
      computedLevel: 'medium',
      level: 'medium',
      requestedLevel: 'low',
      override: 'lowering_pending',
      decidedBy: null,
    });
    ids.pending = asked.json().id;
    expect((await caseRow())?.level).toBe('medium');
    const tasks = await t.database.ownerQuery<{ assignee: string; payload: Record<string, string> }>(
      `select assignee_user_id as assignee, payload from task
       where participant_id = $1 and kind = 'confirm_risk_lowering' and done_at is null`,
      [participantId],
    );
    expect(tasks).toEqual([
      { assignee: org.staff.coordinator?.id, payload: { assessmentId: ids.pending, section: 'safety' } },
    ]);
    const overview = await get('peer');
    expect(overview.json().status).toMatchObject({ level: 'medium', pendingLowering: true });
    expect(overview.json().abilities).toMatchObject({ assess: true, confirmLowering: false });
  });

  it('refuses the decision to a peer worker and records the refusal', async () => {
    const refused = await post('peer', `/assessments/${ids.pending}/decision`, {
      confirm: true,
      reason: 'I am sure she is safe now.',
    });
    expect(refused.statusCode).toBe(403);
    expect(await denials('risk.confirm_lowering')).toBe(1);
    expect((await caseRow())?.level).toBe('medium');
  });

  it('lowers the level once a coordinator confirms, with her reason, and closes her task', async () => {
    const confirmed = await post('coordinator', `/assessments/${ids.pending}/decision`, {
      confirm: true,
      reason: 'Talked with the police contact: the network was dismantled.',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      level: 'low',
      override: 'lowered',
      decidedBy: { id: org.staff.coordinator?.id },
    });
    expect(await caseRow()).toMatchObject({ level: 'low', due: isoDateIn(175) });
    const [open] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from task where participant_id = $1 and kind = 'confirm_risk_lowering' and done_at is null`,
      [participantId],
    );
    expect(open?.n).toBe(0);
    const [periodic] = await t.database.ownerQuery<{ due: string }>(
      `select due_on::text as due from task where participant_id = $1 and kind = 'risk_reassessment' and done_at is null`,
      [participantId],
    );
    expect(periodic?.due).toBe(isoDateIn(175));
    const opened = await get('coordinator', `/assessments/${ids.pending}`);
    expect(opened.json().decisionReason).toBe('Talked with the police contact: the network was dismantled.');
    const again = await post('coordinator', `/assessments/${ids.pending}/decision`, {
      confirm: false,
      reason: 'Changed my mind about this one.',
    });
    expect(again.statusCode).toBe(409);
  });

  it('applies a coordinator’s own lowering at once', async () => {
    const lowered = await post('coordinator', '/assessments', {
      assessedOn: isoDateIn(-1),
      answers: answers({ collaborates_with_authorities: 'yes' }),
      level: 'low',
      overrideReason: 'Testimony is over; the police see no further threat.',
    });
    expect(lowered.statusCode).toBe(201);
    expect(lowered.json()).toMatchObject({
      computedLevel: 'medium',
      level: 'low',
      override: 'lowered',
      decidedBy: { id: org.staff.coordinator?.id },
    });
    expect((await caseRow())?.level).toBe('low');
  });

  it('lists her assessments newest first with who made them', async () => {
    const overview = await get('reference');
    expect(overview.statusCode).toBe(200);
    const list = overview.json().assessments as { override: string; assessedOn: string }[];
    expect(list.map((a) => a.override)).toEqual(['lowered', 'lowered', 'raised', 'none']);
    expect(list.map((a) => a.assessedOn)).toEqual([
      isoDateIn(-1),
      isoDateIn(-5),
      isoDateIn(-8),
      isoDateIn(-10),
    ]);
  });

  it('answers a lowering still waiting with the next assessment, and closes the coordinators’ task', async () => {
    const asked = await post('peer', '/assessments', {
      assessedOn: isoDateIn(0),
      answers: answers({ no_income: 'yes', isolation: 'yes' }),
      level: 'low',
      overrideReason: 'She found work and a friend to stay with.',
    });
    expect(asked.json()).toMatchObject({ override: 'lowering_pending', level: 'medium' });
    const next = await post('reference', '/assessments', {
      assessedOn: isoDateIn(0),
      answers: answers({ no_income: 'yes', isolation: 'yes' }),
    });
    expect(next.statusCode).toBe(201);
    const overview = (await get('reference')).json();
    expect(overview.status.pendingLowering).toBe(false);
    expect(overview.assessments[1]).toMatchObject({ id: asked.json().id, override: 'lowering_superseded' });
    const [open] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from task where participant_id = $1 and kind = 'confirm_risk_lowering' and done_at is null`,
      [participantId],
    );
    expect(open?.n).toBe(0);
    const late = await post('coordinator', `/assessments/${asked.json().id}/decision`, {
      confirm: true,
      reason: 'Reading this only now, sorry.',
    });
    expect(late.statusCode).toBe(409);
  });

  it('refuses a social worker outside her team, and records the refusal', async () => {
    expect((await get('outsider')).statusCode).toBe(403);
    const refused = await post('outsider', '/assessments', { assessedOn: isoDateIn(0), answers: answers() });
    expect(refused.statusCode).toBe(403);
    expect(await denials('risk.read')).toBe(1);
    expect(await denials('risk.assess')).toBe(1);
  });

  it('answers 404 for a case of another organization', async () => {
    expect((await get('elsewhere')).statusCode).toBe(404);
    expect((await post('elsewhere', '/events', { kind: 'incident' })).statusCode).toBe(404);
    const foreign = other.participants[0]?.id ?? '';
    expect((await get('coordinator', '', foreign)).statusCode).toBe(404);
  });

  it('answers 409 once her identifying data was erased', async () => {
    await t.database.ownerQuery(`delete from participant_key where participant_id = $1`, [participantId]);
    const refused = await post('reference', '/assessments', { assessedOn: isoDateIn(0), answers: answers() });
    expect(refused.statusCode).toBe(409);
    const overview = await get('reference');
    expect(overview.statusCode).toBe(200);
    expect(overview.json().abilities.assess).toBe(false);
  });
});
