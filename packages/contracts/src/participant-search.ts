/** Exact-name search over encrypted names (blind index, confirmed by decryption on the server). */
import { z } from 'zod';
import { ZParticipantSummary } from './participants.js';

export const ZParticipantSearchQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, { message: 'Type at least 2 characters of her name.' })
    .max(200, { message: 'Names are at most 200 characters.' })
    .meta({
      description:
        'Her whole preferred name (or legal name, for viewers with full identity access); case, accents ' +
        'and spacing do not matter, parts of a name do not match.',
    }),
});
export type TParticipantSearchQuery = z.infer<typeof ZParticipantSearchQuery>;

export const ZParticipantSearchResult = z
  .object({ items: z.array(ZParticipantSummary) })
  .meta({ id: 'ParticipantSearchResult' });
export type TParticipantSearchResult = z.infer<typeof ZParticipantSearchResult>;
