/** Her own sessions: where she is signed in, ending one, and signing out everywhere. */
import { isSessionExpired } from '@cope/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { authSession } from '../../db/schema.js';
import type { TenantDb } from '../../db/tenant.js';
import { notFound } from '../../http/errors.js';
import { context } from './service.js';
import { endSessionsOfUser, type Viewer } from './sessions.js';

export async function listSessions(db: TenantDb, viewer: Viewer, now = new Date()) {
  const rows = await db.run(context(viewer), (tx) =>
    tx
      .select()
      .from(authSession)
      .where(and(eq(authSession.userId, viewer.userId), isNull(authSession.endedAt)))
      .orderBy(desc(authSession.lastSeenAt)),
  );
  return {
    items: rows
      .filter((row) => !isSessionExpired(row, viewer.timeouts, now))
      .map((row) => ({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        userAgent: row.userAgent,
        current: row.id === viewer.sessionId,
      })),
  };
}

/** Ends one of her sessions (a device she left signed in). */
export async function endOwnSession(db: TenantDb, viewer: Viewer, sessionId: string): Promise<void> {
  await db.run(context(viewer), async (tx) => {
    const ended = await tx
      .update(authSession)
      .set({ endedAt: new Date() })
      .where(
        and(
          eq(authSession.id, sessionId),
          eq(authSession.userId, viewer.userId),
          isNull(authSession.endedAt),
        ),
      )
      .returning({ id: authSession.id });
    if (ended.length === 0) throw notFound('This session');
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'auth.sign_out',
      resourceType: 'auth_session',
      resourceId: sessionId,
    });
  });
}

/** Ends every session of hers, this one included. */
export async function endAllSessions(db: TenantDb, viewer: Viewer): Promise<number> {
  return db.run(context(viewer), async (tx) => {
    const ended = await endSessionsOfUser(tx, viewer.userId);
    await recordAudit(tx, {
      organizationId: viewer.organizationId,
      actorUserId: viewer.userId,
      action: 'auth.sign_out_everywhere',
      resourceType: 'staff_user',
      resourceId: viewer.userId,
    });
    return ended;
  });
}
