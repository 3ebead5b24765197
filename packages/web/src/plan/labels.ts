/**
 * The words of her plan in the interface language: step states, who does a step, the supports a
 * step needs, how she agreed, kinds of commitments. Records keyed by code, so a new code fails to
 * compile until it has words.
 */
import type { TPlanStep } from '@cope/contracts';
import type { AgreementMethod, CommitmentKind, StepOwnerKind, StepStatus, StepSupport } from '@cope/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDate } from '../itinerary/dates';

export function useStepStatusLabels(): Record<StepStatus, string> {
  const { t } = useTranslation();
  return {
    planned: t('plan.status.planned'),
    in_progress: t('plan.status.inProgress'),
    done: t('plan.status.done'),
    dropped: t('plan.status.dropped'),
  };
}

/** Badge colours (text at least 7:1 on its background); the state is always written too. */
export const STATUS_TONE: Record<StepStatus, { background: string; text: string; border: string }> = {
  planned: { background: '#eef0f2', text: '#343a40', border: '#ced4da' },
  in_progress: { background: '#e7f0fb', text: '#1a4480', border: '#b5cdef' },
  done: { background: '#e3f2f2', text: '#0a3f44', border: '#a6d0d3' },
  dropped: { background: '#f4f0ea', text: '#4a3b28', border: '#d8c9b3' },
};

export function useOwnerKindLabels(): Record<StepOwnerKind, string> {
  const { t } = useTranslation();
  return {
    herself: t('plan.owner.herself'),
    staff: t('plan.owner.staff'),
    partner: t('plan.owner.partner'),
  };
}

export function useSupportLabels(): Record<StepSupport, string> {
  const { t } = useTranslation();
  return {
    childcare: t('plan.support.childcare'),
    transport_money: t('plan.support.transportMoney'),
    interpreter: t('plan.support.interpreter'),
  };
}

export function useAgreementMethodLabels(): Record<AgreementMethod, string> {
  const { t } = useTranslation();
  return {
    signature: t('plan.agreement.signed'),
    verbal_witnessed: t('plan.agreement.spoken'),
  };
}

export function useCommitmentKindLabels(): Record<CommitmentKind, string> {
  const { t } = useTranslation();
  return {
    court_hearing: t('plan.commitmentKind.courtHearing'),
    legal_appointment: t('plan.commitmentKind.legalAppointment'),
    course: t('plan.commitmentKind.course'),
    work: t('plan.commitmentKind.work'),
    health_appointment: t('plan.commitmentKind.healthAppointment'),
    childcare: t('plan.commitmentKind.childcare'),
    other: t('plan.commitmentKind.other'),
  };
}

export type Person = { id: string; displayName: string };

/** Who does a step, in words: herself, the team member's name, or the partner's name. */
export function useOwnerName(team: readonly Person[]): (owner: TPlanStep['owner']) => string {
  const { t } = useTranslation();
  const names = useMemo(() => new Map(team.map((person) => [person.id, person.displayName])), [team]);
  return useCallback(
    (owner: TPlanStep['owner']) => {
      if (owner.kind === 'herself') return t('plan.owner.herself');
      if (owner.kind === 'partner') return owner.partnerName?.trim() || t('plan.owner.partner');
      return (owner.userId && names.get(owner.userId)) || t('plan.owner.staff');
    },
    [names, t],
  );
}

/**
 * The first letter in upper case, as that language writes it ("diciembre de 2026" → "Diciembre
 * de 2026"): the words after it stay as written, unlike CSS text-transform ("Diciembre De 2026").
 */
export function upperFirst(text: string, language: string): string {
  const [first = ''] = text;
  return first.toLocaleUpperCase(language) + text.slice(first.length);
}

/** "January 2027" in the interface language, written as a heading (its first letter in capitals). */
export function useMonthFormatter(): (isoMonth: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' });
    return (isoMonth: string) =>
      upperFirst(format.format(new Date(calendarDate(`${isoMonth}-01`))), language);
  }, [language]);
}
