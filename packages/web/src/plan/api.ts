/** Calls of her plan: the overview, the draft under review, her agreement, versions, milestones, commitments. */
import {
  type TCommitmentRequest,
  type TMilestoneRequest,
  type TPlanAgreement,
  type TPlanDraftSave,
  ZCommitment,
  ZMilestone,
  ZPlanOverview,
  ZPlanVersion,
} from '@cope/contracts';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;

/** DELETE answers 204 with no body. */
const NoContent = { parse: () => undefined };

export const planOverviewQuery = (participantId: string) =>
  queryOptions({
    queryKey: ['participants', 'plan', participantId],
    queryFn: ({ signal }) => api(`${base(participantId)}/plan`, ZPlanOverview, { signal }),
  });

export const planVersionQuery = (participantId: string, version: number) =>
  queryOptions({
    queryKey: ['participants', 'plan', participantId, 'version', version],
    queryFn: ({ signal }) => api(`${base(participantId)}/plan/versions/${version}`, ZPlanVersion, { signal }),
  });

export const openDraft = (participantId: string) =>
  api(`${base(participantId)}/plan/draft`, ZPlanVersion, { method: 'POST' });

export const saveDraft = (participantId: string, body: TPlanDraftSave) =>
  api(`${base(participantId)}/plan/draft`, ZPlanVersion, { method: 'PUT', body });

export const discardDraft = (participantId: string) =>
  api(`${base(participantId)}/plan/draft`, NoContent, { method: 'DELETE' });

export const recordAgreement = (participantId: string, body: TPlanAgreement) =>
  api(`${base(participantId)}/plan/draft/agreement`, ZPlanVersion, { method: 'POST', body });

export const addMilestone = (participantId: string, body: TMilestoneRequest) =>
  api(`${base(participantId)}/milestones`, ZMilestone, { method: 'POST', body });

export const removeMilestone = (participantId: string, milestoneId: string) =>
  api(`${base(participantId)}/milestones/${encodeURIComponent(milestoneId)}`, NoContent, {
    method: 'DELETE',
  });

export const addCommitment = (participantId: string, body: TCommitmentRequest) =>
  api(`${base(participantId)}/commitments`, ZCommitment, { method: 'POST', body });

export const removeCommitment = (participantId: string, commitmentId: string) =>
  api(`${base(participantId)}/commitments/${encodeURIComponent(commitmentId)}`, NoContent, {
    method: 'DELETE',
  });

/** Her printed plan in one of the languages she reads (the version in force unless one is named). */
export const planPdfUrl = (participantId: string, language: string, version?: number) => {
  const params = new URLSearchParams({ language });
  if (version) params.set('version', String(version));
  return `${base(participantId)}/plan/pdf?${params}`;
};

/**
 * After a plan change: her plan overview, and her case (header, list, timeline) and the task
 * lists, which a new version or a review may move.
 */
export function useInvalidatePlan() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['participants'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}
