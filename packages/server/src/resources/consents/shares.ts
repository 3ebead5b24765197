/**
 * Sharing a section of her case with a role group. Allowed only under her active consent for
 * that section and that group; otherwise refused, naming the consent that is missing. The one
 * exception is an imminent threat to her life: a coordinator may share without consent, with a
 * written reason, flagged in the audit trail, and her reference professional must tell her.
 */
import { randomUUID } from 'node:crypto';
import type { TSectionShare, TShareSectionRequest } from '@cope/contracts';
import { type ConsentNeed, consentState, findConsent } from '@cope/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { consent, sectionShare } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CaseFacts } from '../../policy/case-access.js';
import type { Viewer } from '../auth/sessions.js';
import { createTask } from '../tasks/create.js';
import { presentShare } from './presenter.js';
import { consentFacts, shareRows } from './queries.js';

export type ShareOutcome =
  | { kind: 'shared'; share: TSectionShare }
  | { kind: 'refused'; missing: Required<ConsentNeed> };

export async function listShares(tx: Tx, viewer: Viewer, participantId: string, today: string) {
  const rows = await shareRows(tx, participantId);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'record.read',
    resourceType: 'participant',
    resourceId: participantId,
  });
  return { items: rows.map((row) => presentShare(row, today)) };
}

async function presentOne(tx: Tx, participantId: string, shareId: string, today: string) {
  const [row] = await shareRows(tx, participantId, { shareIds: [shareId] });
  if (!row) throw notFound('This share');
  return presentShare(row, today);
}

export async function shareSectionFor(
  tx: Tx,
  viewer: Viewer,
  facts: CaseFacts,
  request: TShareSectionRequest,
  today: string,
): Promise<ShareOutcome> {
  const { participantId } = facts;
  const { section, audience } = request;
  const open = await tx
    .select({
      id: sectionShare.id,
      consentId: sectionShare.consentId,
      emergencyReason: sectionShare.emergencyReason,
    })
    .from(sectionShare)
    .where(
      and(
        eq(sectionShare.participantId, participantId),
        eq(sectionShare.section, section),
        eq(sectionShare.audience, audience),
        isNull(sectionShare.endedAt),
      ),
    );
  const consents = (await tx.select().from(consent).where(eq(consent.participantId, participantId))).map(
    consentFacts,
  );
  const check = findConsent(
    consents,
    { purpose: 'share_section', recipient: audience, dataCategories: [section] },
    today,
  );
  const active = new Set(consents.filter((c) => consentState(c, today) === 'active').map((c) => c.id));
  const stillInForce = open.some(
    (share) => share.emergencyReason !== null || (share.consentId !== null && active.has(share.consentId)),
  );
  if (stillInForce) {
    throw new AppError('CONFLICT', 'This section is already shared with this group.', { section, audience });
  }
  const base = {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    resourceType: 'participant',
    resourceId: participantId,
    section,
  };
  const emergency = request.emergencyReason && !check.ok ? request.emergencyReason : null;
  if (!check.ok && !emergency) {
    await recordAudit(tx, { ...base, action: 'section.share_refused', outcome: 'denied' });
    return { kind: 'refused', missing: check.missing };
  }
  const id = randomUUID();
  await tx.insert(sectionShare).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    section,
    audience,
    consentId: check.ok ? check.consent.id : null,
    emergencyReason: emergency,
    createdByUserId: viewer.userId,
  });
  if (emergency) {
    await recordAudit(tx, {
      ...base,
      action: 'consent.emergency_override',
      reason: emergency,
      flagged: true,
    });
    // She has a right to know: her reference professional tells her today.
    await createTask(tx, {
      organizationId: viewer.organizationId,
      participantId,
      assigneeUserId: facts.referenceUserId ?? viewer.userId,
      kind: 'tell_her_emergency_share',
      dueOn: today,
      payload: { shareId: id, section, audience },
    });
  } else {
    await recordAudit(tx, { ...base, action: 'section.shared' });
  }
  return { kind: 'shared', share: await presentOne(tx, participantId, id, today) };
}

export async function endShareFor(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  shareId: string,
  today: string,
) {
  const [row] = await tx
    .select({ endedAt: sectionShare.endedAt, section: sectionShare.section })
    .from(sectionShare)
    .where(and(eq(sectionShare.id, shareId), eq(sectionShare.participantId, participantId)));
  if (!row) throw notFound('This share');
  if (row.endedAt) throw new AppError('CONFLICT', 'This share has already ended.');
  await tx
    .update(sectionShare)
    .set({ endedAt: new Date(), endedReason: 'ended_by_staff' })
    .where(eq(sectionShare.id, shareId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'section.share_ended',
    resourceType: 'participant',
    resourceId: participantId,
    section: row.section,
  });
  return presentOne(tx, participantId, shareId, today);
}
