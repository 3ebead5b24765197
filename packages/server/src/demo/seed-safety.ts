/**
 * Synthetic safety data for the demo: every assessed case has an assessment whose answers give
 * its level under the rules in force, a periodic reassessment task (some of them overdue), and
 * plan measures when the level is high or critical. Each organization gets a first version of its
 * risk management protocol and two risk areas drawn around a fictional neighbourhood.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_SAFETY_SETTINGS,
  RISK_FACTORS,
  type RiskAnswers,
  type RiskFactor,
  type RiskLevel,
  reassessmentDueOn,
  riskRank,
  scoreRisk,
} from '@cope/domain';
import { eq } from 'drizzle-orm';
import { participant } from '../db/schema.js';
import { riskArea, riskAssessment, riskMeasure, riskProtocol } from '../db/schema-safety.js';
import type { Tx } from '../db/tenant.js';
import { sealAssessment } from '../resources/risk/content.js';
import { measureDescriptionRef } from '../resources/risk/measures.js';
import { createTask } from '../resources/tasks/create.js';
import type { Keyring } from '../security/keyring.js';

/** Factors answered "yes" for each level; every other factor is "no". */
const YES_BY_LEVEL: Record<RiskLevel, RiskFactor[]> = {
  low: [],
  medium: ['no_income', 'isolation'],
  high: ['threats_to_her', 'irregular_status'],
  critical: ['threats_to_her', 'trafficker_knows_location', 'debt'],
};

const MEASURES: Record<'high' | 'critical', string[]> = {
  high: ['Plan a new route to the training centre with her.', 'Check her phone together for unknown apps.'],
  critical: [
    'No group activities until the next assessment.',
    'Accompany her to every court appearance.',
    'Tell the police contact about the latest threat.',
  ],
};

const isoDaysAgo = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

export interface SafetySeedCase {
  organizationId: string;
  participantId: string;
  dataKey: Buffer;
  riskLevel: RiskLevel;
  referenceUserId: string;
  openedAt: Date;
}

export async function seedCaseSafety(
  tx: Tx,
  keyring: Keyring,
  input: SafetySeedCase,
  random: () => number,
  now = new Date(),
): Promise<void> {
  const yes = new Set(YES_BY_LEVEL[input.riskLevel]);
  const answers = Object.fromEntries(RISK_FACTORS.map((f) => [f, yes.has(f) ? 'yes' : 'no'])) as RiskAnswers;
  const score = scoreRisk(answers);
  const openedDaysAgo = Math.max(0, Math.floor((now.getTime() - input.openedAt.getTime()) / 86_400_000));
  // Some assessments are recent, some are past their periodic due date.
  const days = DEFAULT_SAFETY_SETTINGS.reassessmentDays[score.level];
  const assessedDaysAgo = Math.min(openedDaysAgo, Math.floor(random() * days * 1.3));
  const assessedOn = isoDaysAgo(now, assessedDaysAgo);
  const id = randomUUID();
  await tx.insert(riskAssessment).values({
    id,
    organizationId: input.organizationId,
    participantId: input.participantId,
    assessedOn,
    assessedByUserId: input.referenceUserId,
    contentEnc: sealAssessment(keyring, input.dataKey, id, {
      answers: Object.fromEntries(
        RISK_FACTORS.map((f) => [f, { answer: answers[f] ?? 'no', note: '' }]),
      ) as never,
      points: score.points,
      reasons: score.reasons,
      overrideReason: null,
      summary: 'Assessed with her at the centre, in her language.',
    }),
    ruleVersion: score.ruleVersion,
    computedLevel: score.level,
    level: score.level,
  });
  const dueOn = reassessmentDueOn(assessedOn, score.level, DEFAULT_SAFETY_SETTINGS.reassessmentDays);
  await tx
    .update(participant)
    .set({
      riskLevel: score.level,
      riskRank: riskRank(score.level),
      riskAssessedOn: assessedOn,
      riskReassessDueOn: dueOn,
    })
    .where(eq(participant.id, input.participantId));
  await createTask(tx, {
    organizationId: input.organizationId,
    participantId: input.participantId,
    assigneeUserId: input.referenceUserId,
    kind: 'risk_reassessment',
    dueOn,
    payload: { section: 'safety' },
  });
  if (score.level === 'high' || score.level === 'critical') {
    for (const [i, description] of MEASURES[score.level].entries()) {
      const measureId = randomUUID();
      const measureDue = isoDaysAgo(now, -7 * (i + 1));
      await tx.insert(riskMeasure).values({
        id: measureId,
        organizationId: input.organizationId,
        participantId: input.participantId,
        assessmentId: id,
        descriptionEnc: keyring.sealWithKey(input.dataKey, measureDescriptionRef(measureId), description),
        ownerUserId: input.referenceUserId,
        dueOn: measureDue,
        status: i === 0 ? 'in_progress' : 'planned',
        createdByUserId: input.referenceUserId,
      });
      await createTask(tx, {
        organizationId: input.organizationId,
        participantId: input.participantId,
        assigneeUserId: input.referenceUserId,
        kind: 'risk_measure',
        dueOn: measureDue,
        payload: { measureId, section: 'safety' },
      });
    }
  }
}

const PROTOCOL = `When a woman or a member of staff is at risk:
1. If anyone is in immediate danger, call the emergency number (112) first.
2. Tell the coordinator on duty the same day.
3. Record the incident in her case, with what was done.
4. Her reference professional reassesses her risk within two days and updates her safety plan.
5. Never confirm to anyone outside the team that she takes part in our programme.
6. Staff who feel followed change their route home and tell the coordinator.`;

/** Two areas around a fictional neighbourhood near the map's default centre. */
const AREAS: { label: string; category: string; polygon: [number, number][] }[] = [
  {
    label: 'Old market streets',
    category: 'network_activity',
    polygon: [
      [-3.712, 40.41],
      [-3.705, 40.41],
      [-3.705, 40.415],
      [-3.712, 40.415],
    ],
  },
  {
    label: 'Industrial estate, north gate',
    category: 'exploitation_venue',
    polygon: [
      [-3.695, 40.425],
      [-3.688, 40.424],
      [-3.689, 40.429],
      [-3.696, 40.43],
    ],
  },
];

export async function seedOrganizationSafety(
  tx: Tx,
  organizationId: string,
  coordinatorUserId: string,
): Promise<void> {
  await tx.insert(riskProtocol).values({
    id: randomUUID(),
    organizationId,
    version: 1,
    body: PROTOCOL,
    createdByUserId: coordinatorUserId,
  });
  for (const area of AREAS) {
    const lngs = area.polygon.map(([lng]) => lng);
    const lats = area.polygon.map(([, lat]) => lat);
    await tx.insert(riskArea).values({
      id: randomUUID(),
      organizationId,
      label: area.label,
      category: area.category,
      polygon: area.polygon,
      minLng: Math.min(...lngs),
      minLat: Math.min(...lats),
      maxLng: Math.max(...lngs),
      maxLat: Math.max(...lats),
      createdByUserId: coordinatorUserId,
    });
  }
}
