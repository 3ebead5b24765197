/** Words shared by the timeline and the transparency log: people, purposes, audiences. */
import type { ConsentPurpose, StaffRole } from '@cope/domain';
import { isStaffRole } from '@cope/domain';
import { useTranslation } from 'react-i18next';
import { useRoleLabels } from '../auth/role-labels';

export function usePurposeLabels(): Record<ConsentPurpose, string> {
  const { t } = useTranslation();
  return {
    record_keeping: t('history.purpose.recordKeeping'),
    share_section: t('history.purpose.shareSection'),
    referral: t('history.purpose.referral'),
    contact: t('history.purpose.contact'),
    group_activities: t('history.purpose.groupActivities'),
    anonymous_statistics: t('history.purpose.anonymousStatistics'),
  };
}

/** "Ana López (Social worker)", or a neutral word when the account is no longer known. */
export function usePersonLabel() {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  return (person: { name?: string | null; displayName?: string; roles: StaffRole[] } | null) => {
    if (!person) return t('history.system');
    const name = person.displayName ?? person.name ?? t('history.someone');
    return person.roles.length > 0
      ? t('history.person', { name, roles: person.roles.map((role) => roles[role]).join(', ') })
      : name;
  };
}

/** A share's audience (`team:lawyer`, `org:coordinator`, `team`, or an organization's name) in words. */
export function useAudienceLabel() {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  return (audience: string) => {
    if (audience === 'reference') return t('history.audience.reference');
    if (audience === 'team') return t('history.audience.team');
    const [scope, role] = audience.split(':');
    if (role && isStaffRole(role)) {
      return scope === 'team'
        ? t('history.audience.teamRole', { role: roles[role] })
        : t('history.audience.orgRole', { role: roles[role] });
    }
    return audience;
  };
}
