/**
 * Recording one of her consents: what for, who receives what, how she gave it, in which
 * language it was explained and by whom, when, and when to review it. Checked in the browser
 * with the same schema the server uses; posts to the API itself, so any page can embed it.
 */
import { type TRecordConsentRequest, ZRecordConsentRequest } from '@cope/contracts';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  type ConsentMethod,
  type ConsentPurpose,
  SECTIONS,
  type Section,
  SHARE_AUDIENCES,
} from '@cope/domain';
import { Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from '../auth/api';
import { languageChoices } from '../i18n/language-choices';
import { useSectionLabels } from '../participants/section-labels';
import { consentsQuery, explainersQuery, recordConsent } from './api';
import { localToday, useAudienceOptions, useLanguageName, useMethodLabels, usePurposeLabels } from './labels';

type Field = keyof TRecordConsentRequest;
const FIELDS: readonly Field[] = [
  'purpose',
  'recipient',
  'dataCategories',
  'method',
  'language',
  'explainedByUserId',
  'givenOn',
  'expiresOn',
];

export function RecordConsentForm(props: {
  participantId: string;
  purpose?: ConsentPurpose;
  onSaved: () => void;
}) {
  const { participantId, onSaved } = props;
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const purposeLabels = usePurposeLabels();
  const methodLabels = useMethodLabels();
  const sectionLabels = useSectionLabels();
  const languageName = useLanguageName();
  const audienceOptions = useAudienceOptions(SHARE_AUDIENCES);
  const me = useQuery(meQuery);
  const explainers = useQuery(explainersQuery(participantId));

  const [purpose, setPurpose] = useState<ConsentPurpose | null>(props.purpose ?? null);
  const [recipient, setRecipient] = useState('');
  const [categories, setCategories] = useState<Section[]>(
    props.purpose === 'record_keeping' ? [...SECTIONS] : [],
  );
  const [method, setMethod] = useState<ConsentMethod | ''>('');
  const [language, setLanguage] = useState<string | null>(i18n.language.slice(0, 2));
  const [explainedBy, setExplainedBy] = useState<string | null>(null);
  const [givenOn, setGivenOn] = useState(localToday());
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);

  const explainerId = explainedBy ?? me.data?.user.id ?? null;
  const languageOptions = useMemo(
    () => languageChoices(languageName).sort((a, b) => a.label.localeCompare(b.label)),
    [languageName],
  );

  const messages: Record<Field, string> = {
    purpose: t('consents.errors.purpose'),
    recipient:
      purpose === 'referral'
        ? t('consents.errors.recipientOrganization')
        : t('consents.errors.recipientGroup'),
    dataCategories: t('consents.errors.categories'),
    method: t('consents.errors.method'),
    language: t('consents.errors.language'),
    explainedByUserId: t('consents.errors.explainedBy'),
    givenOn: t('consents.errors.givenOn'),
    expiresOn: t('consents.errors.expiresOn'),
  };

  const save = useMutation({
    mutationFn: (body: TRecordConsentRequest) => recordConsent(participantId, body),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: consentsQuery(participantId).queryKey });
      onSaved();
    },
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      const next: Partial<Record<Field, string>> = {};
      for (const field of FIELDS) if (error.fieldIssue(field)) next[field] = messages[field];
      setErrors(next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const withRecipient = purpose === 'share_section' || purpose === 'referral';
    const parsed = ZRecordConsentRequest.safeParse({
      purpose: purpose ?? undefined,
      recipient: withRecipient ? recipient.trim() : null,
      dataCategories: categories,
      method: method || undefined,
      language: language ?? undefined,
      explainedByUserId: explainerId ?? undefined,
      givenOn,
      expiresOn: expiresOn || null,
    });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) {
          next[field as Field] = messages[field as Field];
        }
      }
      setErrors(next);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  const failure =
    save.isError && !isApiError(save.error, 'VALIDATION_FAILED') ? errorMessage(save.error) : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {props.purpose ? (
          <div>
            <Text size="sm" fw={500}>
              {t('consents.form.purpose')}
            </Text>
            <Text>{purposeLabels[props.purpose]}</Text>
          </div>
        ) : (
          <Select
            label={t('consents.form.purpose')}
            placeholder={t('consents.form.choose')}
            data={CONSENT_PURPOSES.map((value) => ({ value, label: purposeLabels[value] }))}
            value={purpose}
            onChange={(value) => setPurpose(value as ConsentPurpose | null)}
            error={errors.purpose}
            required
            allowDeselect={false}
          />
        )}
        {purpose === 'share_section' && (
          <Select
            label={t('consents.form.recipientGroup')}
            placeholder={t('consents.form.choose')}
            data={audienceOptions}
            value={recipient || null}
            onChange={(value) => setRecipient(value ?? '')}
            error={errors.recipient}
            searchable
            required
          />
        )}
        {purpose === 'referral' && (
          <TextInput
            label={t('consents.form.recipientOrganization')}
            value={recipient}
            onChange={(event) => setRecipient(event.currentTarget.value)}
            error={errors.recipient}
            required
          />
        )}
        <Checkbox.Group
          label={t('consents.form.categories')}
          description={t('consents.form.categoriesHelp')}
          value={categories}
          onChange={(value) => setCategories(value as Section[])}
          error={errors.dataCategories}
          withAsterisk
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt="xs">
            {SECTIONS.map((section) => (
              <Checkbox key={section} value={section} label={sectionLabels[section]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Radio.Group
          label={t('consents.form.method')}
          value={method}
          onChange={(value) => setMethod(value as ConsentMethod)}
          error={errors.method}
          withAsterisk
        >
          <Stack gap={6} mt="xs">
            {CONSENT_METHODS.map((value) => (
              <Radio key={value} value={value} label={methodLabels[value]} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('consents.form.language')}
            data={languageOptions}
            value={language}
            onChange={setLanguage}
            error={errors.language}
            searchable
            required
            nothingFoundMessage={t('consents.form.noLanguage')}
          />
          <Select
            label={t('consents.form.explainedBy')}
            data={(explainers.data?.items ?? []).map((person) => ({
              value: person.id,
              label: person.displayName,
            }))}
            value={explainerId}
            onChange={setExplainedBy}
            error={errors.explainedByUserId}
            searchable
            required
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('consents.form.givenOn')}
            value={givenOn}
            max={localToday()}
            onChange={(event) => setGivenOn(event.currentTarget.value)}
            error={errors.givenOn}
            required
          />
          <TextInput
            type="date"
            label={t('consents.form.expiresOn')}
            description={t('consents.form.expiresOnHelp')}
            value={expiresOn}
            min={givenOn || undefined}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={errors.expiresOn}
          />
        </SimpleGrid>
        {failure && (
          <Text c="red.8" size="sm" role="alert">
            {failure}
          </Text>
        )}
        {saved && !save.isPending && (
          <Text c="teal.9" size="sm" role="status">
            {t('consents.form.saved')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('consents.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
