/**
 * Her needs assessment across the fourteen spheres (DOMAIN.md "The fourteen spheres") and her own
 * ranking of them. One schema per payload, shared by the staff app's forms and the server.
 */
import { BASIC_NEEDS, checkPriorities, checkSituation, SPHERES } from '@cope/domain';
import { z } from 'zod';

export const ZSphere = z.enum(SPHERES, { message: 'This is not one of the fourteen spheres.' });

export const ZSphereParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  sphere: ZSphere,
});

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `Keep ${label} under ${max.toLocaleString('en')} characters.` })
    .default('');

/** Saving one sphere: `version` is the version read (0 for the first save); a stale one gets 409. */
export const ZNeedsSave = z
  .strictObject({
    version: z.number().int().min(0),
    situation: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    situationNote: text(4000, 'the situation'),
    herWords: text(4000, 'her own words'),
    professionalNeeds: text(4000, 'the needs you identify'),
  })
  .meta({ id: 'NeedsSave' });
export type TNeedsSave = z.input<typeof ZNeedsSave>;

/** Checks a save against the sphere's fields; the route and the form both call it. */
export function needsSaveProblems(
  sphere: (typeof SPHERES)[number],
  save: { situation: Record<string, string | number> },
): { field: string; message: string }[] {
  const messages = {
    unknown_field: 'is not a field of this sphere',
    not_an_option: 'is not one of the choices',
    not_a_date: 'is not a valid date',
    not_a_number: 'must be a number',
    out_of_range: 'is outside the allowed range',
  } as const;
  return checkSituation(sphere, save.situation).map(({ field, problem }) => ({
    field: `situation.${field}`,
    message: `${field.replaceAll('_', ' ')} ${messages[problem]}.`,
  }));
}

export const ZSphereNeeds = z
  .object({
    sphere: ZSphere,
    /** `none`: the sphere's section is closed to this viewer; nothing of it is sent. */
    access: z.enum(['full', 'none']),
    version: z.number().int(),
    situation: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
    situationNote: z.string().nullable(),
    herWords: z.string().nullable(),
    professionalNeeds: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  })
  .meta({ id: 'SphereNeeds' });
export type TSphereNeeds = z.infer<typeof ZSphereNeeds>;

export const ZNeedsOverview = z
  .object({
    spheres: z.array(ZSphereNeeds),
    /** Her ranking, most important first (may list fewer than fourteen). */
    priorities: z.array(ZSphere),
    unmetBasicNeeds: z.array(z.enum(BASIC_NEEDS)),
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'NeedsOverview' });
export type TNeedsOverview = z.infer<typeof ZNeedsOverview>;

export const ZPrioritiesSave = z
  .strictObject({
    priorities: z
      .array(z.string())
      .max(SPHERES.length, { message: 'There are only fourteen spheres to rank.' }),
  })
  .superRefine((value, ctx) => {
    for (const { index, problem } of checkPriorities(value.priorities)) {
      ctx.addIssue({
        code: 'custom',
        path: ['priorities', index],
        message:
          problem === 'duplicate'
            ? `"${value.priorities[index]}" is ranked twice. Give each sphere one place.`
            : `"${value.priorities[index]}" is not one of the fourteen spheres.`,
      });
    }
  })
  .meta({ id: 'PrioritiesSave' });
export type TPrioritiesSave = z.input<typeof ZPrioritiesSave>;

export const ZPriorities = z.object({ priorities: z.array(ZSphere) }).meta({ id: 'Priorities' });
