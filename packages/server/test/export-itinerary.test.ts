/**
 * Her itinerary in her exported file: her needs (a sphere whose section the exporter may not open
 * listed by code only), every version of her plan with whether she signed (never the image), her
 * milestones and commitments still in force, and her monitoring rounds with both ratings (reasons
 * of closed spheres left out). Nothing of it for an exporter who may open none of its sections;
 * sealed values read as null once her key is erased.
 */
import { ZCaseFileExport } from '@cope/contracts';
import { type OrganizationId, SECTIONS, type Section, SPHERES, type Sphere, type UserId } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaseFile } from '../src/resources/case-file/export-data.js';
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
import { pdfText } from './pdf-text.js';
import { goal, SIGNATURE, step } from './plan-helpers.js';
import { simulateStepUp } from './security-helpers.js';

const COUNSELLING = 'Counselling twice a month; the nightmares come less often.';
const MIND = 'Panic before each hearing; the counsellor works on it with her.';
const HERS_MIND = 'Todavía tengo miedo por las noches.';
const HOME = 'A room of her own in the shelter until June.';
const HER_WORDS = 'Quiero una casa con mi hija.';
const GOAL = 'I want to rent a flat with my daughter';
const MILESTONE = 'She opened her own bank account.';
const COURSE = 'Evening Spanish course';
const REMOVED = 'Cancelled cleaning shift';

describe.each(DATABASE_KINDS)('her itinerary in her exported file on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let her: string;
  let erased: string;
  let reference: TestStaff;
  const cookies: Record<string, string> = {};

  const send = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, ...(payload ? { payload } : {}) });

  /** Needs, an agreed plan, a milestone, commitments and a complete monitoring round on a case. */
  async function itineraryFor(id: string) {
    const at = (rest: string) => `/api/participants/${id}${rest}`;
    const ok = (response: { statusCode: number; body: string }, code = 200) =>
      expect(response.statusCode, response.body).toBe(code);
    ok(
      await send('psychologist', 'PUT', at('/needs/spheres/mental_health'), {
        version: 0,
        situationNote: COUNSELLING,
      }),
    );
    ok(
      await send('reference', 'PUT', at('/needs/spheres/housing'), {
        version: 0,
        situationNote: HOME,
        herWords: HER_WORDS,
      }),
    );
    ok(await send('reference', 'PUT', at('/needs/priorities'), { priorities: ['housing', 'mental_health'] }));

    ok(await send('reference', 'POST', at('/plan/draft')), 201);
    const goals = [
      goal({
        sphere: 'housing',
        text: GOAL,
        steps: [step({ what: 'Visit two flats', owner: { kind: 'staff', userId: reference.id } })],
      }),
    ];
    ok(await send('reference', 'PUT', at('/plan/draft'), { revision: 1, startsOn: isoDateIn(0), goals }));
    ok(
      await send('reference', 'POST', at('/plan/draft/agreement'), {
        revision: 2,
        method: 'signature',
        agreedOn: isoDateIn(0),
        signature: SIGNATURE,
      }),
    );
    ok(
      await send('reference', 'POST', at('/milestones'), {
        sphere: 'economic',
        achievedOn: isoDateIn(-1),
        text: MILESTONE,
      }),
      201,
    );
    const commitment = (title: string) => ({
      kind: 'course',
      title,
      date: isoDateIn(5),
      startTime: '18:00',
      endTime: '20:00',
    });
    ok(await send('reference', 'POST', at('/commitments'), commitment(COURSE)), 201);
    const removed = await send('reference', 'POST', at('/commitments'), commitment(REMOVED));
    ok(removed, 201);
    ok(await send('reference', 'DELETE', at(`/commitments/${removed.json().id}`)), 204);

    const started = await send('reference', 'POST', at('/monitoring/rounds'), { heldOn: isoDateIn(-2) });
    ok(started, 201);
    const round = at(`/monitoring/rounds/${started.json().id}`);
    const ratings: Partial<Record<Sphere, { step: number; reason?: string }>> = {};
    for (const sphere of SPHERES) ratings[sphere] = { step: 3 };
    ratings.mental_health = { step: 2, reason: MIND };
    ratings.housing = { step: 2, reason: HOME };
    ok(await send('psychologist', 'PUT', `${round}/professional`, { revision: 1, ratings }));
    ok(
      await send('reference', 'PUT', `${round}/self`, {
        language: 'es',
        ratings: { housing: { step: 4, reason: HER_WORDS }, mental_health: { step: 2, reason: HERS_MIND } },
      }),
    );
    ok(await send('reference', 'POST', `${round}/complete`));
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator'],
      participants: ['Nadia Ficticia', 'Erika Ficticia'],
    });
    her = org.participants[0]?.id ?? '';
    erased = org.participants[1]?.id ?? '';
    reference = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    const psychologist = await addStaff(t.database, org.id, 'psychologist', 'paula');
    for (const id of [her, erased]) {
      await assignTeam(t.database, org.id, id, [
        { userId: reference.id, reference: true },
        { userId: psychologist.id },
      ]);
    }
    cookies.reference = await signIn(t.app, reference);
    cookies.psychologist = await signIn(t.app, psychologist);
    await itineraryFor(her);
    await itineraryFor(erased);
    await t.database.db.run({ organizationId: org.id, userId: null }, (tx) =>
      t.database.keyring.destroyParticipantKey(tx, erased),
    );
    await simulateStepUp(t.database, cookies.reference ?? '');
  }, 60_000);
  afterAll(() => t?.close());

  const exportJson = (id: string) => send('reference', 'GET', `/api/participants/${id}/export.json`);

  it('gives her reference professional her needs, leaving out a sphere she may not open', async () => {
    const response = await exportJson(her);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain(COUNSELLING);
    const { needs } = response.json().itinerary;
    expect(needs.withheld).toContain('mental_health');
    expect(needs.withheld).not.toContain('housing');
    expect(needs.spheres).toEqual([
      {
        sphere: 'housing',
        version: 1,
        updatedAt: expect.any(String),
        updatedBy: 'rosa',
        situation: {},
        situationNote: HOME,
        herWords: HER_WORDS,
        professionalNeeds: '',
      },
    ]);
    // Her ranking is hers: the codes stay, whatever section each sphere belongs to.
    expect(needs.priorities).toEqual(['housing', 'mental_health']);
  });

  it('holds every version of her plan, whether she signed (never the image), milestones and commitments in force', async () => {
    const response = await exportJson(her);
    expect(response.body).not.toContain(SIGNATURE.slice(30));
    expect(response.body).not.toContain(REMOVED);
    const { plan } = response.json().itinerary;
    expect(plan.versions).toEqual([
      {
        version: 1,
        status: 'agreed',
        startsOn: isoDateIn(0),
        updatedAt: expect.any(String),
        goals: [
          {
            sphere: 'housing',
            text: GOAL,
            steps: [
              expect.objectContaining({
                what: 'Visit two flats',
                owner: 'staff',
                ownerName: 'rosa',
                status: 'planned',
              }),
            ],
          },
        ],
        agreement: {
          method: 'signature',
          agreedOn: isoDateIn(0),
          witnessName: null,
          note: '',
          signed: true,
          recordedBy: 'rosa',
        },
      },
    ]);
    expect(plan.milestones).toEqual([
      { sphere: 'economic', achievedOn: isoDateIn(-1), text: MILESTONE, recordedBy: 'rosa' },
    ]);
    expect(plan.commitments).toEqual([
      expect.objectContaining({ kind: 'course', title: COURSE, startTime: '18:00', endTime: '20:00' }),
    ]);
  });

  it('holds her monitoring rounds with both ratings, the reasons of a closed sphere left out', async () => {
    const response = await exportJson(her);
    expect(response.body).not.toContain(MIND);
    expect(response.body).not.toContain(HERS_MIND);
    const { monitoring } = response.json().itinerary;
    expect(monitoring.reasonsWithheld).toContain('mental_health');
    expect(monitoring.rounds).toHaveLength(1);
    const [round] = monitoring.rounds;
    expect(round).toMatchObject({
      heldOn: isoDateIn(-2),
      status: 'complete',
      professionalBy: 'paula',
      selfLanguage: 'es',
      selfDeclined: false,
    });
    expect(round.professional.mental_health).toEqual({ step: 2, reason: null });
    expect(round.professional.housing).toEqual({ step: 2, reason: HOME });
    expect(round.professional.economic).toEqual({ step: 3, reason: null });
    expect(round.self).toEqual({
      housing: { step: 4, reason: HER_WORDS },
      mental_health: { step: 2, reason: null },
    });
  });

  it('still prints her file as a PDF', async () => {
    const pdf = await send('reference', 'GET', `/api/participants/${her}/export.pdf?language=es`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain(org.participants[0]?.caseCode ?? '');
  });

  it('reads what was sealed as null once her key is erased; dates, steps of the scale and codes stay', async () => {
    const response = await exportJson(erased);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain(HOME);
    const { needs, plan, monitoring } = response.json().itinerary;
    expect(needs.spheres).toEqual([
      expect.objectContaining({ sphere: 'housing', version: 1, situation: null, herWords: null }),
    ]);
    expect(plan.versions[0]).toMatchObject({
      version: 1,
      goals: null,
      agreement: { method: 'signature', signed: true, note: null },
    });
    expect(plan.milestones[0]).toMatchObject({ sphere: 'economic', text: null });
    expect(plan.commitments[0]).toMatchObject({ kind: null, title: null });
    expect(monitoring.rounds[0]).toMatchObject({ status: 'complete', professional: null, self: null });
  });

  it('includes only the parts whose section the exporter opens, and none when she opens none', async () => {
    const build = (sections: Section[]) =>
      t.database.db.run({ organizationId: org.id, userId: reference.id as UserId }, async (tx) =>
        ZCaseFileExport.parse(
          await buildCaseFile(
            tx,
            t.database.keyring,
            { organizationId: org.id as OrganizationId, userId: reference.id as UserId },
            her,
            'json',
            new Set(sections),
          ),
        ),
      );
    expect(
      (await build(SECTIONS.filter((s) => !['needs', 'plan', 'monitoring'].includes(s)))).itinerary,
    ).toBeNull();
    const planOnly = (await build(['plan'])).itinerary;
    expect(planOnly?.needs).toBeNull();
    expect(planOnly?.monitoring).toBeNull();
    expect(planOnly?.plan?.versions[0]?.goals?.[0]?.text).toBe(GOAL);
    // Her psychologist's view: the mental well-being sphere opens, her legal status does not.
    const counselling = (await build(['needs', 'monitoring', 'mental_health'])).itinerary;
    expect(counselling?.needs?.spheres.map((s) => s.sphere)).toEqual(['housing', 'mental_health']);
    expect(counselling?.needs?.withheld).toContain('legal_status');
    expect(counselling?.monitoring?.rounds[0]?.professional?.mental_health).toEqual({
      step: 2,
      reason: MIND,
    });
  });
});
