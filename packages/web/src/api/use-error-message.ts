import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

/** Plain-language text for failures every page can meet; pages handle their own codes first. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('errors.unexpected');
      switch (error.code) {
        case 'NETWORK':
          return t('errors.network');
        case 'RATE_LIMITED':
          return error.retryAfterSeconds
            ? t('errors.tryAgainIn', { count: error.retryAfterSeconds })
            : t('errors.rateLimited');
        case 'CSRF_TOKEN_INVALID':
          return t('errors.pageOutdated');
        case 'STEP_UP_REQUIRED':
          return t('stepUp.cancelled');
        case 'FORBIDDEN':
          return t('errors.forbidden');
        case 'CONFLICT':
          return t('errors.conflict');
        case 'NOT_FOUND':
          return t('errors.notFound');
        case 'VALIDATION_FAILED':
          return t('errors.validation');
        case 'UNAUTHENTICATED':
          return t('errors.sessionEnded');
        case 'UNAVAILABLE':
          return t('errors.unavailable');
        default:
          return t('errors.unexpected');
      }
    },
    [t],
  );
}
