/**
 * The people a step of her plan may name as its owner: her reference professional and the
 * members of her case team (who joined, left or handed over is kept by resources/case-team).
 */
import { asc, eq } from 'drizzle-orm';
import { caseTeamMember, participant } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { Person } from '../case-team/people.js';
import { staffByIds } from '../case-team/service.js';

export { type People, type Person, peopleOf } from '../case-team/people.js';

/** Her reference professional first, then the team in the order they joined. */
export async function planTeam(tx: Tx, participantId: string): Promise<Person[]> {
  const [row] = await tx
    .select({ referenceUserId: participant.referenceUserId })
    .from(participant)
    .where(eq(participant.id, participantId));
  const members = await tx
    .select({ userId: caseTeamMember.userId })
    .from(caseTeamMember)
    .where(eq(caseTeamMember.participantId, participantId))
    .orderBy(asc(caseTeamMember.addedAt));
  const ids = [
    ...new Set([
      ...(row?.referenceUserId ? [row.referenceUserId] : []),
      ...members.map((member) => member.userId),
    ]),
  ];
  const staff = await staffByIds(tx, ids);
  return ids.map((id) => ({ id, displayName: staff.get(id)?.displayName ?? '—' }));
}
