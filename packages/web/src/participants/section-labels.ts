import type { Section } from '@cope/domain';
import { useTranslation } from 'react-i18next';

export function useSectionLabels(): Record<Section, string> {
  const { t } = useTranslation();
  return {
    identity: t('sections.name.identity'),
    safety: t('sections.name.safety'),
    trafficking_network: t('sections.name.traffickingNetwork'),
    legal: t('sections.name.legal'),
    mental_health: t('sections.name.mentalHealth'),
    physical_health: t('sections.name.physicalHealth'),
    plan: t('sections.name.plan'),
    needs: t('sections.name.needs'),
    monitoring: t('sections.name.monitoring'),
    employment: t('sections.name.employment'),
    education: t('sections.name.education'),
    economic: t('sections.name.economic'),
    family: t('sections.name.family'),
  };
}
