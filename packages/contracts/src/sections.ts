import { SECTIONS } from '@cope/domain';
import { z } from 'zod';

export const ZAccessLevel = z.enum(['none', 'limited', 'full']);

export const ZSectionParams = z.strictObject({
  participantId: z.uuid({ message: 'This is not a valid participant id.' }),
  section: z.enum(SECTIONS, { message: 'This is not a known case section.' }),
});

export const ZSectionAccess = z.object({ section: z.enum(SECTIONS), access: ZAccessLevel });
export type TSectionAccess = z.infer<typeof ZSectionAccess>;

/** `section`: everyone with full access to the section; `author`: a private note, its author only. */
export const NOTE_VISIBILITIES = ['section', 'author'] as const;
export const ZNoteVisibility = z.enum(NOTE_VISIBILITIES, { message: 'Choose who may read the note.' });
export type TNoteVisibility = z.infer<typeof ZNoteVisibility>;

export const ZCaseNote = z.object({
  id: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  body: z.string(),
  visibility: ZNoteVisibility,
});
export type TCaseNote = z.infer<typeof ZCaseNote>;

export const ZSectionView = z
  .object({
    section: z.enum(SECTIONS),
    access: ZAccessLevel,
    notes: z.array(ZCaseNote).meta({ description: 'Present with full access only.' }).optional(),
    alias: z.string().nullable().optional().meta({ description: 'Limited identity view: the alias only.' }),
    inCounselling: z
      .boolean()
      .optional()
      .meta({ description: 'Limited mental-health view: yes or no only.' }),
  })
  .meta({ id: 'SectionView' });
export type TSectionView = z.infer<typeof ZSectionView>;

export const ZCreateCaseNoteRequest = z.strictObject({
  body: z.string().trim().min(1, { message: 'Write the note before saving.' }).max(20_000, {
    message: 'Notes are limited to 20,000 characters.',
  }),
  visibility: ZNoteVisibility.default('section'),
});
export type TCreateCaseNoteRequest = z.infer<typeof ZCreateCaseNoteRequest>;

export const ZBreakGlassRequest = z.strictObject({
  section: z.enum(SECTIONS, { message: 'Choose the section to open.' }),
  reason: z
    .string()
    .trim()
    .min(20, { message: 'Explain the emergency in at least 20 characters.' })
    .max(2000, { message: 'Keep the reason under 2,000 characters.' }),
});
export type TBreakGlassRequest = z.infer<typeof ZBreakGlassRequest>;
