/** The printable consent form in her language, and signed scans: sniffed, limited, sealed. */

import { CONSENT_FORM_LANGUAGES } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConsentForm } from '../src/resources/consents/form.js';
import { FORM_TEXTS } from '../src/resources/consents/form-texts/index.js';
import { sniffScanType } from '../src/resources/consents/scan.js';
import { createTestApp, type TestApp } from './app.js';
import { type ConsentWorld, consentWorld, HER_NAME, multipart, recordConsent } from './consents-helpers.js';
import { DATABASE_KINDS } from './databases.js';
import { pdfText } from './pdf-text.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MARKER = 'SYNTHETIC-SIGNED-SCAN-7f3a9c';

describe('scan type sniffing', () => {
  it('recognises PDF, JPEG and PNG by their first bytes only', () => {
    expect(sniffScanType(Buffer.from('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(sniffScanType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBe('image/jpeg');
    expect(sniffScanType(Buffer.concat([PNG_MAGIC, Buffer.from('IHDR')]))).toBe('image/png');
    expect(sniffScanType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffScanType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffScanType(Buffer.from('%PD'))).toBeNull();
    expect(sniffScanType(Buffer.alloc(0))).toBeNull();
  });
});

describe('consent form texts', () => {
  it.each(CONSENT_FORM_LANGUAGES)(
    'renders the %s form in its own words, naming purpose, group and information',
    async (language) => {
      const texts = FORM_TEXTS[language];
      const bytes = await renderConsentForm({
        language,
        caseCode: 'TST-2026-0001',
        organizationName: 'Synthetic organization',
        purpose: 'share_section',
        recipient: 'team:lawyer',
        categories: ['legal'],
      });
      const text = pdfText(bytes).replace(/\s+/g, ' ');
      expect(text).toContain(texts.title);
      expect(text).toContain(texts.purposes.share_section);
      expect(text).toContain(texts.recipientTeam.replace('{role}', texts.roles.lawyer));
      expect(text).toContain(texts.sections.legal);
      for (const right of texts.rights) expect(text).toContain(right);
      if (language !== 'en') expect(text).not.toContain(FORM_TEXTS.en.rights[0]);
    },
  );
});

describe.each(DATABASE_KINDS)('consent documents on %s', (kind) => {
  let t: TestApp;
  let w: ConsentWorld;
  let consentId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await consentWorld(t);
    consentId = (await recordConsent(t, w, { method: 'scanned_document' })).json().id;
  });
  afterAll(() => t?.close());

  const form = (query: string, cookie = w.cookies.reference) =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/consents/form.pdf?${query}`,
      headers: { cookie },
    });

  it('prints the form in Spanish, in plain words, with the case code and never her name', async () => {
    const response = await form(
      'language=es&purpose=share_section&recipient=org:lawyer&categories=legal,safety',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="consent-form-.+-es\.pdf"$/,
    );
    expect(response.headers['cache-control']).toContain('no-store');
    const text = pdfText(response.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Formulario de consentimiento');
    expect(text).toContain(w.caseCode);
    expect(text).toContain('Todos los abogados de nuestra entidad');
    expect(text).toContain('Tus papeles, permisos y juicios');
    expect(text).toContain('Decir que no nunca te quita ningún servicio');
    expect(text).toContain('Puedes cambiar de opinión en cualquier momento');
    expect(text).toContain('Intérprete');
    expect(text).not.toContain('Ilinca');
    expect(text).not.toContain('Consent form');
  });

  it('prints the form in Romanian with its own letters, blanks left for what is not decided', async () => {
    const response = await form('language=ro');
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Formular de consimțământ');
    expect(text).toContain('Te poți răzgândi oricând');
    expect(text).toContain('Refuzul nu te costă niciodată niciun serviciu');
    expect(text).toContain('Semnătura sau semnul tău');
    expect(text).toContain('____');
    expect(text).not.toContain(HER_NAME);
    const [audited] = await t.database.ownerQuery<{ n: string }>(
      `select count(*)::text as n from audit_event where action = 'consent.form_printed' and resource_id = $1`,
      [w.participantId],
    );
    expect(audited?.n).toBe('2');
  });

  it('refuses a language the form is not written in, and unknown sections', async () => {
    const language = await form('language=de');
    expect(language.statusCode).toBe(400);
    expect(language.json().error.details[0].field).toBe('language');
    const categories = await form('language=en&categories=legal,weather');
    expect(categories.statusCode).toBe(400);
    expect(categories.json().error.details[0].field).toMatch(/^categories/);
    expect((await form('language=en', w.cookies.lawyerElsewhere)).statusCode).toBe(403);
  });

  const upload = (body: ReturnType<typeof multipart>, cookie = w.cookies.reference, id = consentId) =>
    t.app.inject({
      method: 'POST',
      url: `/api/participants/${w.participantId}/consents/${id}/scan`,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });

  it('refuses a file that only claims to be a PDF, naming the field', async () => {
    const fake = await upload(multipart(Buffer.from('<html>not a scan</html>'), { type: 'application/pdf' }));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.details).toEqual([{ field: 'file', message: expect.stringContaining('PDF') }]);
    const wrongField = await upload(multipart(Buffer.from('%PDF-1.4'), { field: 'document' }));
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.details[0].field).toBe('file');
  });

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload(multipart(big));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.details[0].field).toBe('file');
    const [stored] = await t.database.ownerQuery<{ n: string }>(
      'select count(*)::text as n from attachment where consent_id = $1',
      [consentId],
    );
    expect(stored?.n).toBe('0');
  });

  it('stores an accepted scan sealed with her key and gives it back only as a download', async () => {
    const png = Buffer.concat([PNG_MAGIC, Buffer.from(`${MARKER} signature image bytes`)]);
    // Declared as a PDF: the stored type is what the bytes are.
    const response = await upload(multipart(png, { filename: 'scan.pdf', type: 'application/pdf' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ contentType: 'image/png', byteSize: png.length });

    const rows = await t.database.ownerQuery<Record<string, unknown>>(
      'select * from attachment where consent_id = $1',
      [consentId],
    );
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(MARKER);
    expect(dump).not.toContain(png.toString('base64').slice(0, 24));
    expect(dump).not.toContain(png.toString('base64url').slice(0, 24));

    const back = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/consents/${consentId}/scan`,
      headers: { cookie: w.cookies.educatorOnTeam },
    });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.headers['content-disposition']).toBe('attachment; filename="signed-consent.png"');
    expect(back.headers['cache-control']).toContain('no-store');
    expect(back.rawPayload.equals(png)).toBe(true);

    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/consents`,
      headers: { cookie: w.cookies.reference },
    });
    const item = listed.json().items.find((c: { id: string }) => c.id === consentId);
    expect(item.scan).toMatchObject({ contentType: 'image/png', byteSize: png.length });
    const actions = await t.database.ownerQuery<{ action: string }>(
      `select action from audit_event where action like 'consent.scan%' and resource_id = $1 order by seq`,
      [w.participantId],
    );
    expect(actions.map((a) => a.action)).toEqual(['consent.scan_uploaded', 'consent.scan_read']);
  });

  it('keeps scans to her team and coordinators', async () => {
    const pdf = multipart(Buffer.from('%PDF-1.4 synthetic'));
    expect((await upload(pdf, w.cookies.educatorElsewhere)).statusCode).toBe(403);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${w.participantId}/consents/${consentId}/scan`,
      headers: { cookie: w.cookies.lawyerElsewhere },
    });
    expect(read.statusCode).toBe(403);
  });
});
