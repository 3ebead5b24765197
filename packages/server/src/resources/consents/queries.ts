/** Reading her consents, their signed scans and the shares that rest on them. */
import type { ConsentFacts, ConsentPurpose, Section } from '@cope/domain';
import { and, arrayOverlaps, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { staffUser } from '../../db/schema.js';
import { attachment, consent, sectionShare } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { CASE_ROLES } from '../../policy/index.js';

const explainer = alias(staffUser, 'explainer');
const withdrawer = alias(staffUser, 'withdrawer');

export async function consentRows(tx: Tx, participantId: string, consentId?: string) {
  return tx
    .select({
      consent,
      explainedByName: explainer.displayName,
      withdrawnByName: withdrawer.displayName,
    })
    .from(consent)
    .innerJoin(explainer, eq(explainer.id, consent.explainedByUserId))
    .leftJoin(withdrawer, eq(withdrawer.id, consent.withdrawnByUserId))
    .where(
      consentId
        ? and(eq(consent.participantId, participantId), eq(consent.id, consentId))
        : eq(consent.participantId, participantId),
    )
    .orderBy(desc(consent.givenOn), desc(consent.createdAt));
}
export type ConsentRow = Awaited<ReturnType<typeof consentRows>>[number];

export function consentFacts(row: typeof consent.$inferSelect): ConsentFacts {
  return {
    id: row.id,
    purpose: row.purpose as ConsentPurpose,
    recipient: row.recipient,
    dataCategories: row.dataCategories as Section[],
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    withdrawnAt: row.withdrawnAt,
  };
}

/** The newest scan of each consent (metadata only, never the bytes). */
export async function latestScans(tx: Tx, participantId: string) {
  const rows = await tx
    .select({
      consentId: attachment.consentId,
      contentType: attachment.contentType,
      byteSize: attachment.byteSize,
      createdAt: attachment.createdAt,
    })
    .from(attachment)
    .where(and(eq(attachment.participantId, participantId), eq(attachment.kind, 'consent_scan')))
    .orderBy(asc(attachment.createdAt));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (row.consentId) latest.set(row.consentId, row);
  return latest;
}

/** Colleagues who may be named as having explained a consent: active case-working staff. */
export function explainers(tx: Tx) {
  return tx
    .select({ id: staffUser.id, displayName: staffUser.displayName })
    .from(staffUser)
    .where(and(isNull(staffUser.disabledAt), arrayOverlaps(staffUser.roles, CASE_ROLES)))
    .orderBy(asc(staffUser.displayName));
}

const creator = alias(staffUser, 'creator');

export async function shareRows(
  tx: Tx,
  participantId: string,
  filter: { shareIds?: string[]; consentId?: string } = {},
) {
  const conditions = [eq(sectionShare.participantId, participantId)];
  if (filter.shareIds) conditions.push(inArray(sectionShare.id, filter.shareIds));
  if (filter.consentId) conditions.push(eq(sectionShare.consentId, filter.consentId));
  return tx
    .select({ share: sectionShare, createdByName: creator.displayName, consent })
    .from(sectionShare)
    .innerJoin(creator, eq(creator.id, sectionShare.createdByUserId))
    .leftJoin(consent, eq(consent.id, sectionShare.consentId))
    .where(and(...conditions))
    .orderBy(desc(sectionShare.createdAt));
}
export type ShareRow = Awaited<ReturnType<typeof shareRows>>[number];
