import type { TParticipantDetail } from '@cope/contracts';

/** Placeholder while the safety work is built. */
export function RiskPanel(_props: { participant: TParticipantDetail }) {
  return null;
}
