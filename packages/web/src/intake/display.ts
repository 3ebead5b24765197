/**
 * Section records in readable form: a label for every answer ("journey.arrivalDate") and its
 * value in words — vocabulary codes translated, countries and languages named in the interface
 * language, dates formatted. Used by the record view and by the conflict message.
 */
import type { TDependant, TIdentityDocument } from '@cope/contracts';
import type { IntakeStep } from '@cope/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormatter } from '../participants/labels';
import { useIsoNames, useVocabulary } from './vocab';

/** The answers of each step, in the order they are shown. */
export const STEP_FIELDS: Record<IntakeStep, string[]> = {
  person: ['preferredName', 'legalName', 'birthDate', 'approximateAge', 'citizenship', 'documents'],
  languages: ['languages', 'preferredLanguage', 'interpreterNeeded'],
  journey: ['arrivalDate', 'referralSource', 'traffickingStatus', 'exploitationForms', 'controlMethods'],
  legal: ['asylumSeeker', 'legalSituations'],
  family: ['dependants'],
  contact: ['phones', 'address', 'safeChannels', 'safeTimes', 'mayLeaveMessage', 'codeWord'],
  screening: ['immediateDanger', 'exploitersKnowAddress', 'ongoingContact', 'note'],
};

export function useFieldLabels(): (path: string) => string {
  const { t } = useTranslation();
  const labels = useMemo<Record<string, string>>(
    () => ({
      'person.preferredName': t('intake.person.preferredName'),
      'person.legalName': t('intake.person.legalName'),
      'person.birthDate': t('intake.person.birthDate'),
      'person.approximateAge': t('intake.person.approximateAge'),
      'person.citizenship': t('intake.person.citizenship'),
      'person.documents': t('intake.person.documents'),
      'languages.languages': t('intake.languages.languages'),
      'languages.preferredLanguage': t('intake.languages.preferredLanguage'),
      'languages.interpreterNeeded': t('intake.languages.interpreterNeeded'),
      'journey.arrivalDate': t('intake.journey.arrivalDate'),
      'journey.referralSource': t('intake.journey.referralSource'),
      'journey.traffickingStatus': t('intake.journey.traffickingStatus'),
      'journey.exploitationForms': t('intake.journey.exploitationForms'),
      'journey.controlMethods': t('intake.journey.controlMethods'),
      'legal.asylumSeeker': t('intake.legal.asylumSeeker'),
      'legal.legalSituations': t('intake.legal.legalSituations'),
      'family.dependants': t('intake.family.dependants'),
      'contact.phones': t('intake.contact.phones'),
      'contact.address': t('intake.contact.address'),
      'contact.safeChannels': t('intake.contact.safeChannels'),
      'contact.safeTimes': t('intake.contact.safeTimes'),
      'contact.mayLeaveMessage': t('intake.contact.mayLeaveMessage'),
      'contact.codeWord': t('intake.contact.codeWord'),
      'screening.immediateDanger': t('intake.screening.immediateDanger'),
      'screening.exploitersKnowAddress': t('intake.screening.exploitersKnowAddress'),
      'screening.ongoingContact': t('intake.screening.ongoingContact'),
      'screening.note': t('intake.screening.note'),
    }),
    [t],
  );
  return useCallback((path: string) => labels[path] ?? path, [labels]);
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A value in words; '' when nothing was said. */
export function useValueFormatter(): (path: string, value: unknown) => string {
  const { t } = useTranslation();
  const vocab = useVocabulary();
  const iso = useIsoNames();
  const formatDate = useDateFormatter();
  return useCallback(
    (path: string, value: unknown): string => {
      if (isEmpty(value)) return '';
      const list = (labels: Record<string, string>) =>
        (value as string[]).map((code) => labels[code] ?? code).join(', ');
      switch (path) {
        case 'person.birthDate':
        case 'journey.arrivalDate':
          // Noon keeps the calendar day whatever the browser's time zone.
          return formatDate(`${String(value)}T12:00:00`);
        case 'person.citizenship':
          return iso.country(String(value));
        case 'person.documents':
          return (value as TIdentityDocument[])
            .map((d) => `${vocab.document[d.kind] ?? d.kind}: ${d.number}`)
            .join('; ');
        case 'languages.languages':
          return (value as string[]).map(iso.language).join(', ');
        case 'languages.preferredLanguage':
          return iso.language(String(value));
        case 'languages.interpreterNeeded':
          return value ? vocab.yesNo.yes : vocab.yesNo.no;
        case 'journey.referralSource':
          return vocab.referral[value as keyof typeof vocab.referral] ?? String(value);
        case 'journey.traffickingStatus':
          return vocab.trafficking[value as keyof typeof vocab.trafficking] ?? String(value);
        case 'journey.exploitationForms':
          return list(vocab.exploitation);
        case 'journey.controlMethods':
          return list(vocab.control);
        case 'legal.legalSituations':
          return list(vocab.legal);
        case 'contact.safeChannels':
          return list(vocab.channel);
        case 'legal.asylumSeeker':
        case 'contact.mayLeaveMessage':
        case 'screening.immediateDanger':
        case 'screening.exploitersKnowAddress':
        case 'screening.ongoingContact':
          return vocab.tri[value as keyof typeof vocab.tri] ?? String(value);
        case 'contact.phones':
          return (value as string[]).join(', ');
        case 'family.dependants':
          return (value as TDependant[])
            .map((d) =>
              [
                vocab.relation[d.relation],
                d.age === null ? null : t('intake.family.ageValue', { count: d.age }),
                vocab.location[d.where],
                d.needs || null,
              ]
                .filter(Boolean)
                .join(' · '),
            )
            .join('; ');
        default:
          return String(value);
      }
    },
    [t, vocab, iso, formatDate],
  );
}
