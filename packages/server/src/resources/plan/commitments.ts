/**
 * Her fixed commitments (court dates, appointments, a course, shifts) and where they collide.
 * Everything about a commitment is sealed, times included; a removed one is kept, marked removed.
 */
import { randomUUID } from 'node:crypto';
import type { TCommitment, TSchedule, ZCommitmentRequest } from '@cope/contracts';
import { type Commitment, findConflicts, planHorizonEnd } from '@cope/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { commitment } from '../../db/schema-itinerary.js';
import type { Tx } from '../../db/tenant.js';
import { notFound } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { auditPlan } from './audit.js';
import type { CommitmentContent, PlanSeal } from './content.js';
import { presentCommitment } from './presenters.js';
import { sealFor } from './versions.js';

type CommitmentRequest = z.output<typeof ZCommitmentRequest>;

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** Her commitments in date order, and their overlaps from today over the plan's horizon. */
export async function readSchedule(
  tx: Tx,
  seal: PlanSeal,
  participantId: string,
  today: string,
): Promise<TSchedule> {
  const rows = await tx
    .select()
    .from(commitment)
    .where(and(eq(commitment.participantId, participantId), isNull(commitment.removedAt)));
  const commitments = rows
    .map((row) => presentCommitment(row, seal.openCommitment(row.id, row.contentEnc)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const conflicts = findConflicts(
    commitments.map(
      (item): Commitment => ({
        id: item.id,
        kind: item.kind,
        date: item.date,
        startTime: item.startTime,
        endTime: item.endTime,
        repeatsWeeklyUntil: item.repeatsWeeklyUntil,
      }),
    ),
    today,
    planHorizonEnd(today),
  );
  return {
    commitments,
    conflicts: conflicts.map(({ date, first, second }) => ({
      date,
      firstId: first.commitmentId,
      secondId: second.commitmentId,
      startTime: later(first.startTime, second.startTime),
      endTime: earlier(first.endTime, second.endTime),
    })),
  };
}

export async function saveCommitment(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  input: CommitmentRequest,
  now = new Date(),
): Promise<TCommitment> {
  const seal = await sealFor(tx, keyring, viewer, participantId);
  const id = randomUUID();
  const content: CommitmentContent = {
    kind: input.kind,
    title: input.title,
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    repeatsWeeklyUntil: input.repeatsWeeklyUntil ?? null,
  };
  const [row] = await tx
    .insert(commitment)
    .values({
      id,
      organizationId: viewer.organizationId,
      participantId,
      contentEnc: seal.commitment(id, content),
      createdByUserId: viewer.userId,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('the commitment was not saved');
  await auditPlan(tx, viewer, participantId, 'commitment.saved');
  return presentCommitment(row, content);
}

export async function removeCommitment(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  commitmentId: string,
  now = new Date(),
): Promise<void> {
  const removed = await tx
    .update(commitment)
    .set({ removedAt: now })
    .where(
      and(
        eq(commitment.id, commitmentId),
        eq(commitment.participantId, participantId),
        isNull(commitment.removedAt),
      ),
    )
    .returning({ id: commitment.id });
  if (removed.length === 0) throw notFound('This commitment');
  await auditPlan(tx, viewer, participantId, 'commitment.removed');
}
