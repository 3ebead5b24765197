/** Plain sentences for what a task asks and, for a reassessment, what made it due. */
import type { TTask } from '@cope/contracts';
import type { ReassessmentTrigger } from '@cope/domain';
import { useTranslation } from 'react-i18next';
import { useSectionLabels } from '../participants/section-labels';

export function useTaskSentence(): (task: Pick<TTask, 'kind' | 'section'>) => string {
  const { t } = useTranslation();
  const sections = useSectionLabels();
  return (task) => {
    switch (task.kind) {
      case 'risk_assessment':
        return t('tasks.kind.riskAssessment');
      case 'tell_her_emergency_share':
        return task.section
          ? t('tasks.kind.tellHerEmergencyShareSection', { section: sections[task.section] })
          : t('tasks.kind.tellHerEmergencyShare');
      case 'review_after_withdrawal':
        return t('tasks.kind.reviewAfterWithdrawal');
      case 'risk_reassessment':
        return t('tasks.kind.riskReassessment');
      case 'risk_measure':
        return t('tasks.kind.riskMeasure');
      case 'incident_follow_up':
        return t('tasks.kind.incidentFollowUp');
      case 'confirm_risk_lowering':
        return t('tasks.kind.confirmRiskLowering');
      case 'itinerary_review':
        return t('tasks.kind.itineraryReview');
      default:
        return t('tasks.kind.other');
    }
  };
}

/** Why a reassessment fell due: "after a change of residence". */
export function useTriggerLabels(): Record<ReassessmentTrigger, string> {
  const { t } = useTranslation();
  return {
    residence_changed: t('tasks.trigger.residenceChanged'),
    venue_changed: t('tasks.trigger.venueChanged'),
    legal_changed: t('tasks.trigger.legalChanged'),
    collaboration_started: t('tasks.trigger.collaborationStarted'),
    witness_status: t('tasks.trigger.witnessStatus'),
    incident: t('tasks.trigger.incident'),
    trafficker_contact: t('tasks.trigger.traffickerContact'),
    group_enrolment: t('tasks.trigger.groupEnrolment'),
    risk_area_nearby: t('tasks.trigger.riskAreaNearby'),
  };
}

/** Where a task leads: the case's Safety tab for safety work, else the case itself. */
export function taskHref(task: Pick<TTask, 'participantId' | 'section'>): string | null {
  if (!task.participantId) return null;
  if (task.section === 'safety') return `/participants/${task.participantId}?tab=safety`;
  if (task.section === 'monitoring') return `/participants/${task.participantId}?tab=itinerary&part=progress`;
  return `/participants/${task.participantId}`;
}
