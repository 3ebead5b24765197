import { useTranslation } from 'react-i18next';

/**
 * Props for PasswordInput's show/hide button: reachable by keyboard, and named without the word
 * "password" so the field itself is the only thing labelled that way.
 */
export function usePasswordToggleProps() {
  const { t } = useTranslation();
  return {
    visibilityToggleFocusable: true,
    visibilityToggleButtonProps: { 'aria-label': t('auth.showCharacters') },
  };
}
