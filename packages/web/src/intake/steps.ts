/** The intake steps in order, what an unanswered step looks like, and their names. */
import type { StepValues } from '@cope/contracts';
import type { IntakeStep } from '@cope/domain';
import { useTranslation } from 'react-i18next';

export const EMPTY_STEPS: StepValues = {
  person: {
    preferredName: '',
    legalName: '',
    birthDate: '',
    approximateAge: null,
    citizenship: null,
    documents: [],
  },
  languages: { languages: [], preferredLanguage: null, interpreterNeeded: false },
  journey: {
    arrivalDate: '',
    referralSource: null,
    traffickingStatus: null,
    exploitationForms: [],
    controlMethods: [],
  },
  legal: { asylumSeeker: null, legalSituations: [] },
  family: { dependants: [] },
  contact: { phones: [], address: '', safeChannels: [], safeTimes: '', mayLeaveMessage: null, codeWord: '' },
  screening: {
    immediateDanger: 'unknown',
    exploitersKnowAddress: 'unknown',
    ongoingContact: 'unknown',
    note: '',
  },
};

export function useStepLabels(): Record<IntakeStep, { title: string; description: string }> {
  const { t } = useTranslation();
  return {
    person: { title: t('intake.steps.person'), description: t('intake.steps.personHelp') },
    languages: { title: t('intake.steps.languages'), description: t('intake.steps.languagesHelp') },
    journey: { title: t('intake.steps.journey'), description: t('intake.steps.journeyHelp') },
    legal: { title: t('intake.steps.legal'), description: t('intake.steps.legalHelp') },
    family: { title: t('intake.steps.family'), description: t('intake.steps.familyHelp') },
    contact: { title: t('intake.steps.contact'), description: t('intake.steps.contactHelp') },
    screening: { title: t('intake.steps.screening'), description: t('intake.steps.screeningHelp') },
  };
}
