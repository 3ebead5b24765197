import type { TParticipantDetail } from '@cope/contracts';

/** Placeholder until this panel is built in this change. */
export function TimelinePanel(_props: { participant: TParticipantDetail }) {
  return null;
}
