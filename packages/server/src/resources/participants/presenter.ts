/** Builds what a viewer may see of a participant; database rows never leave the server. */
import type { TParticipantSummary } from '@cope/contracts';
import type { Viewer } from '../auth/sessions.js';
import type { ParticipantRow } from './queries.js';

export function presentParticipantSummary(row: ParticipantRow, _viewer: Viewer): TParticipantSummary {
  return {
    id: row.id,
    caseCode: row.caseCode,
    preferredName: row.preferredName,
    status: row.status,
    riskLevel: row.riskLevel,
    openedAt: row.openedAt.toISOString(),
    referenceProfessional:
      row.referenceId && row.referenceName ? { id: row.referenceId, displayName: row.referenceName } : null,
  };
}
