/** Scale steps and spheres as staff read them here, and the faces she chooses from. */
import type { TRatings } from '@cope/contracts';
import {
  SCALE_STEP_LABELS,
  type ScaleStep,
  SPHERES,
  type Sphere,
  type StaffLanguage,
  scaleDescriptor,
} from '@cope/domain';
import {
  type Icon,
  IconMoodCry,
  IconMoodEmpty,
  IconMoodHappy,
  IconMoodSad,
  IconMoodSmile,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { matchLanguage } from '../i18n/languages';

/** One face per step, lowest first; always shown with the step's words and number. */
export const STEP_FACE: Record<ScaleStep, Icon> = {
  1: IconMoodCry,
  2: IconMoodSad,
  3: IconMoodEmpty,
  4: IconMoodSmile,
  5: IconMoodHappy,
};

export function useStaffLanguage(): StaffLanguage {
  const { i18n } = useTranslation();
  return matchLanguage(i18n.language) ?? 'en';
}

/** "Crisis", "Vulnerable"… in the interface language. */
export function useStepLabels(): Record<ScaleStep, string> {
  const language = useStaffLanguage();
  return useMemo(
    () => ({
      1: SCALE_STEP_LABELS[1][language],
      2: SCALE_STEP_LABELS[2][language],
      3: SCALE_STEP_LABELS[3][language],
      4: SCALE_STEP_LABELS[4][language],
      5: SCALE_STEP_LABELS[5][language],
    }),
    [language],
  );
}

/** What a step of a sphere means, in the interface language. */
export function useDescriptor(): (sphere: Sphere, step: ScaleStep) => string {
  const language = useStaffLanguage();
  return useMemo(() => (sphere, step) => scaleDescriptor(sphere, step, language), [language]);
}

/** Short sphere names, for the axes of the charts. */
export function useShortSphereLabels(): Record<Sphere, string> {
  const { t } = useTranslation();
  return {
    housing: t('monitoring.short.housing'),
    legal_status: t('monitoring.short.legalStatus'),
    employment: t('monitoring.short.employment'),
    education: t('monitoring.short.education'),
    safety: t('monitoring.short.safety'),
    social_environment: t('monitoring.short.socialEnvironment'),
    social_relations: t('monitoring.short.socialRelations'),
    economic: t('monitoring.short.economic'),
    physical_health: t('monitoring.short.physicalHealth'),
    mental_health: t('monitoring.short.mentalHealth'),
    access_to_services: t('monitoring.short.accessToServices'),
    motivation: t('monitoring.short.motivation'),
    legal_proceedings: t('monitoring.short.legalProceedings'),
    family: t('monitoring.short.family'),
  };
}

/** The spheres a set of ratings leaves without a step. */
export function unrated(ratings: TRatings | null): Sphere[] {
  return SPHERES.filter((sphere) => !ratings?.[sphere]?.step);
}
