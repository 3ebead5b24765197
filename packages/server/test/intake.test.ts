/** The guided intake through HTTP: opening a case, saving steps, validation, completion. */
import { INTAKE_ROLES } from '@cope/contracts';
import { STAFF_ROLES } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../src/policy/index.js';
import type { Viewer } from '../src/resources/auth/sessions.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, createOrganization, type TestOrganization } from './factories.js';
import {
  daysFromToday,
  firstIssue,
  giveRecordKeepingConsent,
  openCase,
  person,
  saveStep,
  today,
} from './intake-helpers.js';

describe('who may open a case', () => {
  it('is the same list in the web contract and in the server policy', () => {
    for (const role of STAFF_ROLES) {
      const viewer = { roles: [role], state: 'active' } as unknown as Viewer;
      expect(can(viewer, 'participant.create'), role).toBe(INTAKE_ROLES.includes(role));
    }
  });
});

describe.each(DATABASE_KINDS)('intake on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let worker: string;
  let workerId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, { roles: ['coordinator', 'social_worker', 'peer_worker'] });
    workerId = org.staff.social_worker?.id ?? '';
    worker = await signIn(t.app, org.staff.social_worker ?? raise());
  });
  afterAll(() => t?.close());

  it('opens a case with a pseudonymous code; the creator is her reference and on her team', async () => {
    const created = await openCase(
      t,
      worker,
      person({ preferredName: 'Nadia', legalName: 'Nadia Synthetica' }),
    );
    expect(created.caseCode).toMatch(new RegExp(`^${org.prefix}-\\d{4}-\\d{4}$`));
    expect(created.duplicates).toEqual({ visible: [], restricted: false });
    const [row] = await t.database.ownerQuery<Record<string, unknown>>(
      `select status, reference_user_id, created_by_user_id, intake_steps, preferred_name_enc from participant where id = $1`,
      [created.id],
    );
    expect(row).toMatchObject({
      status: 'intake',
      reference_user_id: workerId,
      created_by_user_id: workerId,
      intake_steps: ['person'],
    });
    expect(String(row?.preferred_name_enc)).not.toContain('Nadia');
    const team = await t.database.ownerQuery(
      'select user_id from case_team_member where participant_id = $1',
      [created.id],
    );
    expect(team).toEqual([{ user_id: workerId }]);
    const [record] = await t.database.ownerQuery<{ data_enc: string; version: number }>(
      `select data_enc, version from case_record where participant_id = $1 and section = 'identity'`,
      [created.id],
    );
    expect(record?.version).toBe(1);
    expect(record?.data_enc).not.toContain('AB-123456');
    expect(record?.data_enc).not.toContain('citizenship');
    const lookups = await t.database.ownerQuery<{ kind: string }>(
      'select kind from participant_lookup where participant_id = $1 order by kind',
      [created.id],
    );
    expect(lookups.map((l) => l.kind)).toEqual(['document', 'name_birth', 'name_birth']);
  });

  it('refuses the intake to roles that do not open cases', async () => {
    const peer = await signIn(t.app, org.staff.peer_worker ?? raise());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/participants',
      headers: { cookie: peer },
      payload: person(),
    });
    expect(response.statusCode).toBe(403);
  });

  it.each([
    ['a missing alias', { preferredName: '  ' }, 'preferredName', /name or alias/],
    ['a birth date in the future', { birthDate: daysFromToday(3) }, 'birthDate', /future/],
    ['an impossible age from the birth date', { birthDate: '1890-02-01' }, 'birthDate', /over 110/],
    ['a child too young', { birthDate: daysFromToday(-365 * 4) }, 'birthDate', /under 10/],
    [
      'an impossible approximate age',
      { birthDate: '', approximateAge: 140 },
      'approximateAge',
      /between 10 and 110/,
    ],
    ['both birth date and age', { approximateAge: 30 }, 'approximateAge', /not both/],
    ['a date that does not exist', { birthDate: '1990-02-31' }, 'birthDate', /real date/],
    ['an unknown country', { citizenship: 'XX' }, 'citizenship', /country code/],
    [
      'an unknown document kind',
      { documents: [{ kind: 'library_card', number: '1' }] },
      'documents.0.kind',
      /kind/,
    ],
    [
      'an empty document number',
      { documents: [{ kind: 'passport', number: ' ' }] },
      'documents.0.number',
      /number/,
    ],
  ])('refuses %s, naming the field', async (_label, overrides, field, message) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/participants',
      headers: { cookie: worker },
      payload: person(overrides as never),
    });
    expect(response.statusCode).toBe(400);
    const issue = firstIssue(response);
    expect(issue?.field).toBe(field);
    expect(issue?.message).toMatch(message);
  });

  it('saves each step as a draft, re-saving a step replaces only that step', async () => {
    const { id } = await openCase(t, worker, person({ preferredName: 'Oksana' }));
    const steps: [string, unknown][] = [
      ['languages', { languages: ['ro', 'ru'], preferredLanguage: 'ro', interpreterNeeded: true }],
      [
        'journey',
        {
          arrivalDate: '2024-03-02',
          referralSource: 'ngo',
          traffickingStatus: 'possible',
          exploitationForms: ['labour', 'sexual'],
          controlMethods: ['debt_bondage', 'withholds_documents'],
        },
      ],
      ['legal', { asylumSeeker: 'yes', legalSituations: ['asylum_in_process', 'documents_expiring'] }],
      [
        'family',
        { dependants: [{ relation: 'child', age: 6, where: 'country_of_origin', needs: 'School fees' }] },
      ],
      [
        'contact',
        {
          phones: ['+34 600 111 222'],
          address: 'Synthetic Street 1',
          safeChannels: ['sms', 'in_person'],
          safeTimes: 'Weekdays 10-12',
          mayLeaveMessage: 'no',
          codeWord: 'lavender',
        },
      ],
      [
        'screening',
        { immediateDanger: 'no', exploitersKnowAddress: 'unknown', ongoingContact: 'no', note: '' },
      ],
    ];
    for (const [step, payload] of steps) {
      const saved = await saveStep(t, worker, id, step, payload);
      expect(saved.statusCode, `${step}: ${saved.body}`).toBe(200);
    }
    const again = await saveStep(t, worker, id, 'languages', { languages: ['uk'], preferredLanguage: 'uk' });
    expect(again.json().savedSteps).toEqual([
      'person',
      'languages',
      'journey',
      'legal',
      'family',
      'contact',
      'screening',
    ]);
    const draft = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${id}/intake`,
      headers: { cookie: worker },
    });
    expect(draft.statusCode).toBe(200);
    const body = draft.json();
    expect(body.steps.languages).toEqual({
      languages: ['uk'],
      preferredLanguage: 'uk',
      interpreterNeeded: false,
    });
    expect(body.steps.contact.codeWord).toBe('lavender');
    expect(body.steps.person.preferredName).toBe('Oksana');
    expect(body.steps.journey.controlMethods).toEqual(['debt_bondage', 'withholds_documents']);
    expect(body.restrictedSteps).toEqual([]);
    expect(body.recordKeepingConsent).toBe(false);
    const [row] = await t.database.ownerQuery<{ legal_situations: string[] }>(
      'select legal_situations from participant where id = $1',
      [id],
    );
    expect(row?.legal_situations).toEqual(['asylum_in_process', 'documents_expiring']);
    const dump = await t.database.ownerQuery<{ data_enc: string }>(
      'select data_enc from case_record where participant_id = $1',
      [id],
    );
    expect(JSON.stringify(dump)).not.toMatch(/lavender|600 111|Synthetic Street/);
  });

  it.each([
    ['languages', { languages: ['xx'] }, 'languages.0', /language code/],
    ['languages', { languages: ['es'], preferredLanguage: 'ro' }, 'preferredLanguage', /preferred language/],
    ['journey', { arrivalDate: daysFromToday(2) }, 'arrivalDate', /future/],
    ['journey', { arrivalDate: '1994-01-01' }, 'arrivalDate', /before her date of birth/],
    ['journey', { exploitationForms: ['slavery'] }, 'exploitationForms.0', /form of exploitation/],
    ['journey', { controlMethods: ['magic'] }, 'controlMethods.0', /method of control/],
    ['journey', { traffickingStatus: 'maybe' }, 'traffickingStatus', /trafficking status/],
    ['legal', { legalSituations: ['tourist'] }, 'legalSituations.0', /legal situation/],
    [
      'family',
      { dependants: [{ relation: 'child', age: -1, where: 'with_her' }] },
      'dependants.0.age',
      /negative/,
    ],
    ['family', { dependants: [{ relation: 'child', where: 'moon' }] }, 'dependants.0.where', /where/],
    ['contact', { phones: ['call me'] }, 'phones.0', /digits/],
    ['contact', { safeChannels: ['pigeon'] }, 'safeChannels.0', /contact channel/],
    [
      'screening',
      { immediateDanger: 'perhaps', exploitersKnowAddress: 'no', ongoingContact: 'no' },
      'immediateDanger',
      /yes, no or not known/,
    ],
  ])('refuses a bad %s step, naming the field (%j)', async (step, payload, field, message) => {
    const { id } = await openCase(t, worker, person({ preferredName: `Step ${step}` }));
    const response = await saveStep(t, worker, id, step, payload);
    expect(response.statusCode).toBe(400);
    const issue = firstIssue(response);
    expect(issue?.field).toBe(field);
    expect(issue?.message).toMatch(message);
  });

  it('refuses to complete without her record-keeping consent, naming it; then completes', async () => {
    const { id, caseCode } = await openCase(t, worker, person({ preferredName: 'Petra' }));
    const complete = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/participants/${id}/intake/complete`,
        headers: { cookie: worker },
      });
    const refused = await complete();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONSENT_REQUIRED');
    expect(refused.json().error.message).toMatch(/record keeping/);
    expect(refused.json().error.details.purpose).toBe('record_keeping');

    // A withdrawn consent, or one for another purpose, does not count.
    await giveRecordKeepingConsent(t, org.id, id, workerId, { withdrawn: true });
    await giveRecordKeepingConsent(t, org.id, id, workerId, { purpose: 'anonymous_statistics' });
    expect((await complete()).json().error.code).toBe('CONSENT_REQUIRED');

    await giveRecordKeepingConsent(t, org.id, id, workerId);
    const done = await complete();
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ id, caseCode, riskAssessmentDueOn: daysFromToday(7), urgent: false });
    const [row] = await t.database.ownerQuery<{ status: string }>(
      'select status from participant where id = $1',
      [id],
    );
    expect(row?.status).toBe('active');
    const tasks = await t.database.ownerQuery<{ kind: string; assignee_user_id: string; due_on: string }>(
      `select kind, assignee_user_id, to_char(due_on, 'YYYY-MM-DD') as due_on from task where participant_id = $1
       order by kind`,
      [id],
    );
    expect(tasks).toEqual([
      { kind: 'itinerary_review', assignee_user_id: workerId, due_on: daysFromToday(30) },
      { kind: 'risk_assessment', assignee_user_id: workerId, due_on: daysFromToday(7) },
    ]);
    const events = await t.database.ownerQuery<{ action: string }>(
      `select action from audit_event where resource_id = $1 and action like 'intake.%' order by seq`,
      [id],
    );
    expect(events.map((e) => e.action)).toEqual(['intake.saved', 'intake.completed']);

    expect((await complete()).statusCode).toBe(409);
    const late = await saveStep(t, worker, id, 'legal', { legalSituations: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/case page/);
  });

  it('makes the risk assessment due tomorrow when the first screening finds danger', async () => {
    const { id } = await openCase(t, worker, person({ preferredName: 'Raisa' }));
    const screening = { immediateDanger: 'no', exploitersKnowAddress: 'yes', ongoingContact: 'unknown' };
    expect((await saveStep(t, worker, id, 'screening', screening)).statusCode).toBe(200);
    await giveRecordKeepingConsent(t, org.id, id, workerId);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${id}/intake/complete`,
      headers: { cookie: worker },
    });
    expect(done.json()).toMatchObject({ urgent: true, riskAssessmentDueOn: daysFromToday(1) });
    expect(today() < daysFromToday(1)).toBe(true);
  });

  it('keeps a step of a section the viewer cannot open out of her reach', async () => {
    const { id } = await openCase(t, worker, person({ preferredName: 'Sveta' }));
    // A second social worker, not on her team, has no access to the legal section.
    const other = await signIn(t.app, await addStaff(t.database, org.id, 'social_worker', 'other-worker'));
    const refused = await saveStep(t, other, id, 'legal', { legalSituations: ['no_documents'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/Restricted: the legal section/);
    const draft = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${id}/intake`,
      headers: { cookie: other },
    });
    expect(draft.json().steps).toEqual({});
    expect(draft.json().restrictedSteps).toEqual([
      'person',
      'languages',
      'journey',
      'legal',
      'family',
      'contact',
      'screening',
    ]);
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'intake.saved' and outcome = 'denied' and resource_id = $1`,
      [id],
    );
    expect(denied?.n).toBe(1);
  });
});

function raise(): never {
  throw new Error('missing test staff');
}
