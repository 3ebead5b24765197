/** Names of purposes, methods, states and role groups in the interface language. */

import type { TConsent } from '@cope/contracts';
import type { ConsentMethod, ConsentPurpose, ShareAudience, StaffRole, WithdrawalMethod } from '@cope/domain';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoleLabels } from '../auth/role-labels';

export function usePurposeLabels(): Record<ConsentPurpose, string> {
  const { t } = useTranslation();
  return {
    record_keeping: t('consents.purpose.recordKeeping'),
    share_section: t('consents.purpose.shareSection'),
    referral: t('consents.purpose.referral'),
    contact: t('consents.purpose.contact'),
    group_activities: t('consents.purpose.groupActivities'),
    anonymous_statistics: t('consents.purpose.anonymousStatistics'),
  };
}

export function useMethodLabels(): Record<ConsentMethod, string> {
  const { t } = useTranslation();
  return {
    signed: t('consents.method.signed'),
    witnessed_verbal: t('consents.method.witnessedVerbal'),
    scanned_document: t('consents.method.scannedDocument'),
  };
}

export function useWithdrawalMethodLabels(): Record<WithdrawalMethod, string> {
  const { t } = useTranslation();
  return { verbal: t('consents.withdraw.verbal'), written: t('consents.withdraw.written') };
}

export function useStateLabels(): Record<TConsent['state'], string> {
  const { t } = useTranslation();
  return {
    active: t('consents.state.active'),
    withdrawn: t('consents.state.withdrawn'),
    expired: t('consents.state.expired'),
    not_yet_valid: t('consents.state.notYetValid'),
  };
}

/** "Lawyers on her team", "All social educators in the organization"; other text as written. */
export function useAudienceLabel(): (audience: string | null) => string {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  return useCallback(
    (audience: string | null) => {
      if (!audience) return '';
      const [scope, role] = audience.split(':') as [string, StaffRole | undefined];
      const roleName = role ? roles[role] : undefined;
      if (!roleName) return audience;
      if (scope === 'team') return t('consents.audience.team', { role: roleName });
      if (scope === 'org') return t('consents.audience.org', { role: roleName });
      return audience;
    },
    [roles, t],
  );
}

export function useAudienceOptions(audiences: readonly ShareAudience[]) {
  const label = useAudienceLabel();
  return useMemo(() => audiences.map((value) => ({ value, label: label(value) })), [audiences, label]);
}

/** Language names (ISO 639-1) in the interface language, e.g. "ro" → "Romanian" / "rumano". */
export function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([i18n.language], { type: 'language' });
    } catch {
      names = null;
    }
    return (code: string) => names?.of(code) ?? code;
  }, [i18n.language]);
}

/** Today as yyyy-mm-dd on this device. */
export function localToday(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}
