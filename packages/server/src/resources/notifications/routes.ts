/** A staff member's own notices: break-glass on her cases, cases handed over to her, alerts for coordinators. */
import { type TNotification, ZNotificationList, ZNotificationParams } from '@cope/contracts';
import { SECTIONS, type Section } from '@cope/domain';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { notification, staffUser } from '../../db/schema.js';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';

type Row = typeof notification.$inferSelect;

function present(row: Row, names: Map<string, string>): TNotification {
  const base = { id: row.id, createdAt: row.createdAt.toISOString(), read: row.readAt !== null };
  const p = (row.payload ?? {}) as Record<string, unknown>;
  const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? '—') : '—');
  if (row.kind === 'break_glass' && SECTIONS.includes(p.section as Section)) {
    return {
      ...base,
      kind: 'break_glass',
      caseCode: String(p.caseCode ?? ''),
      participantId: String(p.participantId ?? ''),
      section: p.section as Section,
      by: name(p.byUserId),
    };
  }
  if (row.kind === 'handover') {
    return {
      ...base,
      kind: 'handover',
      caseCode: String(p.caseCode ?? ''),
      participantId: String(p.participantId ?? ''),
      by: name(p.byUserId),
    };
  }
  if (row.kind === 'possible_duplicate') {
    return {
      ...base,
      kind: 'possible_duplicate',
      caseCode: String(p.caseCode ?? ''),
      participantId: String(p.participantId ?? ''),
      otherCaseCodes: Array.isArray(p.otherCaseCodes) ? p.otherCaseCodes.map(String) : [],
      by: name(p.byUserId),
    };
  }
  if (row.kind === 'repeated_denials') {
    return {
      ...base,
      kind: 'repeated_denials',
      staffName: name(p.userId),
      count: Number(p.count ?? 0),
      windowMinutes: Number(p.windowMinutes ?? 0),
    };
  }
  return { ...base, kind: 'other' };
}

export async function notificationRoutes({ app, db }: AppContext): Promise<void> {
  app.get(
    '/api/notifications',
    { schema: { tags: ['notifications'], response: { 200: ZNotificationList } } },
    async (request) => {
      const viewer = requireViewer(request);
      return db.run(viewer, async (tx) => {
        const mine = eq(notification.recipientUserId, viewer.userId);
        const rows = await tx
          .select()
          .from(notification)
          .where(mine)
          .orderBy(desc(notification.createdAt))
          .limit(50);
        const [unread] = await tx
          .select({ n: count() })
          .from(notification)
          .where(and(mine, isNull(notification.readAt)));
        const userIds = rows.flatMap((r) => {
          const p = (r.payload ?? {}) as Record<string, unknown>;
          return [p.byUserId, p.userId].filter((v): v is string => typeof v === 'string');
        });
        const users = userIds.length
          ? await tx
              .select({ id: staffUser.id, name: staffUser.displayName })
              .from(staffUser)
              .where(inArray(staffUser.id, userIds))
          : [];
        const names = new Map(users.map((u) => [u.id, u.name]));
        return { items: rows.map((row) => present(row, names)), unread: Number(unread?.n ?? 0) };
      });
    },
  );

  app.post(
    '/api/notifications/:notificationId/read',
    {
      schema: {
        tags: ['notifications'],
        params: ZNotificationParams,
        response: { 200: z.object({ read: z.literal(true) }) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const updated = await db.run(viewer, (tx) =>
        tx
          .update(notification)
          .set({ readAt: new Date() })
          .where(
            and(
              eq(notification.id, request.params.notificationId),
              eq(notification.recipientUserId, viewer.userId),
            ),
          )
          .returning({ id: notification.id }),
      );
      if (updated.length === 0) throw notFound('This notice');
      return { read: true as const };
    },
  );
}
