/**
 * The review tasks of her itinerary (DOMAIN.md "Monitoring": ratings at intake and at each
 * review). Her reference professional gets a first needs assessment and rating a month after
 * intake; each completed round closes her open review task and schedules the next one, the
 * organization's months later. The task closes by itself (SELF_CLOSING_TASK_KINDS): a review
 * cannot be ticked off without rating. Payloads hold codes and ids only.
 */
import { reviewDueOn } from '@cope/domain';
import { and, eq, isNull, min } from 'drizzle-orm';
import { task } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { createTask, isoDateIn, refreshNextDue } from '../tasks/create.js';

/** Days from intake to her first needs assessment and ratings. */
export const FIRST_REVIEW_DAYS = 30;

const openReviews = (participantId: string) =>
  and(eq(task.participantId, participantId), eq(task.kind, 'itinerary_review'), isNull(task.doneAt));

/** At intake completion: her first needs assessment and ratings, for her reference professional. */
export async function scheduleFirstReview(
  tx: Tx,
  input: { organizationId: string; participantId: string; assigneeUserId: string },
  now = new Date(),
): Promise<string> {
  const dueOn = isoDateIn(FIRST_REVIEW_DAYS, now);
  await createTask(tx, {
    organizationId: input.organizationId,
    participantId: input.participantId,
    assigneeUserId: input.assigneeUserId,
    kind: 'itinerary_review',
    dueOn,
    payload: { section: 'monitoring', first: true },
  });
  return dueOn;
}

/**
 * A round completed: her open review tasks are done (by whoever completed it), and the next review
 * falls due `reviewMonths` after the day the round was held.
 */
export async function scheduleNextReview(
  tx: Tx,
  input: {
    organizationId: string;
    participantId: string;
    assigneeUserId: string;
    roundId: string;
    heldOn: string;
    reviewMonths: number;
    doneByUserId: string;
  },
  now: Date,
): Promise<string> {
  await tx
    .update(task)
    .set({ doneAt: now, doneByUserId: input.doneByUserId })
    .where(openReviews(input.participantId));
  const dueOn = reviewDueOn(input.heldOn, input.reviewMonths);
  await createTask(tx, {
    organizationId: input.organizationId,
    participantId: input.participantId,
    assigneeUserId: input.assigneeUserId,
    kind: 'itinerary_review',
    dueOn,
    payload: { section: 'monitoring', roundId: input.roundId },
  });
  await refreshNextDue(tx, input.participantId);
  return dueOn;
}

/** When her next review is due: her open review task, if she has one. */
export async function nextReviewOn(tx: Tx, participantId: string): Promise<string | null> {
  const [row] = await tx
    .select({ due: min(task.dueOn) })
    .from(task)
    .where(openReviews(participantId));
  return row?.due ?? null;
}
