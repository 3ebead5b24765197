import { TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** The 6-digit code from an authenticator app. Spaces and other characters are dropped as typed. */
export function CodeField({ value, onChange, error, ref }: Props) {
  const { t } = useTranslation();
  return (
    <TextInput
      ref={ref}
      label={t('mfa.code')}
      description={t('mfa.codeHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      required
      withAsterisk={false}
      styles={{
        input: { maxWidth: 220, fontSize: 20, letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' },
      }}
    />
  );
}
