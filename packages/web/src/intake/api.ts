import {
  type RecordSection,
  type StepValues,
  type TPersonStep,
  type TSaveSectionRecordRequest,
  ZIntakeCompleted,
  ZIntakeCreated,
  ZIntakeDraft,
  ZIntakeStepSaved,
  ZRecordConflict,
  ZSectionRecord,
} from '@cope/contracts';
import type { IntakeStep } from '@cope/domain';
import { queryOptions } from '@tanstack/react-query';
import { type ApiError, api } from '../api/client';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;

export const intakeDraftQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'intake', participantId],
    queryFn: ({ signal }) => api(`${base(participantId)}/intake`, ZIntakeDraft, { signal }),
    // A draft is read once per visit; the forms keep what is typed.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });

/**
 * A section's record. With `reveal`, her legal name, birth date and address are included: the
 * server audits that, and asks a protected witness's reader for a second factor first.
 */
export const sectionRecordQuery = (participantId: string, section: RecordSection, reveal = false) =>
  queryOptions({
    queryKey: ['participants', 'record', participantId, section, reveal ? 'revealed' : 'concealed'],
    queryFn: ({ signal }) =>
      api(`${base(participantId)}/records/${section}${reveal ? '?reveal=true' : ''}`, ZSectionRecord, {
        signal,
      }),
    gcTime: 0,
    staleTime: reveal ? 0 : undefined,
  });

export const openCase = (person: TPersonStep) =>
  api('/api/participants', ZIntakeCreated, { method: 'POST', body: person });

export const saveIntakeStep = <S extends IntakeStep>(participantId: string, step: S, values: StepValues[S]) =>
  api(`${base(participantId)}/intake/${step}`, ZIntakeStepSaved, { method: 'PUT', body: values });

export const completeIntake = (participantId: string) =>
  api(`${base(participantId)}/intake/complete`, ZIntakeCompleted, { method: 'POST' });

export const saveSectionRecord = (
  participantId: string,
  section: RecordSection,
  request: TSaveSectionRecordRequest,
) => api(`${base(participantId)}/records/${section}`, ZSectionRecord, { method: 'PUT', body: request });

/** What the server said changed when a save was refused as a conflict (null if not a conflict). */
export function conflictOf(error: ApiError) {
  if (error.code !== 'CONFLICT') return null;
  const parsed = ZRecordConflict.safeParse(error.rawDetails);
  return parsed.success ? parsed.data : null;
}
