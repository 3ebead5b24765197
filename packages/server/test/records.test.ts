/** Section records after intake: need-to-know reads, edits with optimistic concurrency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { firstIssue, openCase, person, saveStep } from './intake-helpers.js';
import { simulateStepUp } from './security-helpers.js';

const JOURNEY = {
  arrivalDate: '2022-09-14',
  referralSource: 'ngo',
  traffickingStatus: 'possible',
  exploitationForms: ['sexual'],
  controlMethods: ['threats'],
};

describe.each(DATABASE_KINDS)('section records on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let reference: string;
  let referenceId: string;
  let coordinator: string;
  let peer: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker', 'peer_worker', 'lawyer'],
    });
    referenceId = org.staff.social_worker?.id ?? raise();
    reference = await signIn(t.app, org.staff.social_worker ?? raise());
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    peer = await signIn(t.app, org.staff.peer_worker ?? raise());
    ({ id: caseId } = await openCase(
      t,
      reference,
      person({ preferredName: 'Ilinca', birthDate: '1996-04-20' }),
    ));
    for (const [step, payload] of [
      ['contact', { phones: ['+40 711 000 222'], codeWord: 'harbour', address: '7 Synthetic Lane' }],
      ['journey', JOURNEY],
      ['legal', { asylumSeeker: 'no', legalSituations: ['no_documents'] }],
      ['family', { dependants: [{ relation: 'child', age: 3, where: 'with_her', needs: '' }] }],
    ] as const) {
      expect((await saveStep(t, reference, caseId, step, payload)).statusCode).toBe(200);
    }
    await assignTeam(t.database, org.id, caseId, [{ userId: org.staff.peer_worker?.id ?? raise() }]);
  });
  afterAll(() => t?.close());

  const read = (cookie: string, section: string, id = caseId) =>
    t.app.inject({ method: 'GET', url: `/api/participants/${id}/records/${section}`, headers: { cookie } });
  const write = (cookie: string, section: string, payload: unknown, id = caseId) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/participants/${id}/records/${section}`,
      headers: { cookie },
      payload: payload as Record<string, unknown>,
    });

  it('shows the identity record to her reference professional, her legal identity only when asked', async () => {
    const response = await read(reference, 'identity');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      section: 'identity',
      version: 2,
      data: {
        person: { preferredName: 'Ilinca', legalName: '', birthDate: '', citizenship: 'MD' },
        contact: { phones: ['+40 711 000 222'], codeWord: 'harbour', address: '' },
      },
      updatedBy: { id: referenceId },
      concealed: ['person.legalName', 'person.birthDate', 'contact.address'],
    });
    expect(response.body).not.toMatch(/Testova|1996-04-20|Synthetic Lane/);
    const revealed = await read(reference, 'identity?reveal=true');
    expect(revealed.json()).toMatchObject({
      data: {
        person: { legalName: 'Ilinca Testova Marin', birthDate: '1996-04-20' },
        contact: { address: '7 Synthetic Lane' },
      },
      concealed: [],
    });
    const [reveals] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'participant.reveal_identity' and resource_id = $1`,
      [caseId],
    );
    expect(reveals?.n).toBe(1);
    const [event] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'record.read' and section = 'identity' and resource_id = $1`,
      [caseId],
    );
    expect(event?.n).toBe(2);
  });

  it('refuses a section the viewer may not open in full, and audits the refusal', async () => {
    const refused = await read(peer, 'identity');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/Restricted: the identity section/);
    expect(refused.body).not.toMatch(/Ilinca|harbour/);
    expect((await read(peer, 'family')).statusCode).toBe(200);
    const lawyer = await signIn(t.app, org.staff.lawyer ?? raise());
    expect((await read(lawyer, 'legal')).statusCode).toBe(403);
    const cannotWrite = await write(lawyer, 'legal', {
      version: 1,
      data: { legal: { legalSituations: [] } },
    });
    expect(cannotWrite.statusCode).toBe(403);
    const denied = await t.database.ownerQuery<{ action: string }>(
      `select action from audit_event where outcome = 'denied' and resource_id = $1 order by seq`,
      [caseId],
    );
    expect(denied.map((d) => d.action)).toEqual(['record.read', 'record.read', 'record.write']);
  });

  it('refuses the second of two editors who started from the same version, saying what changed', async () => {
    const start = (await read(reference, 'trafficking_network')).json();
    expect((await read(coordinator, 'trafficking_network')).json().version).toBe(start.version);

    const first = await write(coordinator, 'trafficking_network', {
      version: start.version,
      data: { journey: { ...JOURNEY, arrivalDate: '2023-05-01', referralSource: 'police' } },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(start.version + 1);

    const second = await write(reference, 'trafficking_network', {
      version: start.version,
      data: { journey: { ...JOURNEY, exploitationForms: ['labour'] } },
    });
    expect(second.statusCode).toBe(409);
    const error = second.json().error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Nothing was overwritten/);
    expect(error.details).toMatchObject({
      version: start.version + 1,
      savedBy: `coordinator of ${org.prefix}`,
      savedAt: expect.any(String),
      changes: [
        { field: 'journey.arrivalDate', theirs: '2023-05-01' },
        { field: 'journey.referralSource', theirs: 'police' },
      ],
    });
    const now = (await read(reference, 'trafficking_network')).json();
    expect(now.data.journey).toMatchObject({ arrivalDate: '2023-05-01', exploitationForms: ['sexual'] });
    const [conflicts] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'record.conflict' and resource_id = $1`,
      [caseId],
    );
    expect(conflicts?.n).toBe(1);

    const retry = await write(reference, 'trafficking_network', {
      version: now.version,
      data: { journey: { ...now.data.journey, exploitationForms: ['labour'] } },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().data.journey).toMatchObject({
      arrivalDate: '2023-05-01',
      exploitationForms: ['labour'],
    });
  });

  it('starts a section with no record at version 0, and refuses a second first save', async () => {
    const { id } = await openCase(t, reference, person({ preferredName: 'Jana' }));
    expect((await read(reference, 'family', id)).json()).toMatchObject({
      version: 0,
      data: {},
      updatedBy: null,
    });
    const payload = { version: 0, data: { family: { dependants: [] } } };
    expect((await write(reference, 'family', payload, id)).json().version).toBe(1);
    expect((await write(reference, 'family', payload, id)).statusCode).toBe(409);
  });

  it('keeps blind indexes, names and legal situations in step with the records', async () => {
    const identity = (await read(reference, 'identity?reveal=true')).json();
    const saved = await write(reference, 'identity', {
      version: identity.version,
      data: {
        person: { ...identity.data.person, preferredName: 'Ilinca Renamed' },
        contact: { ...identity.data.contact, phones: ['+40 799 999 000'] },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const find = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/participants/${query}`,
          headers: { cookie: reference },
        })
      ).json().items as { id: string }[];
    expect(await find('lookup?phone=%2B40711000222')).toEqual([]);
    expect((await find('lookup?phone=%2B40799999000')).map((p) => p.id)).toEqual([caseId]);
    expect((await find('search?name=Ilinca%20Renamed')).map((p) => p.id)).toEqual([caseId]);
    expect(await find('search?name=Ilinca')).toEqual([]);

    const legal = (await read(reference, 'legal')).json();
    const situations = ['protected_witness', 'collaborating_with_police'];
    await write(reference, 'legal', {
      version: legal.version,
      data: { legal: { legalSituations: situations } },
    });
    const [row] = await t.database.ownerQuery<{ legal_situations: string[]; is_protected_witness: boolean }>(
      'select legal_situations, is_protected_witness from participant where id = $1',
      [caseId],
    );
    expect(row).toEqual({ legal_situations: situations, is_protected_witness: true });
    // The legal name and birth date survived the edit of the other answers.
    const after = (await read(reference, 'identity?reveal=true')).json();
    expect(after.data.person).toMatchObject({ legalName: 'Ilinca Testova Marin', birthDate: '1996-04-20' });
  });

  it("asks a recent second factor before a protected witness's identity is shown or changed", async () => {
    const { id } = await openCase(t, reference, person({ preferredName: 'Witness' }));
    expect(
      (await saveStep(t, reference, id, 'legal', { legalSituations: ['protected_witness'] })).statusCode,
    ).toBe(200);
    // Signing in counts as presenting a second factor; this session's was ten minutes ago.
    const cookie = await signIn(t.app, org.staff.social_worker ?? raise());
    await simulateStepUp(t.database, cookie, 600);
    const draft = () =>
      t.app.inject({ method: 'GET', url: `/api/participants/${id}/intake`, headers: { cookie } });
    expect((await draft()).json().error.code).toBe('STEP_UP_REQUIRED');
    expect((await read(cookie, 'identity?reveal=true', id)).json().error.code).toBe('STEP_UP_REQUIRED');
    expect((await read(cookie, 'identity', id)).statusCode).toBe(200);
    const identity = (await read(cookie, 'identity', id)).json();
    const change = { version: identity.version, data: { contact: { phones: ['+40 700 000 001'] } } };
    expect((await write(cookie, 'identity', change, id)).json().error.code).toBe('STEP_UP_REQUIRED');
    expect((await saveStep(t, cookie, id, 'contact', change.data.contact)).json().error.code).toBe(
      'STEP_UP_REQUIRED',
    );
    await simulateStepUp(t.database, cookie);
    expect((await draft()).statusCode).toBe(200);
    expect((await read(cookie, 'identity?reveal=true', id)).json().data.person.legalName).toBe(
      'Witness Testova Marin',
    );
    expect((await write(cookie, 'identity', change, id)).statusCode).toBe(200);
  });

  it.each([
    ['identity', { version: 1, data: { journey: JOURNEY } }, 'data.journey', /does not belong/],
    ['identity', { version: 1, data: {} }, 'data', /at least one part/],
    [
      'trafficking_network',
      { version: 1, data: { journey: { ...JOURNEY, arrivalDate: '2999-01-01' } } },
      'data.journey.arrivalDate',
      /future/,
    ],
    [
      'trafficking_network',
      { version: 1, data: { journey: { ...JOURNEY, arrivalDate: '1996-04-19' } } },
      'data.journey.arrivalDate',
      /before her date of birth/,
    ],
    ['legal', { version: -1, data: { legal: {} } }, 'version', /negative/],
    [
      'legal',
      { version: 1, data: { legal: { legalSituations: ['on_holiday'] } } },
      'data.legal.legalSituations.0',
      /legal situation/,
    ],
    ['mental_health', { version: 1, data: {} }, 'section', /no structured record/],
  ])('refuses a bad save of %s, naming the field', async (section, payload, field, message) => {
    const response = await write(coordinator, section, payload);
    expect(response.statusCode).toBe(400);
    const issue = firstIssue(response);
    expect(issue?.field).toBe(field);
    expect(issue?.message).toMatch(message);
  });

  it('reads an erased record as erased and refuses to save into it', async () => {
    const { id } = await openCase(t, reference, person({ preferredName: 'Kira' }));
    await t.database.db.run({ organizationId: org.id, userId: null }, (tx) =>
      t.database.keyring.destroyParticipantKey(tx, id),
    );
    const erased = await read(reference, 'identity', id);
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ erased: true, version: 0, data: {} });
    expect(erased.body).not.toContain('Kira');
    const refused = await write(reference, 'identity', { version: 1, data: { contact: { phones: [] } } }, id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/erased/);
  });

  it('lets a team member with full access edit a team section', async () => {
    const member = await addStaff(t.database, org.id, 'social_educator', 'educator');
    await assignTeam(t.database, org.id, caseId, [{ userId: member.id }]);
    const educator = await signIn(t.app, member);
    const family = (await read(educator, 'family')).json();
    const saved = await write(educator, 'family', {
      version: family.version,
      data: {
        family: {
          dependants: [...family.data.family.dependants, { relation: 'parent', where: 'country_of_origin' }],
        },
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().updatedBy.id).toBe(member.id);
    expect(saved.json().data.family.dependants).toHaveLength(2);
  });
});

function raise(): never {
  throw new Error('missing test staff');
}
