import { isAudience, SECTIONS } from '@cope/domain';
import { z } from 'zod';

const ZAudience = z.string().refine(isAudience, { message: 'This is not a known audience.' });
const ZSectionRule = z.strictObject({
  full: z.array(ZAudience).max(20),
  limited: z.array(ZAudience).max(20),
});

export const ZSectionMatrix = z.strictObject(
  Object.fromEntries(SECTIONS.map((section) => [section, ZSectionRule])) as Record<
    (typeof SECTIONS)[number],
    typeof ZSectionRule
  >,
);

/** Settings an administrator changes for the whole organization. */
export const ZOrganizationSettings = z
  .strictObject({
    idleTimeoutMinutes: z
      .number()
      .int()
      .min(5, { message: 'At least 5 minutes.' })
      .max(60, { message: 'At most 60 minutes.' }),
    absoluteTimeoutMinutes: z
      .number()
      .int()
      .min(60, { message: 'At least one hour.' })
      .max(720, { message: 'At most 12 hours.' }),
    sectionMatrix: ZSectionMatrix,
  })
  .refine((s) => s.absoluteTimeoutMinutes > s.idleTimeoutMinutes, {
    message: 'The longest session must be longer than the idle time.',
    path: ['absoluteTimeoutMinutes'],
  })
  .meta({ id: 'OrganizationSettings' });
export type TOrganizationSettings = z.infer<typeof ZOrganizationSettings>;
