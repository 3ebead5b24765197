/** Her file as a whole: erasure at her request (export and retention holds join it). */
import type { TParticipantDetail } from '@cope/contracts';
import { EraseCase } from '../participants/EraseCase';

export function CaseFilePanel({ participant }: { participant: TParticipantDetail }) {
  return participant.abilities.erase ? (
    <EraseCase participantId={participant.id} caseCode={participant.caseCode} />
  ) : null;
}
