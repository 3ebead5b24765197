/**
 * What keeps her assessment alive: a reported change makes it out of date (and may raise the
 * level at once), a new assessment answers the change and schedules the next one by level, and
 * the risk management plan's measures keep one task on their owner's list.
 */
import { RISK_FACTORS, type RiskFactor } from '@cope/domain';
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

/** Every factor answered "no", except those given. */
function answers(given: Partial<Record<RiskFactor, 'yes' | 'unknown'>> = {}) {
  return Object.fromEntries(RISK_FACTORS.map((factor) => [factor, { answer: given[factor] ?? 'no' }]));
}
const CRITICAL = answers({ threats_to_her: 'yes', trafficker_knows_location: 'yes' });

describe.each(DATABASE_KINDS)('risk plan and reassessment on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let reference: TestStaff;
  let member: TestStaff;
  let outsider: TestStaff;
  let cookie: string;
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Alba Ficticia', 'Berta Ficticia', 'Carla Ficticia', 'Dora Ficticia'],
    });
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    member = await addStaff(t.database, org.id, 'lawyer', 'lucia');
    outsider = await addStaff(t.database, org.id, 'psychologist', 'olga');
    ['stale', 'police', 'plan', 'settings'].forEach((name, i) => {
      cases[name] = org.participants[i]?.id ?? '';
    });
    for (const id of Object.values(cases)) {
      await assignTeam(t.database, org.id, id, [
        { userId: reference.id, reference: true },
        { userId: member.id },
      ]);
    }
    cookie = await signIn(t.app, reference);
  });
  afterAll(() => t?.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', id: string, rest: string, payload?: object) =>
    t.app.inject({ method, url: `/api/participants/${id}/risk${rest}`, headers: { cookie }, payload });
  const assess = (id: string, body: object) =>
    send('POST', id, '/assessments', { assessedOn: isoDateIn(0), ...body });
  const openTasks = (id: string, taskKind: string) =>
    t.database.ownerQuery<{ id: string; due: string; assignee: string; payload: Record<string, string> }>(
      `select id, due_on::text as due, assignee_user_id as assignee, payload from task
       where participant_id = $1 and kind = $2 and done_at is null order by due_on`,
      [id, taskKind],
    );

  it('starting collaboration with the police raises a low level and marks the assessment stale', async () => {
    const id = cases.police ?? '';
    expect((await assess(id, { answers: answers() })).json().level).toBe('low');
    const reported = await send('POST', id, '/events', { kind: 'collaboration_started' });
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({ level: 'medium', stale: true });
    const overview = (await send('GET', id, '')).json();
    expect(overview.status).toMatchObject({ level: 'medium', stale: true });
    expect(overview.triggers).toEqual([
      expect.objectContaining({
        kind: 'collaboration_started',
        by: { id: reference.id, displayName: 'rosa' },
      }),
    ]);
    // The open reassessment is brought forward to today; there is only one.
    expect((await openTasks(id, 'risk_reassessment')).map((task) => task.due)).toEqual([isoDateIn(0)]);
  });

  it('does not take a place near a risk area as a reported change', async () => {
    const refused = await send('POST', cases.police ?? '', '/events', { kind: 'risk_area_nearby' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('kind');
  });

  it('a new assessment clears the staleness, answers the triggers and schedules the next one by level', async () => {
    const id = cases.stale ?? '';
    await assess(id, { answers: answers() });
    await send('POST', id, '/events', { kind: 'residence_changed' });
    const [before] = await openTasks(id, 'risk_reassessment');
    expect(before?.due).toBe(isoDateIn(0));

    const saved = await assess(id, { answers: CRITICAL });
    expect(saved.json()).toMatchObject({ computedLevel: 'critical', level: 'critical' });
    const overview = (await send('GET', id, '')).json();
    expect(overview.status).toMatchObject({
      level: 'critical',
      stale: false,
      reassessDueOn: isoDateIn(14),
      overdue: false,
    });
    expect(overview.triggers).toEqual([]);
    const [trigger] = await t.database.ownerQuery<{ resolved: string }>(
      `select resolved_by_assessment_id as resolved from risk_trigger where participant_id = $1`,
      [id],
    );
    expect(trigger?.resolved).toBe(saved.json().id);
    const [closed] = await t.database.ownerQuery<{ done: boolean }>(
      `select done_at is not null as done from task where id = $1`,
      [before?.id],
    );
    expect(closed?.done).toBe(true);
    expect(await openTasks(id, 'risk_reassessment')).toEqual([
      expect.objectContaining({ due: isoDateIn(14), assignee: reference.id }),
    ]);
  });

  it('respects the organization’s own reassessment days', async () => {
    await t.database.ownerQuery(`update organization set safety_settings = $1 where id = $2`, [
      JSON.stringify({ reassessmentDays: { critical: 7 } }),
      org.id,
    ]);
    const id = cases.settings ?? '';
    await assess(id, { answers: CRITICAL });
    expect((await openTasks(id, 'risk_reassessment')).map((task) => task.due)).toEqual([isoDateIn(7)]);
    expect((await send('GET', id, '')).json().status.reassessDueOn).toBe(isoDateIn(7));
  });

  it('saves measures with an assessment and gives each owner a task', async () => {
    const id = cases.plan ?? '';
    const saved = await assess(id, {
      answers: answers({ phone_controlled: 'yes' }),
      measures: [
        { description: 'Replace her phone and number', ownerUserId: member.id, dueOn: isoDateIn(3) },
      ],
    });
    expect(saved.statusCode).toBe(201);
    const list = (await send('GET', id, '/measures')).json().items;
    expect(list).toEqual([
      expect.objectContaining({
        description: 'Replace her phone and number',
        owner: { id: member.id, displayName: 'lucia' },
        status: 'planned',
        assessmentId: saved.json().id,
        overdue: false,
      }),
    ]);
    expect(await openTasks(id, 'risk_measure')).toEqual([
      expect.objectContaining({
        assignee: member.id,
        due: isoDateIn(3),
        payload: { measureId: list[0].id, section: 'safety' },
      }),
    ]);
  });

  it('moves a measure’s task with its owner and due date, closes it when done, and seals it', async () => {
    const id = cases.plan ?? '';
    const late = await send('POST', id, '/measures', {
      description: 'Walk with her to the court hearing on Calle Inventada',
      ownerUserId: reference.id,
      dueOn: isoDateIn(-2),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details).toEqual([expect.objectContaining({ field: 'dueOn' })]);
    const created = await send('POST', id, '/measures', {
      description: 'Walk with her to the court hearing on Calle Inventada',
      ownerUserId: reference.id,
      dueOn: isoDateIn(1),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'planned', overdue: false });
    const measureId = created.json().id;
    const [row] = await t.database.ownerQuery<Record<string, unknown>>(
      `select * from risk_measure where id = $1`,
      [measureId],
    );
    expect(JSON.stringify(row)).not.toContain('Calle Inventada');
    const taskOf = async () =>
      (await openTasks(id, 'risk_measure')).filter((task) => task.payload.measureId === measureId);
    expect(await taskOf()).toEqual([expect.objectContaining({ assignee: reference.id, due: isoDateIn(1) })]);

    const moved = await send('PATCH', id, `/measures/${measureId}`, {
      ownerUserId: member.id,
      dueOn: isoDateIn(5),
      status: 'in_progress',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ owner: { id: member.id }, status: 'in_progress', overdue: false });
    expect(await taskOf()).toEqual([expect.objectContaining({ assignee: member.id, due: isoDateIn(5) })]);

    const items = (await send('GET', id, '/measures')).json().items as { id: string; dueOn: string }[];
    expect(items.map((item) => item.dueOn)).toEqual([isoDateIn(3), isoDateIn(5)]);

    const done = await send('PATCH', id, `/measures/${measureId}`, { status: 'done' });
    expect(done.json()).toMatchObject({
      status: 'done',
      dueOn: isoDateIn(5),
      description: expect.stringContaining('court'),
    });
    expect(await taskOf()).toEqual([]);
    const after = (await send('GET', id, '/measures')).json().items as { id: string }[];
    expect(after.at(-1)?.id).toBe(measureId);
  });

  it('refuses an owner outside her case team, naming ownerUserId', async () => {
    const id = cases.plan ?? '';
    const refused = await send('POST', id, '/measures', {
      description: 'Check in every evening',
      ownerUserId: outsider.id,
      dueOn: isoDateIn(2),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ field: 'ownerUserId', message: expect.any(String) }]);
    const withAssessment = await assess(id, {
      answers: answers(),
      measures: [{ description: 'Check in every evening', ownerUserId: outsider.id, dueOn: isoDateIn(2) }],
    });
    expect(withAssessment.statusCode).toBe(400);
    expect(withAssessment.json().error.details[0].field).toBe('measures.0.ownerUserId');
    // Nothing of the refused assessment was kept.
    expect((await send('GET', id, '')).json().assessments).toHaveLength(1);
    const coordinatorOwns = await send('POST', id, '/measures', {
      description: 'Tell the police contact about the new route',
      ownerUserId: org.staff.coordinator?.id,
      dueOn: isoDateIn(2),
    });
    expect(coordinatorOwns.statusCode).toBe(201);
  });
});
