/**
 * Her plan at a glance: the version in force, the draft being prepared, every version, her
 * milestones, her schedule with its conflicts, the team a step may name, and what this viewer
 * may do. Opens sealed content of this one case only; one audit entry per read.
 */
import type { TPlanOverview } from '@cope/contracts';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import type { ItineraryCase } from '../itinerary/access.js';
import { auditPlan } from './audit.js';
import { readSchedule } from './commitments.js';
import { planSeal } from './content.js';
import { listMilestones } from './milestones.js';
import { presentVersionSummary } from './presenters.js';
import { peopleOf, planTeam } from './team.js';
import { openVersion, todayOf, versionRows } from './versions.js';

export async function readOverview(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  itinerary: ItineraryCase,
  now = new Date(),
): Promise<TPlanOverview> {
  const { participantId } = itinerary;
  const rows = await versionRows(tx, participantId);
  const people = await peopleOf(
    tx,
    rows.map((row) => row.createdByUserId),
  );
  const versions = rows.map((row) => presentVersionSummary(row, people));
  const team = await planTeam(tx, participantId);
  const dataKey = await keyring.participantKey(tx, viewer.organizationId, participantId);
  await auditPlan(tx, viewer, participantId, 'plan.read');
  if (!dataKey) {
    // After erasure her key is gone: what was written reads as removed, never as an error.
    return {
      current: null,
      draft: null,
      versions,
      milestones: [],
      schedule: { commitments: [], conflicts: [] },
      team,
      abilities: { edit: false },
    };
  }
  const seal = planSeal(keyring, dataKey);
  const agreed = rows.find((row) => row.status === 'agreed');
  const draft = rows.find((row) => row.status === 'draft');
  return {
    current: agreed ? await openVersion(tx, seal, agreed) : null,
    draft: draft ? await openVersion(tx, seal, draft) : null,
    versions,
    milestones: await listMilestones(tx, seal, participantId),
    schedule: await readSchedule(tx, seal, participantId, todayOf(now)),
    team,
    abilities: { edit: itinerary.may('itinerary.edit') },
  };
}
