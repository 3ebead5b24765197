/** First run: names the organization and creates its first administrator account. */
import { type TSetupRequest, ZSetupRequest } from '@cope/contracts';
import { DEFAULT_CASE_CODE_FORMAT, formatCaseCode, isValidCaseCodePrefix } from '@cope/domain';
import { Alert, Box, Button, Fieldset, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { usePasswordToggleProps } from '../auth/password-toggle';
import { currentLanguage } from '../i18n';
import { FormIntro } from '../layout/FormIntro';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { usePageTitle } from '../layout/page-title';
import { runSetup, setupStatusQuery, useSetupStatus } from './api';

type Field = 'organizationName' | 'caseCodePrefix' | 'adminName' | 'adminEmail' | 'adminPassword';
type Values = Record<Field, string>;
const FIELDS: readonly Field[] = [
  'organizationName',
  'caseCodePrefix',
  'adminName',
  'adminEmail',
  'adminPassword',
];
const isField = (value: unknown): value is Field => FIELDS.some((field) => field === value);

const LEGEND_STYLES = {
  root: { padding: 0, margin: 0 },
  legend: {
    fontWeight: 600,
    fontSize: 'var(--mantine-font-size-lg)',
    marginBottom: 'var(--mantine-spacing-sm)',
  },
};

const EMPTY: Values = {
  organizationName: '',
  caseCodePrefix: '',
  adminName: '',
  adminEmail: '',
  adminPassword: '',
};

export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('setup.title'));
  const status = useSetupStatus();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const toggleProps = usePasswordToggleProps();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, boolean>>>({});
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  // Set before the set-up status changes, so this page does not mistake its own success for
  // "already set up" and send the new administrator to the sign-in page.
  const finished = useRef(false);

  const messages: Record<Field, string> = {
    organizationName: t('setup.errors.organizationName'),
    caseCodePrefix: t('setup.errors.caseCodePrefix'),
    adminName: t('setup.errors.adminName'),
    adminEmail: t('setup.errors.adminEmail'),
    adminPassword: t('setup.errors.adminPassword'),
  };

  const showErrors = (fields: Field[]) => {
    setErrors(Object.fromEntries(fields.map((field) => [field, true])));
    const first = FIELDS.find((field) => fields.includes(field));
    if (first) inputs.current[first]?.focus();
  };

  const mutation = useMutation({
    mutationFn: runSetup,
    onSuccess: async () => {
      finished.current = true;
      queryClient.setQueryData(setupStatusQuery.queryKey, { setupRequired: false, demo: false });
      await navigate('/mfa/enrol', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'VALIDATION_FAILED'))
        showErrors(error.details.map((d) => d.field).filter(isField));
    },
  });

  if (!status.data?.setupRequired && !finished.current) return <Navigate to="/login" replace />;

  const set = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({
      ...current,
      [field]: field === 'caseCodePrefix' ? value.toUpperCase() : value,
    }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: TSetupRequest = { ...values, locale: currentLanguage() };
    const parsed = ZSetupRequest.safeParse(request);
    if (!parsed.success) {
      showErrors(parsed.error.issues.map((issue) => issue.path[0]).filter(isField));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  };

  const field = (name: Field) => ({
    ref: (element: HTMLInputElement | null) => {
      inputs.current[name] = element;
    },
    value: values[name],
    onChange: set(name),
    error: errors[name] ? messages[name] : undefined,
    required: true,
    withAsterisk: false,
  });

  const prefix = values.caseCodePrefix.trim();
  const example = formatCaseCode(DEFAULT_CASE_CODE_FORMAT, {
    prefix: isValidCaseCodePrefix(prefix) ? prefix : 'BCN',
    year: new Date().getFullYear(),
    sequence: 1,
  });

  const failure =
    mutation.error && !isApiError(mutation.error, 'VALIDATION_FAILED')
      ? isApiError(mutation.error, 'SETUP_ALREADY_DONE')
        ? t('setup.alreadyDone')
        : errorMessage(mutation.error)
      : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormIntro title={t('setup.title')} intro={t('setup.intro')} />
        {failure && (
          <Alert variant="light" color="red" role="alert">
            {failure}
          </Alert>
        )}
        <LanguageSwitcher visibleLabel description={t('setup.languageHint')} />
        <Fieldset legend={t('setup.organizationLegend')} variant="unstyled" styles={LEGEND_STYLES}>
          <Stack gap="md">
            <TextInput
              label={t('setup.organizationName')}
              autoComplete="organization"
              {...field('organizationName')}
            />
            <TextInput
              label={t('setup.caseCodePrefix')}
              description={t('setup.caseCodePrefixHint', { example })}
              autoComplete="off"
              maxLength={8}
              inputContainer={(children) => <Box maw={240}>{children}</Box>}
              {...field('caseCodePrefix')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('setup.accountLegend')} variant="unstyled" styles={LEGEND_STYLES}>
          <Stack gap="md">
            <TextInput label={t('setup.adminName')} autoComplete="name" {...field('adminName')} />
            <TextInput label={t('login.email')} type="email" autoComplete="email" {...field('adminEmail')} />
            <PasswordInput
              label={t('login.password')}
              description={t('setup.passwordHint')}
              autoComplete="new-password"
              {...field('adminPassword')}
              {...toggleProps}
            />
          </Stack>
        </Fieldset>
        <Button type="submit" loading={mutation.isPending} size="md">
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
