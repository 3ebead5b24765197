/**
 * Days of her itinerary (a step's target, a commitment, a review) as staff read them. They are
 * calendar days without a time (2027-01-12), written the same way in her plan and her progress.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A calendar date (yyyy-mm-dd) read at noon, so no time zone moves it to another day. */
export const calendarDate = (iso: string) => `${iso}T12:00:00`;

/** "Tue 12 Jan 2027" in the interface language (the browser's regional variant when it has one). */
export function useDayFormatter(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const regional = navigator.languages?.find((locale) => locale.toLowerCase().startsWith(`${language}-`));
    const format = new Intl.DateTimeFormat(regional ?? language, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    return (iso: string) => {
      const date = new Date(calendarDate(iso));
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [language]);
}
