/**
 * The safety part of her file: her risk assessments with their answers, the measures of her risk
 * management plan, her incident log and the places recorded for her. Included only for an
 * exporter who may open her safety section; addresses only for one who may see her identity.
 */
import type { TCaseFileExport } from '@cope/contracts';
import { asc, eq } from 'drizzle-orm';
import { casePlace, incident, riskAssessment, riskMeasure } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import { actionsRef, descriptionRef } from '../incidents/presenter.js';
import { decisionReasonRef } from '../risk/assessments.js';
import { openAssessment } from '../risk/content.js';
import { measureDescriptionRef } from '../risk/measures.js';
import { openPlace } from '../risk-areas/place-content.js';

type Safety = NonNullable<TCaseFileExport['safety']>;

export async function safetyOf(
  tx: Tx,
  keyring: Keyring,
  input: {
    participantId: string;
    dataKey: Buffer | null;
    name: (id: string | null) => string | null;
    withAddresses: boolean;
  },
): Promise<Safety> {
  const { participantId, dataKey, name } = input;
  const open = (ref: { table: string; column: string; recordId: string }, stored: string | null) =>
    dataKey && stored ? keyring.openWithKey(dataKey, ref, stored) : null;

  const assessments = await tx
    .select()
    .from(riskAssessment)
    .where(eq(riskAssessment.participantId, participantId))
    .orderBy(asc(riskAssessment.assessedOn), asc(riskAssessment.createdAt));
  const measures = await tx
    .select()
    .from(riskMeasure)
    .where(eq(riskMeasure.participantId, participantId))
    .orderBy(asc(riskMeasure.createdAt));
  const incidents = await tx
    .select()
    .from(incident)
    .where(eq(incident.participantId, participantId))
    .orderBy(asc(incident.occurredOn), asc(incident.createdAt));
  const places = await tx
    .select()
    .from(casePlace)
    .where(eq(casePlace.participantId, participantId))
    .orderBy(asc(casePlace.createdAt));

  return {
    assessments: assessments.map((a) => {
      const content = dataKey ? openAssessment(keyring, dataKey, a.id, a.contentEnc) : null;
      return {
        assessedOn: a.assessedOn,
        assessedBy: name(a.assessedByUserId),
        ruleVersion: a.ruleVersion,
        computedLevel: a.computedLevel,
        level: a.level,
        override: a.override,
        answers: content?.answers ?? null,
        reasons: content?.reasons.map((r) => r.factor) ?? null,
        overrideReason: content?.overrideReason ?? null,
        summary: content?.summary ?? null,
        decidedBy: name(a.decidedByUserId),
        decisionReason: open(decisionReasonRef(a.id), a.decisionReasonEnc),
      };
    }),
    measures: measures.map((m) => ({
      description: open(measureDescriptionRef(m.id), m.descriptionEnc),
      owner: name(m.ownerUserId),
      dueOn: m.dueOn,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
    })),
    incidents: incidents.map((i) => ({
      kind: i.kind,
      occurredOn: i.occurredOn,
      description: open(descriptionRef(i.id), i.descriptionEnc),
      actionsTaken: open(actionsRef(i.id), i.actionsEnc),
      recordedBy: name(i.recordedByUserId),
      followedUpAt: i.followUpDoneAt?.toISOString() ?? null,
    })),
    places: places.map((p) => {
      const content = input.withAddresses && dataKey ? openPlace(keyring, dataKey, p.id, p.placeEnc) : null;
      return {
        kind: p.kind,
        address: content?.label ?? null,
        point: content ? ([content.lng, content.lat] as [number, number]) : null,
        recordedAt: p.createdAt.toISOString(),
        endedAt: p.endedAt?.toISOString() ?? null,
      };
    }),
  };
}
