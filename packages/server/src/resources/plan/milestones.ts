/** Her small victories (DOMAIN.md: "small steps count: record and celebrate milestones"). */
import { randomUUID } from 'node:crypto';
import type { TMilestone, ZMilestoneRequest } from '@cope/contracts';
import { latestCalendarDate } from '@cope/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { milestone } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { fieldError } from '../intake/case-context.js';
import { auditPlan } from './audit.js';
import type { PlanSeal } from './content.js';
import { presentMilestone } from './presenters.js';
import { peopleOf } from './team.js';
import { sealFor } from './versions.js';

type MilestoneRequest = z.output<typeof ZMilestoneRequest>;

/** Her milestones, newest first. */
export async function listMilestones(tx: Tx, seal: PlanSeal, participantId: string): Promise<TMilestone[]> {
  const rows = await tx
    .select()
    .from(milestone)
    .where(eq(milestone.participantId, participantId))
    .orderBy(desc(milestone.achievedOn), desc(milestone.createdAt));
  const people = await peopleOf(
    tx,
    rows.map((row) => row.recordedByUserId),
  );
  return rows.map((row) => presentMilestone(row, seal.openMilestone(row.id, row.textEnc), people));
}

export async function recordMilestone(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  input: MilestoneRequest,
  now = new Date(),
): Promise<TMilestone> {
  if (input.achievedOn > latestCalendarDate(now))
    throw fieldError(
      'achievedOn',
      'A victory is written down once it happened: choose today or an earlier day.',
    );
  const seal = await sealFor(tx, keyring, viewer, participantId);
  const id = randomUUID();
  const [row] = await tx
    .insert(milestone)
    .values({
      id,
      organizationId: viewer.organizationId,
      participantId,
      sphere: input.sphere,
      achievedOn: input.achievedOn,
      textEnc: seal.milestone(id, input.text),
      recordedByUserId: viewer.userId,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the milestone was not saved');
  await auditPlan(tx, viewer, participantId, 'milestone.recorded');
  return presentMilestone(row, input.text, await peopleOf(tx, [row.recordedByUserId]));
}

/** A milestone recorded by mistake is deleted (its text goes with it). */
export async function removeMilestone(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  milestoneId: string,
): Promise<void> {
  const removed = await tx
    .delete(milestone)
    .where(and(eq(milestone.id, milestoneId), eq(milestone.participantId, participantId)))
    .returning({ id: milestone.id });
  if (removed.length === 0) throw notFound('This milestone');
  await auditPlan(tx, viewer, participantId, 'milestone.removed');
}
