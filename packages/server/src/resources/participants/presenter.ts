/** Builds what a viewer may see of a participant; database rows never leave the server. */
import type { TParticipantSummary } from '@cope/contracts';
import type { AccessLevel } from '@cope/domain';
import type { ParticipantRow } from './queries.js';

export function presentParticipantSummary(
  row: ParticipantRow,
  identity: AccessLevel,
  preferredName: string | null,
): TParticipantSummary {
  return {
    id: row.id,
    caseCode: row.caseCode,
    // The alias is shown to those with at least the limited identity view; others see the code.
    preferredName: identity === 'none' ? null : preferredName,
    status: row.status,
    riskLevel: row.riskLevel,
    openedAt: row.openedAt.toISOString(),
    referenceProfessional:
      row.referenceId && row.referenceName ? { id: row.referenceId, displayName: row.referenceName } : null,
  };
}
