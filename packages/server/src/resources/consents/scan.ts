/**
 * Signed consent scans: PDF, JPEG or PNG only, recognised by their first bytes (the type a
 * browser declares is not trusted), sealed with her data key before they reach the database.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { attachment, consent } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { scanRef } from './refs.js';
import { dataKeyOrErased } from './service.js';

export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: { type: ScanType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The file's real type from its magic bytes, or null when it is none of the accepted ones. */
export function sniffScanType(bytes: Buffer): ScanType | null {
  const match = SIGNATURES.find(({ bytes: magic }) => magic.every((byte, i) => bytes[i] === byte));
  return match?.type ?? null;
}

export const EXTENSIONS: Record<ScanType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** A problem with the uploaded file, named as the field `file`. */
export function fileProblem(code: 'VALIDATION_FAILED' | 'BODY_TOO_LARGE', message: string): AppError {
  return new AppError(code, `Check the file: ${message}`, [{ field: 'file', message }]);
}

async function requireConsent(tx: Tx, participantId: string, consentId: string) {
  const [row] = await tx
    .select({ id: consent.id })
    .from(consent)
    .where(and(eq(consent.id, consentId), eq(consent.participantId, participantId)));
  if (!row) throw notFound('This consent');
}

const audit = (
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  action: 'consent.scan_uploaded' | 'consent.scan_read',
) =>
  recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'participant',
    resourceId: participantId,
  });

export async function storeScan(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  consentId: string,
  bytes: Buffer,
) {
  const contentType = sniffScanType(bytes);
  if (!contentType) throw fileProblem('VALIDATION_FAILED', 'Upload a PDF, JPEG or PNG file.');
  await requireConsent(tx, participantId, consentId);
  const dataKey = await dataKeyOrErased(tx, keyring, viewer, participantId);
  const id = randomUUID();
  await tx.insert(attachment).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    consentId,
    kind: 'consent_scan',
    contentType,
    byteSize: bytes.length,
    dataEnc: keyring.sealWithKey(dataKey, scanRef(id), bytes.toString('base64')),
    uploadedByUserId: viewer.userId,
  });
  await audit(tx, viewer, participantId, 'consent.scan_uploaded');
  return { contentType, byteSize: bytes.length };
}

export async function readScan(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  consentId: string,
) {
  await requireConsent(tx, participantId, consentId);
  const [row] = await tx
    .select({ id: attachment.id, contentType: attachment.contentType, dataEnc: attachment.dataEnc })
    .from(attachment)
    .where(and(eq(attachment.consentId, consentId), eq(attachment.participantId, participantId)))
    .orderBy(desc(attachment.createdAt))
    .limit(1);
  if (!row) throw notFound('The signed scan');
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw notFound('The signed scan');
  const bytes = Buffer.from(keyring.openWithKey(dataKey, scanRef(row.id), row.dataEnc), 'base64');
  await audit(tx, viewer, participantId, 'consent.scan_read');
  return { contentType: row.contentType as ScanType, bytes };
}
