/** What leaves the server about her plan, milestones and commitments: never a row as is. */
import type { TCommitment, TMilestone, TPlanGoal, TPlanVersion, TPlanVersionSummary } from '@cope/contracts';
import type { PlanContent, Sphere } from '@cope/domain';
import type { commitment, milestone, planVersion } from '../../db/schema-itinerary.js';
import type { AgreementContent, CommitmentContent } from './content.js';
import type { People } from './team.js';

export type VersionRow = typeof planVersion.$inferSelect;
type MilestoneRow = typeof milestone.$inferSelect;
type CommitmentRow = typeof commitment.$inferSelect;

export function presentVersionSummary(row: VersionRow, people: People): TPlanVersionSummary {
  return {
    version: row.version,
    status: row.status,
    startsOn: row.startsOn,
    updatedAt: row.updatedAt.toISOString(),
    createdBy: people(row.createdByUserId),
    agreedOn: row.agreedOn,
    agreementMethod: row.agreementMethod,
  };
}

export function presentVersion(
  row: VersionRow,
  content: PlanContent,
  agreement: AgreementContent | null,
  people: People,
): TPlanVersion {
  return {
    version: row.version,
    status: row.status,
    revision: row.revision,
    basedOnVersion: row.basedOnVersion,
    startsOn: content.startsOn,
    goals: content.goals as TPlanGoal[],
    agreement:
      row.agreementMethod && row.agreedOn
        ? {
            method: row.agreementMethod,
            agreedOn: row.agreedOn,
            witnessName: agreement?.witnessName ?? null,
            // The drawn signature stays on the server: the staff app only needs to know it exists.
            hasSignature: Boolean(agreement?.signature),
            note: agreement?.note ?? '',
            recordedBy: row.agreementRecordedByUserId ? people(row.agreementRecordedByUserId) : null,
          }
        : null,
    createdBy: people(row.createdByUserId),
    updatedBy: people(row.updatedByUserId),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentMilestone(row: MilestoneRow, text: string, people: People): TMilestone {
  return {
    id: row.id,
    sphere: row.sphere as Sphere,
    achievedOn: row.achievedOn,
    text,
    recordedBy: people(row.recordedByUserId),
  };
}

export function presentCommitment(row: CommitmentRow, content: CommitmentContent): TCommitment {
  return {
    id: row.id,
    kind: content.kind,
    title: content.title,
    date: content.date,
    startTime: content.startTime,
    endTime: content.endTime,
    repeatsWeeklyUntil: content.repeatsWeeklyUntil,
  };
}
