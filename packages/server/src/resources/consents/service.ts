/**
 * The consent register: listing her consents with their state, recording one, and withdrawing
 * one. A withdrawal takes effect at once: every share resting on it ends in the same
 * transaction, and her reference professional gets a task to review what was in flight.
 */
import { randomUUID } from 'node:crypto';
import type {
  TConsent,
  TRecordConsentRequest,
  TSectionShare,
  TWithdrawConsentRequest,
} from '@cope/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { consent, sectionShare } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CaseFacts } from '../../policy/case-access.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { createTask } from '../tasks/create.js';
import { presentConsent, presentShare } from './presenter.js';
import { consentRows, explainers, latestScans, shareRows } from './queries.js';
import { withdrawalNoteRef } from './refs.js';

const audit = (
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  action: 'record.read' | 'consent.recorded' | 'consent.withdrawn',
) =>
  recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action,
    resourceType: 'participant',
    resourceId: participantId,
  });

/** Her data key, or a refusal when her file was erased (nothing more can be added to it). */
export async function dataKeyOrErased(tx: Tx, keyring: Keyring, viewer: Viewer, participantId: string) {
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  if (!dataKey) throw new AppError('CONFLICT', 'This record was erased; nothing can be added to it.');
  return dataKey;
}

async function presentAll(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  today: string,
  consentId?: string,
): Promise<TConsent[]> {
  const rows = await consentRows(tx, participantId, consentId);
  const scans = await latestScans(tx, participantId);
  const needsKey = rows.some((row) => row.consent.withdrawalNoteEnc);
  const dataKey = needsKey ? await keyring.participantKey(tx, viewer.organizationId, participantId) : null;
  return rows.map((row) => {
    const sealed = row.consent.withdrawalNoteEnc;
    const withdrawalNote =
      sealed && dataKey ? keyring.openWithKey(dataKey, withdrawalNoteRef(row.consent.id), sealed) : null;
    return presentConsent(row, today, { withdrawalNote, scan: scans.get(row.consent.id) });
  });
}

export async function listConsents(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  today: string,
) {
  const items = await presentAll(tx, keyring, viewer, participantId, today);
  await audit(tx, viewer, participantId, 'record.read');
  return { items };
}

export async function listExplainers(tx: Tx) {
  return { items: await explainers(tx) };
}

export async function recordConsentFor(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  request: TRecordConsentRequest,
  today: string,
): Promise<TConsent> {
  await dataKeyOrErased(tx, keyring, viewer, participantId);
  const explainedBy = request.explainedByUserId ?? viewer.userId;
  if (!(await explainers(tx)).some((person) => person.id === explainedBy)) {
    const message = 'Choose a colleague of your organization who works on cases.';
    throw new AppError('VALIDATION_FAILED', `Check the body: explainedByUserId — ${message}`, [
      { field: 'explainedByUserId', message },
    ]);
  }
  const id = randomUUID();
  const withRecipient = request.purpose === 'share_section' || request.purpose === 'referral';
  await tx.insert(consent).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    purpose: request.purpose,
    recipient: withRecipient ? (request.recipient?.trim() ?? null) : null,
    dataCategories: request.dataCategories,
    method: request.method,
    language: request.language,
    explainedByUserId: explainedBy,
    givenOn: request.givenOn,
    expiresOn: request.expiresOn ?? null,
    recordedByUserId: viewer.userId,
  });
  await audit(tx, viewer, participantId, 'consent.recorded');
  const [created] = await presentAll(tx, keyring, viewer, participantId, today, id);
  if (!created) throw notFound('This consent');
  return created;
}

export async function withdrawConsentFor(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  facts: CaseFacts,
  consentId: string,
  request: TWithdrawConsentRequest,
  today: string,
): Promise<{ consent: TConsent; endedShares: TSectionShare[] }> {
  const { participantId } = facts;
  const [row] = await tx
    .select({ id: consent.id, withdrawnAt: consent.withdrawnAt, purpose: consent.purpose })
    .from(consent)
    .where(and(eq(consent.id, consentId), eq(consent.participantId, participantId)))
    .for('update');
  if (!row) throw notFound('This consent');
  if (row.withdrawnAt) throw new AppError('CONFLICT', 'This consent was already withdrawn.');
  const dataKey = await dataKeyOrErased(tx, keyring, viewer, participantId);
  const now = new Date();
  const note = request.note?.trim();
  await tx
    .update(consent)
    .set({
      withdrawnAt: now,
      withdrawalMethod: request.method,
      withdrawalNoteEnc: note ? keyring.sealWithKey(dataKey, withdrawalNoteRef(consentId), note) : null,
      withdrawnByUserId: viewer.userId,
    })
    .where(eq(consent.id, consentId));
  const ended = await tx
    .update(sectionShare)
    .set({ endedAt: now, endedReason: 'consent_withdrawn' })
    .where(and(eq(sectionShare.consentId, consentId), isNull(sectionShare.endedAt)))
    .returning({ id: sectionShare.id, section: sectionShare.section });
  await audit(tx, viewer, participantId, 'consent.withdrawn');
  for (const share of ended) {
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'section.share_ended',
      resourceType: 'participant',
      resourceId: participantId,
      section: share.section,
      reason: 'consent_withdrawn',
    });
  }
  // Whatever relied on this consent outside the register (a referral under way, a message
  // planned) is known to her reference professional: she gets a task to review it.
  await createTask(tx, {
    organizationId: viewer.organizationId,
    participantId,
    assigneeUserId: facts.referenceUserId ?? viewer.userId,
    kind: 'review_after_withdrawal',
    dueOn: addDays(today, 2),
    payload: { consentId, purpose: row.purpose, endedShares: ended.length },
  });
  const [presented] = await presentAll(tx, keyring, viewer, participantId, today, consentId);
  if (!presented) throw notFound('This consent');
  const endedShares =
    ended.length > 0 ? await shareRows(tx, participantId, { shareIds: ended.map((share) => share.id) }) : [];
  return { consent: presented, endedShares: endedShares.map((share) => presentShare(share, today)) };
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
