import type { LegalSituation } from '@cope/domain';
import { useTranslation } from 'react-i18next';

/** Legal situations in the interface language (a Record, so a new code fails to compile). */
export function useLegalSituationLabels(): Record<LegalSituation, string> {
  const { t } = useTranslation();
  return {
    asylum_in_process: t('caseTeam.legal.asylumInProcess'),
    no_documents: t('caseTeam.legal.noDocuments'),
    deportation_order: t('caseTeam.legal.deportationOrder'),
    permit_no_work: t('caseTeam.legal.permitNoWork'),
    documents_expiring: t('caseTeam.legal.documentsExpiring'),
    collaborating_with_police: t('caseTeam.legal.collaboratingWithPolice'),
    protected_witness: t('caseTeam.legal.protectedWitness'),
    regular_with_work_permit: t('caseTeam.legal.regularWithWorkPermit'),
  };
}
