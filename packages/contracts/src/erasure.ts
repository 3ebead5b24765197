/** Erasure of a participant's identifying data by crypto-shredding (her data key is destroyed). */
import { CASE_STATUSES } from '@cope/domain';
import { z } from 'zod';

export const ZEraseParticipantRequest = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, { message: 'Explain why in at least 10 characters.' })
    .max(2000, { message: 'Keep the reason under 2,000 characters.' })
    .meta({
      description:
        'Kept in the audit trail, which erasure does not touch: write the grounds (her request, a ' +
        'retention limit), never her name or other identifying details.',
    }),
});
export type TEraseParticipantRequest = z.infer<typeof ZEraseParticipantRequest>;

export const ZParticipantErasure = z
  .object({
    id: z.string(),
    caseCode: z.string().meta({ description: 'The case row stays, pseudonymous, for statistics and audit.' }),
    status: z.enum(CASE_STATUSES),
    erasedAt: z.string(),
  })
  .meta({ id: 'ParticipantErasure' });
export type TParticipantErasure = z.infer<typeof ZParticipantErasure>;
