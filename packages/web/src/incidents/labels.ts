/** Incident kinds in words. */
import type { IncidentKind } from '@cope/domain';
import { useTranslation } from 'react-i18next';

export function useIncidentKindLabels(): Record<IncidentKind, string> {
  const { t } = useTranslation();
  return {
    threat: t('incidents.kind.threat'),
    contact_attempt: t('incidents.kind.contactAttempt'),
    violence: t('incidents.kind.violence'),
    suspicious_person: t('incidents.kind.suspiciousPerson'),
    phone_taken: t('incidents.kind.phoneTaken'),
    other: t('incidents.kind.other'),
  };
}
