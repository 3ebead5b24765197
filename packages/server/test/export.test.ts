/** Her complete file, exported: who may, the fresh second factor, and what the file holds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { seedHerFile } from './case-file-helpers.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { pdfText } from './pdf-text.js';
import { createParticipants, simulateStepUp, writeHeaders } from './security-helpers.js';

const VALUES = {
  phone: '+34 600 111 222',
  codeWord: 'girasol-azul',
  withdrawalNote: 'She said on the phone she no longer wants the lawyer to read it.',
  handoverNote: 'Taking over while Marta is on leave; she prefers mornings.',
  scanText: 'signed consent scan',
};

describe.each(DATABASE_KINDS)('export of her file on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let her: { id: string; caseCode: string };
  let reference: string;
  let lawyer: string;
  let coordinator: string;
  let referenceName: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, { roles: ['coordinator', 'administrator'] });
    other = await createOrganization(t.database, { roles: ['coordinator'], participants: ['Otra Mujer'] });
    const ref = await addStaff(t.database, org.id, 'social_worker', 'rosa');
    const previous = await addStaff(t.database, org.id, 'social_worker', 'pilar');
    const law = await addStaff(t.database, org.id, 'lawyer', 'lidia');
    const psy = await addStaff(t.database, org.id, 'psychologist', 'paula');
    referenceName = 'rosa';
    [her] = (await createParticipants(t.database, org.id, [
      { preferredName: 'Amara Exportable', legalName: 'Amara Legal Exportable', birthDate: '1994-05-06' },
    ])) as [{ id: string; caseCode: string }];
    await assignTeam(t.database, org.id, her.id, [
      { userId: ref.id, reference: true },
      { userId: law.id },
      { userId: psy.id },
    ]);
    await seedHerFile(
      t.database,
      org.id,
      her.id,
      { authorId: ref.id, fromId: previous.id, toId: ref.id },
      VALUES,
    );
    reference = await signIn(t.app, ref);
    lawyer = await signIn(t.app, law);
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    const psychologist = await signIn(t.app, psy);
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${her.id}/sections/mental_health/notes`,
      headers: writeHeaders(psychologist),
      payload: { body: 'Counselling: she sleeps better since the move.' },
    });
    expect(note.statusCode).toBe(201);
    // Her safety: an incident and her home, recorded by her reference professional.
    const recorded = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${her.id}/incidents`,
      headers: writeHeaders(reference),
      payload: {
        kind: 'threat',
        occurredOn: '2026-01-10',
        description: 'A man waited outside the language school and asked for her.',
        actionsTaken: 'Walked her home; told the police contact.',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const home = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${her.id}/places`,
      headers: writeHeaders(reference),
      payload: { kind: 'home', label: 'Calle Ficticia 12, 3º', point: [-3.7, 40.41] },
    });
    expect(home.statusCode, home.body).toBe(201);
    // A read, so the access log has something to say.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/participants/${her.id}`,
          headers: { cookie: reference },
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => t?.close());

  const exportJson = (cookie: string, id = her.id) =>
    t.app.inject({ method: 'GET', url: `/api/participants/${id}/export.json`, headers: { cookie } });
  const exportPdf = (cookie: string, language: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${her.id}/export.pdf?language=${language}`,
      headers: { cookie },
    });
  const exportEvents = async (outcome: 'allowed' | 'denied') =>
    (
      await t.database.ownerQuery<{ n: number }>(
        `select count(*)::int as n from audit_event
          where organization_id = $1 and action = 'participant.export' and outcome = $2 and resource_id = $3`,
        [org.id, outcome, her.id],
      )
    )[0]?.n;

  it('is refused to a team member who is neither her reference professional nor a coordinator', async () => {
    await simulateStepUp(t.database, lawyer);
    const response = await exportJson(lawyer);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await exportEvents('denied')).toBe(1);
    expect((await exportPdf(lawyer, 'es')).statusCode).toBe(403);
  });

  it('asks for a fresh second factor and exports nothing without it', async () => {
    await simulateStepUp(t.database, reference, 6 * 60);
    const response = await exportJson(reference);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('STEP_UP_REQUIRED');
    expect((await exportPdf(reference, 'es')).json().error.code).toBe('STEP_UP_REQUIRED');
    expect(await exportEvents('allowed')).toBe(0);
  });

  it('gives her reference professional everything she may open, as a download that is never cached', async () => {
    await simulateStepUp(t.database, reference);
    const response = await exportJson(reference);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="case-file-${her.caseCode}.json"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const file = response.json();
    expect(file).toMatchObject({
      format: 'cope-hope.case-file',
      formatVersion: 1,
      exportedBy: referenceName,
      case: { id: her.id, caseCode: her.caseCode, status: 'active', erased: false },
      identity: {
        preferredName: 'Amara Exportable',
        legalName: 'Amara Legal Exportable',
        birthDate: '1994-05-06',
      },
    });
    const identity = file.records.find((r: { section: string }) => r.section === 'identity');
    expect(identity).toMatchObject({ version: 1, updatedBy: referenceName });
    expect(identity.data.contact).toMatchObject({ phones: [VALUES.phone], codeWord: VALUES.codeWord });
    expect(file.records.map((r: { section: string }) => r.section)).toEqual(['identity', 'legal']);
    // Need-to-know holds in her file too: counselling notes are left out and named as such, for
    // her psychologist to add.
    expect(file.notes).toEqual([]);
    expect(response.body).not.toContain('she sleeps better');
    expect(file.omittedSections).toContain('mental_health');
    expect(file.omittedSections).not.toContain('identity');
    const [consent] = file.consents;
    expect(consent).toMatchObject({
      purpose: 'share_section',
      recipient: 'team:lawyer',
      method: 'witnessed_verbal',
      withdrawal: { method: 'verbal', note: VALUES.withdrawalNote, by: referenceName },
    });
    expect(Buffer.from(consent.scans[0].contentBase64, 'base64').toString()).toContain(VALUES.scanText);
    expect(file.team.reference).toBe(referenceName);
    expect(file.team.members.map((m: { name: string }) => m.name).sort()).toEqual(
      ['lidia', 'paula', referenceName].sort(),
    );
    expect(file.team.handovers).toEqual([
      expect.objectContaining({ from: 'pilar', to: referenceName, note: VALUES.handoverNote }),
    ]);
    expect(file.tasks).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'review_after_withdrawal', doneAt: null })]),
    );
    expect(file.safety.incidents).toEqual([
      expect.objectContaining({
        kind: 'threat',
        description: 'A man waited outside the language school and asked for her.',
        actionsTaken: 'Walked her home; told the police contact.',
        recordedBy: referenceName,
      }),
    ]);
    expect(file.safety.places).toEqual([
      expect.objectContaining({ kind: 'home', address: 'Calle Ficticia 12, 3º', point: [-3.7, 40.41] }),
    ]);
    expect(file.accessLog).toContainEqual(
      expect.objectContaining({ who: referenceName, action: 'participant.read', kind: 'viewed' }),
    );
    expect(file.accessLog).toContainEqual(
      expect.objectContaining({ who: 'lidia', action: 'participant.export', outcome: 'denied' }),
    );
    expect(await exportEvents('allowed')).toBe(1);
  });

  it('is allowed to a coordinator who is not on her team', async () => {
    await simulateStepUp(t.database, coordinator);
    const response = await exportJson(coordinator);
    expect(response.statusCode).toBe(200);
    expect(response.json().identity.preferredName).toBe('Amara Exportable');
  });

  it('answers 404 for a woman of another organization', async () => {
    await simulateStepUp(t.database, coordinator);
    expect((await exportJson(coordinator, other.participants[0]?.id ?? raise())).statusCode).toBe(404);
  });

  it('prints a PDF in Spanish, with her data as recorded', async () => {
    await simulateStepUp(t.database, reference);
    const response = await exportPdf(reference, 'es');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="case-file-${her.caseCode}-es.pdf"`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    const text = pdfText(response.rawPayload);
    expect(text).toContain(`Su expediente — ${her.caseCode}`);
    for (const words of [
      'Quién es usted',
      'Notas del equipo profesional',
      'Sus consentimientos',
      'Nombre legal',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('Amara Legal Exportable');
    // Left out for need-to-know, and named so that she can ask for it.
    expect(text).toContain('No se incluye aquí');
    expect(text).toContain('Salud mental (atención psicológica)');
    expect(text).not.toContain('she sleeps better since the move');
    expect(text).not.toContain('Your file');
  });

  it('prints a PDF in Romanian, diacritics included', async () => {
    await simulateStepUp(t.database, reference);
    const response = await exportPdf(reference, 'ro');
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Dosarul dumneavoastră');
    expect(text).toContain('Consimțămintele dumneavoastră');
    expect(text).toContain('Cine v-a consultat sau modificat informațiile');
    expect(text).toContain(VALUES.handoverNote);
  });

  it('names the field when the language is not one the file is printed in', async () => {
    await simulateStepUp(t.database, reference);
    const response = await exportPdf(reference, 'de');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('language');
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
