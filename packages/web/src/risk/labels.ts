/**
 * The words of the risk instrument in the interface language: every factor with a one-line hint,
 * the two questions, the changes a professional reports, the judgment on a level and the states
 * of a measure. Records keyed by code, so a new code fails to compile until it has words.
 */
import type { TRiskAssessmentSummary, TRiskTrigger } from '@cope/contracts';
import type { MeasureStatus, RiskFactor, TriState } from '@cope/domain';
import { useTranslation } from 'react-i18next';

export type FactorGroup = 'harm' | 'exposure' | 'vulnerability';

/** Which part of the instrument each factor belongs to (DOMAIN.md "Risk assessment"). */
export const FACTOR_GROUP: Record<RiskFactor, FactorGroup> = {
  threats_to_her: 'harm',
  threats_to_family_here: 'harm',
  threats_to_family_origin: 'harm',
  trafficker_at_large: 'harm',
  trafficker_knows_location: 'harm',
  ongoing_contact: 'harm',
  phone_controlled: 'harm',
  debt: 'harm',
  lives_near_connected_people: 'harm',
  risk_area: 'harm',
  collaborates_with_authorities: 'harm',
  witness_or_testimony: 'harm',
  same_network_participants: 'exposure',
  exposure_through_programme: 'exposure',
  irregular_status: 'vulnerability',
  no_income: 'vulnerability',
  pregnancy: 'vulnerability',
  substance_use: 'vulnerability',
  suicidal_ideation: 'vulnerability',
  isolation: 'vulnerability',
};

export function useFactorLabels(): Record<RiskFactor, { label: string; hint: string }> {
  const { t } = useTranslation();
  return {
    threats_to_her: {
      label: t('risk.factors.threatsToHer.label'),
      hint: t('risk.factors.threatsToHer.hint'),
    },
    threats_to_family_here: {
      label: t('risk.factors.threatsToFamilyHere.label'),
      hint: t('risk.factors.threatsToFamilyHere.hint'),
    },
    threats_to_family_origin: {
      label: t('risk.factors.threatsToFamilyOrigin.label'),
      hint: t('risk.factors.threatsToFamilyOrigin.hint'),
    },
    trafficker_at_large: {
      label: t('risk.factors.traffickerAtLarge.label'),
      hint: t('risk.factors.traffickerAtLarge.hint'),
    },
    trafficker_knows_location: {
      label: t('risk.factors.traffickerKnowsLocation.label'),
      hint: t('risk.factors.traffickerKnowsLocation.hint'),
    },
    ongoing_contact: {
      label: t('risk.factors.ongoingContact.label'),
      hint: t('risk.factors.ongoingContact.hint'),
    },
    phone_controlled: {
      label: t('risk.factors.phoneControlled.label'),
      hint: t('risk.factors.phoneControlled.hint'),
    },
    debt: { label: t('risk.factors.debt.label'), hint: t('risk.factors.debt.hint') },
    lives_near_connected_people: {
      label: t('risk.factors.livesNearConnectedPeople.label'),
      hint: t('risk.factors.livesNearConnectedPeople.hint'),
    },
    risk_area: { label: t('risk.factors.riskArea.label'), hint: t('risk.factors.riskArea.hint') },
    collaborates_with_authorities: {
      label: t('risk.factors.collaboratesWithAuthorities.label'),
      hint: t('risk.factors.collaboratesWithAuthorities.hint'),
    },
    witness_or_testimony: {
      label: t('risk.factors.witnessOrTestimony.label'),
      hint: t('risk.factors.witnessOrTestimony.hint'),
    },
    same_network_participants: {
      label: t('risk.factors.sameNetworkParticipants.label'),
      hint: t('risk.factors.sameNetworkParticipants.hint'),
    },
    exposure_through_programme: {
      label: t('risk.factors.exposureThroughProgramme.label'),
      hint: t('risk.factors.exposureThroughProgramme.hint'),
    },
    irregular_status: {
      label: t('risk.factors.irregularStatus.label'),
      hint: t('risk.factors.irregularStatus.hint'),
    },
    no_income: { label: t('risk.factors.noIncome.label'), hint: t('risk.factors.noIncome.hint') },
    pregnancy: { label: t('risk.factors.pregnancy.label'), hint: t('risk.factors.pregnancy.hint') },
    substance_use: {
      label: t('risk.factors.substanceUse.label'),
      hint: t('risk.factors.substanceUse.hint'),
    },
    suicidal_ideation: {
      label: t('risk.factors.suicidalIdeation.label'),
      hint: t('risk.factors.suicidalIdeation.hint'),
    },
    isolation: { label: t('risk.factors.isolation.label'), hint: t('risk.factors.isolation.hint') },
  };
}

export function useGroupLabels(): Record<FactorGroup, { title: string; hint: string }> {
  const { t } = useTranslation();
  return {
    harm: { title: t('risk.groups.harm.title'), hint: t('risk.groups.harm.hint') },
    exposure: { title: t('risk.groups.exposure.title'), hint: t('risk.groups.exposure.hint') },
    vulnerability: { title: t('risk.groups.vulnerability.title'), hint: t('risk.groups.vulnerability.hint') },
  };
}

export function useAnswerLabels(): Record<TriState, string> {
  const { t } = useTranslation();
  return { yes: t('risk.answers.yes'), no: t('risk.answers.no'), unknown: t('risk.answers.unknown') };
}

/** Changes that make her assessment out of date, in plain words. */
export function useTriggerLabels(): Record<TRiskTrigger['kind'], string> {
  const { t } = useTranslation();
  return {
    residence_changed: t('risk.triggers.residenceChanged'),
    venue_changed: t('risk.triggers.venueChanged'),
    legal_changed: t('risk.triggers.legalChanged'),
    collaboration_started: t('risk.triggers.collaborationStarted'),
    witness_status: t('risk.triggers.witnessStatus'),
    incident: t('risk.triggers.incident'),
    trafficker_contact: t('risk.triggers.traffickerContact'),
    group_enrolment: t('risk.triggers.groupEnrolment'),
    risk_area_nearby: t('risk.triggers.riskAreaNearby'),
    other: t('risk.triggers.other'),
  };
}

export function useOverrideLabels(): Record<TRiskAssessmentSummary['override'], string> {
  const { t } = useTranslation();
  return {
    none: t('risk.override.none'),
    raised: t('risk.override.raised'),
    lowering_pending: t('risk.override.loweringPending'),
    lowered: t('risk.override.lowered'),
    lowering_declined: t('risk.override.loweringDeclined'),
    lowering_superseded: t('risk.override.loweringSuperseded'),
  };
}

export function useMeasureStatusLabels(): Record<MeasureStatus, string> {
  const { t } = useTranslation();
  return {
    planned: t('risk.measureStatus.planned'),
    in_progress: t('risk.measureStatus.inProgress'),
    done: t('risk.measureStatus.done'),
    dropped: t('risk.measureStatus.dropped'),
  };
}

/** A calendar date (yyyy-mm-dd) read at noon, so no time zone moves it to another day. */
export const calendarDate = (iso: string) => `${iso}T12:00:00`;
