import { SECTIONS } from '@cope/domain';
import { z } from 'zod';

/** Notices to staff. They name cases by code only, never by name. */
export const ZNotification = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('break_glass'),
      id: z.string(),
      createdAt: z.string(),
      read: z.boolean(),
      caseCode: z.string(),
      participantId: z.string(),
      section: z.enum(SECTIONS),
      by: z.string(),
    }),
    z.object({
      kind: z.literal('handover'),
      id: z.string(),
      createdAt: z.string(),
      read: z.boolean(),
      caseCode: z.string(),
      participantId: z.string(),
      by: z.string(),
    }),
    z.object({
      kind: z.literal('possible_duplicate'),
      id: z.string(),
      createdAt: z.string(),
      read: z.boolean(),
      /** The case just opened, and the existing cases it may duplicate. */
      caseCode: z.string(),
      participantId: z.string(),
      otherCaseCodes: z.array(z.string()),
      by: z.string(),
    }),
    z.object({
      kind: z.literal('repeated_denials'),
      id: z.string(),
      createdAt: z.string(),
      read: z.boolean(),
      staffName: z.string(),
      count: z.number().int(),
      windowMinutes: z.number().int(),
    }),
    z.object({ kind: z.literal('other'), id: z.string(), createdAt: z.string(), read: z.boolean() }),
  ])
  .meta({ id: 'Notification' });
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });
export const ZNotificationParams = z.strictObject({
  notificationId: z.uuid({ message: 'This is not a valid notice id.' }),
});
