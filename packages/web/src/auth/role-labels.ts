import type { StaffRole } from '@cope/domain';
import { useTranslation } from 'react-i18next';

/** Every staff role's name in the interface language (a Record, so a new role fails to compile). */
export function useRoleLabels(): Record<StaffRole, string> {
  const { t } = useTranslation();
  return {
    social_worker: t('roles.socialWorker'),
    psychologist: t('roles.psychologist'),
    psychiatrist: t('roles.psychiatrist'),
    social_educator: t('roles.socialEducator'),
    lawyer: t('roles.lawyer'),
    peer_worker: t('roles.peerWorker'),
    outreach_worker: t('roles.outreachWorker'),
    coordinator: t('roles.coordinator'),
    administrator: t('roles.administrator'),
  };
}
