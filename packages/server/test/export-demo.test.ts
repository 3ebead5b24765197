/**
 * Every case of the synthetic demo exports: the JSON matches its published schema and the PDF
 * renders in every language it is offered in. Guards the export against data other screens
 * write (intake records, consents, scans, handovers) changing shape.
 */

import { ZCaseFileExport } from '@cope/contracts';
import { CONSENT_FORM_LANGUAGES, type OrganizationId, SECTIONS, type UserId } from '@cope/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participant, staffUser } from '../src/db/schema.js';
import { DEMO_ORGANIZATIONS, loadDemo } from '../src/demo/seed.js';
import { buildCaseFile } from '../src/resources/case-file/export-data.js';
import { renderCaseFilePdf } from '../src/resources/case-file/export-pdf.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases.js';
import { pdfText } from './pdf-text.js';

describe.each(DATABASE_KINDS)('export of the demo cases on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await loadDemo(database.db, database.keyring);
  }, 120_000);
  afterAll(() => database?.destroy());

  it.each(DEMO_ORGANIZATIONS.map((org) => [org.name, org.id]))(
    'every case of %s',
    async (_name, organizationId) => {
      await database.db.run({ organizationId, userId: null }, async (tx) => {
        const [coordinator] = await tx
          .select({ id: staffUser.id })
          .from(staffUser)
          .where(sql`'coordinator' = any(${staffUser.roles})`);
        const viewer = {
          organizationId: organizationId as OrganizationId,
          userId: (coordinator?.id ?? '') as UserId,
        };
        const cases = await tx.select({ id: participant.id }).from(participant);
        expect(cases.length).toBeGreaterThan(10);
        for (const [i, { id }] of cases.entries()) {
          const file = ZCaseFileExport.parse(
            await buildCaseFile(tx, database.keyring, viewer, id, 'json', new Set(SECTIONS)),
          );
          expect(file.identity.preferredName).toEqual(expect.any(String));
          const language = CONSENT_FORM_LANGUAGES[i % CONSENT_FORM_LANGUAGES.length] ?? 'en';
          const pdf = await renderCaseFilePdf(file, language);
          if (i < 2) expect(pdfText(pdf)).toContain(file.case.caseCode);
        }
      });
    },
    120_000,
  );
});
