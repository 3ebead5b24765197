/**
 * Seeds the parts of her file that other screens write (section records, a consent withdrawn
 * with a note and its signed scan, a handover note, a task), sealed exactly as the application
 * seals them (records through the intake's own writer), so export and erasure tests can check
 * what comes back out and what is shredded.
 */
import { randomUUID } from 'node:crypto';
import type { RecordSection, TSectionRecordData } from '@cope/contracts';
import { attachment, consent, participantLookup, referenceHandover, task } from '../src/db/schema-case.js';
import { SEALED } from '../src/resources/case-file/sealed-fields.js';
import { writeRecord } from '../src/resources/intake/record-store.js';
import type { TestDatabase } from './databases.js';

export interface HerFileValues {
  /** Words that identify her, written into records and notes. */
  phone: string;
  codeWord: string;
  withdrawalNote: string;
  handoverNote: string;
  scanText: string;
}

export async function seedHerFile(
  database: Pick<TestDatabase, 'db' | 'keyring'>,
  organizationId: string,
  participantId: string,
  staff: { authorId: string; fromId: string; toId: string },
  values: HerFileValues,
) {
  return database.db.run({ organizationId, userId: null }, async (tx) => {
    const key = await database.keyring.participantKey(tx, organizationId, participantId);
    if (!key) throw new Error('she has no data key');
    const seal = (ref: Parameters<typeof database.keyring.sealWithKey>[1], text: string) =>
      database.keyring.sealWithKey(key, ref, text);
    const records: [RecordSection, TSectionRecordData][] = [
      [
        'identity',
        {
          contact: {
            phones: [values.phone],
            address: '',
            safeChannels: ['in_person'],
            safeTimes: '',
            mayLeaveMessage: 'no',
            codeWord: values.codeWord,
          },
        },
      ],
      ['legal', { legal: { asylumSeeker: 'yes', legalSituations: ['asylum_in_process'] } }],
    ];
    for (const [section, next] of records) {
      const previous = { version: 0, data: {}, changes: [], updatedAt: null, updatedBy: null };
      await writeRecord(tx, database.keyring, key, {
        organizationId,
        participantId,
        section,
        previous,
        next,
        userId: staff.authorId,
      });
    }
    await tx.insert(participantLookup).values({
      organizationId,
      participantId,
      kind: 'phone',
      digest: await database.keyring.blindIndex(tx, organizationId, 'phone', values.phone),
    });
    const consentId = randomUUID();
    await tx.insert(consent).values({
      id: consentId,
      organizationId,
      participantId,
      purpose: 'share_section',
      recipient: 'team:lawyer',
      dataCategories: ['legal'],
      method: 'witnessed_verbal',
      language: 'ro',
      explainedByUserId: staff.authorId,
      givenOn: '2026-01-10',
      expiresOn: null,
      withdrawnAt: new Date(),
      withdrawalMethod: 'verbal',
      withdrawalNoteEnc: seal(SEALED.withdrawalNote(consentId), values.withdrawalNote),
      withdrawnByUserId: staff.authorId,
      recordedByUserId: staff.authorId,
    });
    const scanId = randomUUID();
    const scanBase64 = Buffer.from(`%PDF-1.4\n${values.scanText}\n%%EOF`).toString('base64');
    await tx.insert(attachment).values({
      id: scanId,
      organizationId,
      participantId,
      consentId,
      kind: 'consent_scan',
      contentType: 'application/pdf',
      byteSize: Buffer.from(scanBase64, 'base64').length,
      dataEnc: seal(SEALED.scan(scanId), scanBase64),
      uploadedByUserId: staff.authorId,
    });
    const handoverId = randomUUID();
    await tx.insert(referenceHandover).values({
      id: handoverId,
      organizationId,
      participantId,
      fromUserId: staff.fromId,
      toUserId: staff.toId,
      noteEnc: seal(SEALED.handoverNote(handoverId), values.handoverNote),
      byUserId: staff.fromId,
    });
    await tx.insert(task).values({
      id: randomUUID(),
      organizationId,
      participantId,
      assigneeUserId: staff.toId,
      kind: 'review_after_withdrawal',
      dueOn: '2026-02-01',
    });
    return { consentId, scanId, handoverId, scanBase64 };
  });
}
