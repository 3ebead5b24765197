import type { TParticipantDetail } from '@cope/contracts';

/** Placeholder while the safety work is built. */
export function PlacesPanel(_props: { participant: TParticipantDetail }) {
  return null;
}
