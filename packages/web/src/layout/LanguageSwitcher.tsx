import { Box, Select } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isSupportedLanguage, SUPPORTED_LANGUAGES } from '../i18n';

interface Props {
  /** Show the label above the control (in forms); otherwise it is read out but not shown. */
  visibleLabel?: boolean;
  description?: string;
}

const DATA = SUPPORTED_LANGUAGES.map((language) => ({ value: language.code, label: language.name }));

/**
 * Each language is named in itself, and the control's name keeps the English word "Language"
 * next to the translated one, so someone who landed in a language they do not read can still
 * find it.
 */
export function LanguageSwitcher({ visibleLabel = false, description }: Props) {
  const { t } = useTranslation();
  const current = currentLanguage();
  // On a phone the header is tight: the language name alone says what the control is.
  const phone = useMediaQuery('(max-width: 35.99em)') ?? false;
  const withIcon = visibleLabel || !phone;
  const label = current === 'en' ? 'Language' : `${t('language.label')} (Language)`;
  return (
    <Select
      label={visibleLabel ? label : undefined}
      aria-label={visibleLabel ? undefined : label}
      description={description}
      data={DATA}
      value={current}
      onChange={(value) => {
        if (value && isSupportedLanguage(value)) chooseLanguage(value);
      }}
      allowDeselect={false}
      checkIconPosition="right"
      leftSection={withIcon ? <IconLanguage size={16} aria-hidden="true" /> : undefined}
      renderOption={({ option }) => <span lang={option.value}>{option.label}</span>}
      w={visibleLabel ? undefined : { base: 112, sm: 140 }}
      // In a form the description may run wide while the control itself stays compact.
      inputContainer={visibleLabel ? (children) => <Box maw={240}>{children}</Box> : undefined}
      comboboxProps={{ width: 180, position: 'bottom-end', keepMounted: false }}
    />
  );
}
