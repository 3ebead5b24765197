import type { TParticipantDetail } from '@cope/contracts';

/** Placeholder while the safety work is built. */
export function CaseRiskHeader(_props: { participant: TParticipantDetail }) {
  return null;
}
