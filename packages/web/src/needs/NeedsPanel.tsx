/** Her needs (integration itinerary). */
import type { TParticipantDetail } from '@cope/contracts';

export function NeedsPanel(_props: { participant: TParticipantDetail }) {
  return null;
}
