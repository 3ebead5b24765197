import { z } from 'zod';

/** Her full identity, for those with full access to the identity section. */
export const ZParticipantIdentity = z
  .object({
    preferredName: z.string().nullable(),
    legalName: z.string().nullable(),
    birthDate: z.string().nullable(),
    protectedWitness: z.boolean(),
  })
  .meta({ id: 'ParticipantIdentity' });
export type TParticipantIdentity = z.infer<typeof ZParticipantIdentity>;
