/**
 * Creating work for someone: a full risk assessment after intake, telling her about an
 * emergency share, reviewing what relied on a withdrawn consent. The payload holds codes and
 * ids only, never names or case content.
 */
import { randomUUID } from 'node:crypto';
import type { TaskKind } from '@cope/contracts';
import { and, eq, isNull, min, sql } from 'drizzle-orm';
import { participant } from '../../db/schema.js';
import { task } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';

// The kinds are declared with the task payloads, so the web can name each one.
export { TASK_KINDS, type TaskKind } from '@cope/contracts';

export interface NewTask {
  organizationId: string;
  participantId: string | null;
  assigneeUserId: string;
  kind: TaskKind;
  /** ISO date (yyyy-mm-dd). */
  dueOn: string;
  payload?: Record<string, string | number | boolean | null>;
}

export async function createTask(tx: Tx, input: NewTask): Promise<string> {
  const id = randomUUID();
  await tx.insert(task).values({
    id,
    organizationId: input.organizationId,
    participantId: input.participantId,
    assigneeUserId: input.assigneeUserId,
    kind: input.kind,
    dueOn: input.dueOn,
    payload: input.payload ?? {},
  });
  if (input.participantId) {
    await tx
      .update(participant)
      .set({ nextDueOn: sql`least(coalesce(${participant.nextDueOn}, ${input.dueOn}), ${input.dueOn})` })
      .where(eq(participant.id, input.participantId));
  }
  return id;
}

/** After a task is closed: her next due date is that of her earliest task still open, if any. */
export async function refreshNextDue(tx: Tx, participantId: string): Promise<void> {
  const [open] = await tx
    .select({ due: min(task.dueOn) })
    .from(task)
    .where(and(eq(task.participantId, participantId), isNull(task.doneAt)));
  await tx
    .update(participant)
    .set({ nextDueOn: open?.due ?? null })
    .where(eq(participant.id, participantId));
}

/** Today plus some days, as an ISO date. */
export function isoDateIn(days: number, from = new Date()): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
