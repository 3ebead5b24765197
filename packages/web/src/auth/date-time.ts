import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Date and time in the interface language, e.g. "3 Mar 2026, 09:41". */
export function useDateTimeFormatter(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const regional = navigator.languages?.find((locale) => locale.toLowerCase().startsWith(`${language}-`));
    const format = new Intl.DateTimeFormat(regional ?? language, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? '' : format.format(date);
    };
  }, [language]);
}
