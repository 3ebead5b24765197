/**
 * Loads what the transparency log is built from — the audit events about her case, the staff
 * they name, her shares and consents — and pages through it by whole days.
 */
import type { TTransparencyLog, TTransparencyQuery } from '@cope/contracts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@cope/domain';
import { and, desc, eq, lt } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { auditEvent } from '../../db/schema.js';
import { consent, sectionShare } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import type { Viewer } from '../auth/sessions.js';
import { staffByIds } from '../case-team/service.js';
import {
  buildTransparencyLog,
  staffIdsIn,
  type TransparencyAuditRow,
  type TransparencyConsent,
  type TransparencyShare,
} from './transparency.js';

/** Audit events read per page: a busy month of a case, far more than a day of work. */
export const LOG_PAGE_EVENTS = 2000;

const asPurpose = (value: string): ConsentPurpose | null =>
  (CONSENT_PURPOSES as readonly string[]).includes(value) ? (value as ConsentPurpose) : null;

/**
 * Rows newest first. When more exist than one page holds, the oldest (probably incomplete) day
 * is left for the next page, so a day's reads are counted together; a single day larger than a
 * page is cut at a timestamp boundary instead.
 */
export function cutAtDay<T extends { occurredAt: Date }>(
  rows: T[],
  limit: number,
  dayOf: (row: T) => string,
): { rows: T[]; nextBefore: string | null } {
  if (rows.length <= limit) return { rows, nextBefore: null };
  const page = rows.slice(0, limit);
  const oldestDay = dayOf(page[page.length - 1] as T);
  let kept = page.filter((row) => dayOf(row) !== oldestDay);
  if (kept.length === 0) {
    const oldest = page[page.length - 1]?.occurredAt.getTime();
    kept = page.filter((row) => row.occurredAt.getTime() !== oldest);
    if (kept.length === 0) kept = page;
  }
  const last = kept[kept.length - 1];
  return { rows: kept, nextBefore: last ? last.occurredAt.toISOString() : null };
}

export async function readTransparency(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  query: TTransparencyQuery,
): Promise<TTransparencyLog> {
  const fetched: TransparencyAuditRow[] = await tx
    .select({
      id: auditEvent.id,
      occurredAt: auditEvent.occurredAt,
      actorUserId: auditEvent.actorUserId,
      action: auditEvent.action,
      section: auditEvent.section,
      reason: auditEvent.reason,
      outcome: auditEvent.outcome,
      flagged: auditEvent.flagged,
    })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.organizationId, viewer.organizationId),
        eq(auditEvent.resourceType, 'participant'),
        eq(auditEvent.resourceId, participantId),
        ...(query.before ? [lt(auditEvent.occurredAt, new Date(query.before))] : []),
      ),
    )
    .orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
    .limit(LOG_PAGE_EVENTS + 1);
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: query.timeZone });
  const { rows, nextBefore } = cutAtDay(fetched, LOG_PAGE_EVENTS, (row) => dayFormat.format(row.occurredAt));

  const staff = await staffByIds(tx, staffIdsIn(rows));
  const shareRows = await tx
    .select({ share: sectionShare, purpose: consent.purpose, givenOn: consent.givenOn })
    .from(sectionShare)
    .leftJoin(consent, eq(consent.id, sectionShare.consentId))
    .where(eq(sectionShare.participantId, participantId));
  const shares: TransparencyShare[] = shareRows.map(({ share, purpose, givenOn }) => {
    const known = purpose ? asPurpose(purpose) : null;
    return {
      section: share.section,
      audience: share.audience,
      createdByUserId: share.createdByUserId,
      createdAt: share.createdAt,
      endedAt: share.endedAt,
      emergency: share.consentId === null,
      consent: known && givenOn ? { purpose: known, givenOn } : null,
    };
  });
  const consentRows = await tx.select().from(consent).where(eq(consent.participantId, participantId));
  const consents: TransparencyConsent[] = consentRows.flatMap((c) => {
    const purpose = asPurpose(c.purpose);
    return purpose
      ? [
          {
            purpose,
            recipient: c.recipient,
            dataCategories: c.dataCategories,
            recordedByUserId: c.recordedByUserId,
            createdAt: c.createdAt,
            withdrawnAt: c.withdrawnAt,
            withdrawnByUserId: c.withdrawnByUserId,
          },
        ]
      : [];
  });

  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'transparency.read',
    resourceType: 'participant',
    resourceId: participantId,
  });
  return {
    days: buildTransparencyLog(rows, { staff, shares, consents, timeZone: query.timeZone }),
    nextBefore,
  };
}
