/** Words for retention-hold reasons and export languages, in the interface language. */
import type { ConsentFormLanguage, RetentionHoldReason } from '@cope/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useHoldReasonLabels(): Record<RetentionHoldReason, string> {
  const { t } = useTranslation();
  return {
    legal_proceedings: t('caseFile.holds.reason.legalProceedings'),
    safeguarding_inquiry: t('caseFile.holds.reason.safeguardingInquiry'),
    funder_audit: t('caseFile.holds.reason.funderAudit'),
    other: t('caseFile.holds.reason.other'),
  };
}

/** "Spanish — español": the language in the interface language, then in itself, for her to recognise. */
export function useExportLanguageName(): (code: ConsentFormLanguage) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const inInterface = new Intl.DisplayNames([i18n.language], { type: 'language' });
    return (code) => {
      const own = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
      const here = inInterface.of(code) ?? code;
      return here.toLowerCase() === own.toLowerCase() ? here : `${here} — ${own}`;
    };
  }, [i18n.language]);
}
