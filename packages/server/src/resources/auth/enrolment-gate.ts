/**
 * Who may set up a new second factor. A password alone never suffices once an administrator is
 * involved: an invited person, or one whose second factor was reset, enrols only in the session
 * opened with her one-time link. Accounts that have never had a link (the administrator created
 * at first-run setup, operator-made accounts) enrol after their password, as the first
 * administrator has nobody to send her a link.
 */
import { eq } from 'drizzle-orm';
import { staffInvitation } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';

export async function mayEnrolSecondFactor(
  tx: Tx,
  user: { id: string; mfaEnrolledAt: Date | null; mfaResetAt: Date | null },
  /** The session asking; null for one about to be created (no link was opened in it). */
  sessionId: string | null,
): Promise<boolean> {
  if (user.mfaEnrolledAt) return false;
  const links = await tx
    .select({ acceptedSessionId: staffInvitation.acceptedSessionId })
    .from(staffInvitation)
    .where(eq(staffInvitation.userId, user.id));
  if (sessionId && links.some((link) => link.acceptedSessionId === sessionId)) return true;
  return user.mfaResetAt === null && links.length === 0;
}
