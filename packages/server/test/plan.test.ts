/**
 * Her plan's versions: a draft started from the plan in force, saved whole with a revision that
 * refuses a stale save, agreed by signature or before a witness; older versions stay readable and
 * what changed between two is computed by the domain. Everything she says is sealed.
 */
import type { TPlanGoal } from '@cope/contracts';
import { planDiff } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateIn } from '../src/resources/tasks/create.js';
import { DATABASE_KINDS } from './databases.js';
import { auditCount, goal, type PlanWorld, planClient, planWorld, SIGNATURE, step } from './plan-helpers.js';

const today = () => isoDateIn(0);

describe.each(DATABASE_KINDS)('her plan versions on %s', (kind) => {
  let w: PlanWorld;
  let api: ReturnType<typeof planClient>;
  let goals: TPlanGoal[];

  beforeAll(async () => {
    w = await planWorld(kind, ['Nadia Ficticia', 'Lina Ficticia']);
    api = planClient(w);
    goals = [
      goal({
        steps: [
          step({ what: 'Enrol in the evening course' }),
          step({ what: 'Ask for a place for her son', owner: { kind: 'staff', userId: w.reference.id } }),
        ],
      }),
      goal({
        sphere: 'housing',
        text: 'A room of my own near the school',
        steps: [
          step({ what: 'Visit two rooms', owner: { kind: 'partner', partnerName: 'Language school' } }),
        ],
      }),
    ];
  });
  afterAll(() => w?.t.close());

  it('starts with no plan and names the team a step may name', async () => {
    const overview = await api.get('reference', '/plan');
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({
      current: null,
      draft: null,
      versions: [],
      abilities: { edit: true },
    });
    expect(overview.json().team).toEqual([
      { id: w.reference.id, displayName: 'rosa' },
      { id: w.peer.id, displayName: 'pilar' },
    ]);
    expect(await auditCount(w, 'plan.read')).toBe(1);
  });

  it('drafts, saves and agrees version 1, then reviews it into version 2; version 1 stays readable', async () => {
    const started = await api.post('reference', '/plan/draft');
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({
      version: 1,
      status: 'draft',
      revision: 1,
      basedOnVersion: null,
      goals: [],
    });
    expect(started.json().startsOn).toBe(today());
    const again = await api.post('peer', '/plan/draft');
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(1);

    const saved = await api.put('reference', '/plan/draft', { revision: 1, startsOn: today(), goals });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 2, updatedBy: { displayName: 'rosa' } });
    expect(saved.json().goals).toEqual(goals);

    const agreed = await api.post('reference', '/plan/draft/agreement', {
      revision: 2,
      method: 'signature',
      agreedOn: today(),
      signature: SIGNATURE,
    });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json()).toMatchObject({
      version: 1,
      status: 'agreed',
      agreement: {
        method: 'signature',
        agreedOn: today(),
        hasSignature: true,
        recordedBy: { displayName: 'rosa' },
      },
    });
    expect(JSON.stringify(agreed.json())).not.toContain(SIGNATURE);

    const review = await api.post('peer', '/plan/draft');
    expect(review.statusCode).toBe(201);
    expect(review.json()).toMatchObject({ version: 2, status: 'draft', basedOnVersion: 1, revision: 1 });
    expect(review.json().goals).toEqual(goals);

    const changed = structuredClone(goals);
    const first = changed[0]?.steps[0];
    if (!first) throw new Error('no step to change');
    first.status = 'done';
    const savedV2 = await api.put('peer', '/plan/draft', { revision: 1, startsOn: today(), goals: changed });
    expect(savedV2.statusCode).toBe(200);
    const agreedV2 = await api.post('peer', '/plan/draft/agreement', {
      revision: 2,
      method: 'verbal_witnessed',
      agreedOn: today(),
      witnessName: 'Ana Testigo',
      note: 'Explained with an interpreter.',
    });
    expect(agreedV2.statusCode).toBe(200);
    expect(agreedV2.json().agreement).toMatchObject({
      method: 'verbal_witnessed',
      witnessName: 'Ana Testigo',
      hasSignature: false,
      note: 'Explained with an interpreter.',
    });

    const overview = (await api.get('reference', '/plan')).json();
    expect(overview.current).toMatchObject({ version: 2, status: 'agreed' });
    expect(overview.draft).toBeNull();
    expect(overview.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'agreed'],
      [1, 'superseded'],
    ]);
    const v1 = await api.get('reference', '/plan/versions/1');
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ status: 'superseded', agreement: { method: 'signature' } });
    expect(v1.json().goals).toEqual(goals);
    expect(planDiff(v1.json(), overview.current)).toEqual([
      {
        kind: 'step_changed',
        goalId: goals[0]?.id,
        stepId: first.id,
        what: 'Enrol in the evening course',
        field: 'status',
        from: 'planned',
        to: 'done',
      },
    ]);
    expect(await auditCount(w, 'plan.agreed')).toBe(2);
  });

  it('refuses a save made on an older revision, naming who saved, and overwrites nothing', async () => {
    const draft = (await api.post('reference', '/plan/draft')).json();
    const mine = structuredClone(draft.goals) as TPlanGoal[];
    (mine[0] as TPlanGoal).text = 'Saved by Rosa';
    expect(
      (await api.put('reference', '/plan/draft', { revision: 1, startsOn: today(), goals: mine })).statusCode,
    ).toBe(200);
    const theirs = structuredClone(draft.goals) as TPlanGoal[];
    (theirs[0] as TPlanGoal).text = 'Saved by Pilar on the old copy';
    const stale = await api.put('peer', '/plan/draft', { revision: 1, startsOn: today(), goals: theirs });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { revision: 2 } });
    expect(stale.json().error.message).toContain('rosa');
    const kept = await api.get('reference', `/plan/versions/${draft.version}`);
    expect(kept.json()).toMatchObject({ revision: 2 });
    expect(kept.json().goals[0].text).toBe('Saved by Rosa');
    const staleAgreement = await api.post('peer', '/plan/draft/agreement', {
      revision: 1,
      method: 'signature',
      agreedOn: today(),
      signature: SIGNATURE,
    });
    expect(staleAgreement.statusCode).toBe(409);
    expect((await api.del('reference', '/plan/draft')).statusCode).toBe(204);
    expect((await api.get('reference', '/plan')).json().draft).toBeNull();
  });

  it('refuses a plan with a step nobody does, or a target before the start, naming the field', async () => {
    await api.post('reference', '/plan/draft');
    const revision = (await api.get('reference', '/plan')).json().draft.revision;
    const noOwner = await api.put('reference', '/plan/draft', {
      revision,
      startsOn: today(),
      goals: [goal({ steps: [step({ owner: { kind: 'staff', userId: null } })] })],
    });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().error.details).toEqual([
      { field: 'goals.0.steps.0.owner', message: expect.any(String) },
    ]);
    const early = await api.put('reference', '/plan/draft', {
      revision,
      startsOn: today(),
      goals: [goal({ steps: [step({ targetOn: isoDateIn(-3) })] })],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toEqual([
      { field: 'goals.0.steps.0.targetOn', message: 'The target date is before the plan starts.' },
    ]);
  });

  it('refuses a colleague who is not on her team as a step owner', async () => {
    const { revision } = (await api.post('reference', '/plan/draft')).json();
    const refused = await api.put('reference', '/plan/draft', {
      revision,
      startsOn: today(),
      goals: [goal(), goal({ steps: [step(), step({ owner: { kind: 'staff', userId: w.outsider.id } })] })],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'goals.1.steps.1.owner.userId', message: expect.stringContaining('her case team') },
    ]);
  });

  it('refuses an agreement without its proof, in the future, or to an empty plan', async () => {
    await api.del('reference', '/plan/draft');
    const { revision } = (await api.post('reference', '/plan/draft')).json();
    const base = { revision, agreedOn: today() };
    const unsigned = await api.post('reference', '/plan/draft/agreement', { ...base, method: 'signature' });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.details).toEqual([{ field: 'signature', message: expect.any(String) }]);
    const noWitness = await api.post('reference', '/plan/draft/agreement', {
      ...base,
      method: 'verbal_witnessed',
      witnessName: ' ',
    });
    expect(noWitness.statusCode).toBe(400);
    expect(noWitness.json().error.details).toEqual([{ field: 'witnessName', message: expect.any(String) }]);
    const future = await api.post('reference', '/plan/draft/agreement', {
      ...base,
      agreedOn: isoDateIn(3),
      method: 'signature',
      signature: SIGNATURE,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ field: 'agreedOn', message: expect.any(String) }]);
    for (const agreedOn of ['2020-01-01', isoDateIn(-2)]) {
      const beforeDraft = await api.post('reference', '/plan/draft/agreement', {
        ...base,
        agreedOn,
        method: 'signature',
        signature: SIGNATURE,
      });
      expect(beforeDraft.statusCode).toBe(400);
      expect(beforeDraft.json().error.details).toEqual([
        { field: 'agreedOn', message: expect.stringContaining('before it was started') },
      ]);
    }
    const emptied = await api.put('reference', '/plan/draft', { revision, startsOn: today(), goals: [] });
    const empty = await api.post('reference', '/plan/draft/agreement', {
      ...base,
      revision: emptied.json().revision,
      method: 'signature',
      signature: SIGNATURE,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ field: 'goals', message: expect.any(String) }]);
    expect((await api.get('reference', '/plan')).json().current.version).toBe(2);
  });

  it('dates her first agreement from the day the draft was started anywhere on Earth, not before', async () => {
    const other = w.org.participants[1]?.id ?? '';
    const { revision } = (await api.post('reference', '/plan/draft', {}, other)).json();
    await api.put('reference', '/plan/draft', { revision, startsOn: today(), goals: [goal()] }, other);
    // Started at 06:00 UTC: it was still the day before where the clock is 12 hours behind.
    await w.t.database.ownerQuery(
      `update plan_version set created_at = $1 where participant_id = $2 and status = 'draft'`,
      [`${today()}T06:00:00Z`, other],
    );
    const agree = (agreedOn: string) =>
      api.post(
        'reference',
        '/plan/draft/agreement',
        { revision: revision + 1, method: 'signature', agreedOn, signature: SIGNATURE },
        other,
      );
    const tooEarly = await agree(isoDateIn(-2));
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.details).toEqual([
      {
        field: 'agreedOn',
        message: `She cannot have agreed to this draft before it was started (${today()}): date her agreement on that day or later.`,
      },
    ]);
    const dayBefore = await agree(isoDateIn(-1));
    expect(dayBefore.statusCode).toBe(200);
    expect(dayBefore.json()).toMatchObject({ version: 1, agreement: { agreedOn: isoDateIn(-1) } });
  });

  it('keeps what she said sealed: no goal, step, witness or signature in clear in the table', async () => {
    const rows = await w.t.database.ownerQuery<Record<string, unknown>>(
      `select * from plan_version where participant_id = $1`,
      [w.participantId],
    );
    expect(rows.length).toBeGreaterThan(1);
    const dump = JSON.stringify(rows);
    for (const plain of [
      'I want to speak Spanish',
      'A room of my own',
      'Language school',
      'Ana Testigo',
      'iVBOR',
    ]) {
      expect(dump).not.toContain(plain);
    }
  });

  it('answers 404 for a case of another organization, and refuses a colleague off her team', async () => {
    expect((await api.get('elsewhere', '/plan')).statusCode).toBe(404);
    expect((await api.post('elsewhere', '/plan/draft')).statusCode).toBe(404);
    expect((await api.get('elsewhere', '/plan/pdf?language=es')).statusCode).toBe(404);
    expect((await api.get('outsider', '/plan')).statusCode).toBe(403);
    expect(await auditCount(w, 'plan.read', 'denied')).toBe(1);
  });
});
