/** Her monitoring (integration itinerary). */
import type { TParticipantDetail } from '@cope/contracts';

export function MonitoringPanel(_props: { participant: TParticipantDetail }) {
  return null;
}
