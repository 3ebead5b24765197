/** Calls of her risk assessments, the risk management plan and reported changes. */
import {
  type ReportableChange,
  type TLoweringDecision,
  type TMeasureRequest,
  type TMeasureUpdate,
  type TRiskAssessmentRequest,
  ZMeasure,
  ZMeasureList,
  ZRiskAssessment,
  ZRiskAssessmentSummary,
  ZRiskOverview,
  ZRiskStatus,
} from '@cope/contracts';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/risk`;

export const riskOverviewQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'risk', participantId],
    queryFn: ({ signal }) => api(base(participantId), ZRiskOverview, { signal }),
  });

export const measuresQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'risk', participantId, 'measures'],
    queryFn: ({ signal }) => api(`${base(participantId)}/measures`, ZMeasureList, { signal }),
  });

export const assessmentQuery = (participantId: string, assessmentId: string) =>
  queryOptions({
    queryKey: ['participants', 'risk', participantId, 'assessment', assessmentId],
    queryFn: ({ signal }) =>
      api(`${base(participantId)}/assessments/${encodeURIComponent(assessmentId)}`, ZRiskAssessment, {
        signal,
      }),
  });

export const recordAssessment = (participantId: string, body: TRiskAssessmentRequest) =>
  api(`${base(participantId)}/assessments`, ZRiskAssessmentSummary, { method: 'POST', body });

export const decideLowering = (participantId: string, assessmentId: string, body: TLoweringDecision) =>
  api(
    `${base(participantId)}/assessments/${encodeURIComponent(assessmentId)}/decision`,
    ZRiskAssessmentSummary,
    { method: 'POST', body },
  );

export const reportChange = (participantId: string, kind: ReportableChange) =>
  api(`${base(participantId)}/events`, ZRiskStatus, { method: 'POST', body: { kind } });

export const addMeasure = (participantId: string, body: TMeasureRequest) =>
  api(`${base(participantId)}/measures`, ZMeasure, { method: 'POST', body });

export const changeMeasure = (participantId: string, measureId: string, body: TMeasureUpdate) =>
  api(`${base(participantId)}/measures/${encodeURIComponent(measureId)}`, ZMeasure, {
    method: 'PATCH',
    body,
  });

/**
 * After any safety change: everything about her case (her risk overview and plan, the level in
 * the header and the list, her timeline) and the task lists with their counts in the navigation.
 */
export function useInvalidateRisk() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['participants'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}
