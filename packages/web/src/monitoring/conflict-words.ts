/** Who saved the open review while this page was rating it, in the interface language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormatter } from '../auth/date-time';
import type { RoundConflict } from './use-rating-draft';

export function useConflictWords(): (conflict: RoundConflict | null) => string {
  const { t } = useTranslation();
  const formatDateTime = useDateTimeFormatter();
  return useCallback(
    (conflict) =>
      conflict?.savedBy && conflict.savedAt
        ? t('monitoring.conflict.savedBy', { name: conflict.savedBy, time: formatDateTime(conflict.savedAt) })
        : t('monitoring.conflict.someone'),
    [t, formatDateTime],
  );
}
