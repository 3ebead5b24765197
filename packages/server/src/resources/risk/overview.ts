/**
 * Her safety at a glance: the level in force and its state, what made the assessment out of
 * date since it was made, her assessments, and what this viewer may do. A change reported by
 * hand goes through the case events like any other, so staleness has one home.
 */
import type { ReportableChange, TRiskOverview, TRiskStatus } from '@cope/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { riskTrigger } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { publishCaseEvent } from '../../events/case-events.js';
import { notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import type { SafetyCase } from './access.js';
import { assessmentSummaries } from './assessments.js';
import { peopleOf, presentTrigger } from './presenters.js';
import { riskStatusOf } from './status.js';

export async function readOverview(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  safety: SafetyCase,
): Promise<TRiskOverview> {
  const { participantId } = safety;
  const status = await riskStatusOf(tx, participantId);
  if (!status) throw notFound('This participant');
  const triggers = await tx
    .select()
    .from(riskTrigger)
    .where(and(eq(riskTrigger.participantId, participantId), isNull(riskTrigger.resolvedByAssessmentId)))
    .orderBy(desc(riskTrigger.occurredAt));
  const people = await peopleOf(
    tx,
    triggers.map((row) => row.actorUserId),
  );
  const erased = !(await keyring.participantKey(tx, viewer.organizationId, participantId));
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'risk.read',
    resourceType: 'participant',
    resourceId: participantId,
    section: 'safety',
  });
  const identityFull = safety.full('identity');
  return {
    status,
    triggers: triggers.map((row) => presentTrigger(row, people)),
    assessments: await assessmentSummaries(tx, participantId),
    abilities: {
      assess: safety.may('risk.assess') && !erased,
      confirmLowering: safety.may('risk.confirm_lowering') && !erased,
      recordPlaces: safety.may('place.record') && identityFull && !erased,
      readPlaces: identityFull,
      recordIncidents: safety.may('incident.record') && !erased,
    },
  };
}

/** "She moved", "she starts testifying": published as a case event; the subscribers do the rest. */
export async function reportChange(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  kind: ReportableChange,
  now = new Date(),
): Promise<TRiskStatus> {
  await publishCaseEvent({ tx, keyring, viewer, now }, { kind, participantId, detail: { reported: true } });
  const status = await riskStatusOf(tx, participantId, now);
  if (!status) throw notFound('This participant');
  return status;
}
