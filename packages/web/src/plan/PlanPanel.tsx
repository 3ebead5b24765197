/** Her plan (integration itinerary). */
import type { TParticipantDetail } from '@cope/contracts';

export function PlanPanel(_props: { participant: TParticipantDetail }) {
  return null;
}
