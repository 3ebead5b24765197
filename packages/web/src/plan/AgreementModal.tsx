/**
 * Her agreement to the plan under review: her signature drawn on screen, or her spoken agreement
 * before a witness; the date (today unless said otherwise: not in the future, not before her
 * agreement to the plan in force, and — the server says so — not before this draft was started)
 * and a note. The draft then becomes the plan in force.
 */
import type { TPlanAgreement, TPlanVersion } from '@cope/contracts';
import { AGREEMENT_METHODS, type AgreementMethod, isIsoDate } from '@cope/domain';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { localToday } from '../consents/labels';
import { calendarDate } from '../itinerary/dates';
import { useDateFormatter } from '../participants/labels';
import { recordAgreement } from './api';
import { useAgreementMethodLabels } from './labels';
import { SignatureBox } from './SignatureBox';

type Field = 'signature' | 'witnessName' | 'agreedOn' | 'note';

export function AgreementModal({
  participantId,
  revision,
  previousAgreedOn,
  onAgreed,
  onClose,
}: {
  participantId: string;
  /** The revision of the draft as last saved. */
  revision: number;
  /** When she agreed to the plan in force, if there is one. */
  previousAgreedOn: string | null;
  onAgreed: (version: TPlanVersion) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const methods = useAgreementMethodLabels();
  const [method, setMethod] = useState<AgreementMethod>('signature');
  const [signature, setSignature] = useState<string | null>(null);
  const [witnessName, setWitnessName] = useState('');
  const [agreedOn, setAgreedOn] = useState(localToday());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const agree = useMutation({
    mutationFn: (body: TPlanAgreement) => recordAgreement(participantId, body),
    onSuccess: onAgreed,
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      const next: Partial<Record<Field, string>> = {};
      for (const field of ['signature', 'witnessName', 'agreedOn', 'note'] as const) {
        const issue = error.fieldIssue(field);
        if (issue) next[field] = issue.message;
      }
      setErrors(next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (method === 'signature' && !signature) next.signature = t('plan.agreement.signFirst');
    if (method === 'verbal_witnessed' && !witnessName.trim())
      next.witnessName = t('plan.agreement.witnessRequired');
    if (!isIsoDate(agreedOn)) next.agreedOn = t('plan.agreement.dateRequired');
    else if (agreedOn > localToday()) next.agreedOn = t('plan.agreement.dateInFuture');
    else if (previousAgreedOn && agreedOn < previousAgreedOn)
      next.agreedOn = t('plan.agreement.dateBeforePrevious', {
        date: formatDate(calendarDate(previousAgreedOn)),
      });
    if (note.trim().length > 1000) next.note = t('plan.agreement.noteTooLong');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    agree.mutate({
      revision,
      method,
      agreedOn,
      signature: method === 'signature' ? signature : null,
      witnessName: method === 'verbal_witnessed' ? witnessName.trim() : null,
      note: note.trim(),
    });
  };

  const otherFailure =
    agree.isError && !(isApiError(agree.error, 'VALIDATION_FAILED') && Object.keys(errors).length > 0);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('plan.agreement.title')}
      closeButtonProps={{ 'aria-label': t('plan.close') }}
      size="xl"
    >
      <form onSubmit={submit} noValidate aria-label={t('plan.agreement.title')}>
        <Stack gap="md">
          <Text size="sm">{t('plan.agreement.intro')}</Text>
          <Radio.Group
            label={t('plan.agreement.method')}
            value={method}
            onChange={(value) => setMethod(value as AgreementMethod)}
            withAsterisk
          >
            <Stack gap="xs" mt="xs">
              {AGREEMENT_METHODS.map((value) => (
                <Radio key={value} value={value} label={methods[value]} size="md" />
              ))}
            </Stack>
          </Radio.Group>
          {method === 'signature' ? (
            <SignatureBox onChange={setSignature} error={errors.signature} />
          ) : (
            <TextInput
              label={t('plan.agreement.witnessName')}
              description={t('plan.agreement.witnessHelp')}
              value={witnessName}
              onChange={(event) => setWitnessName(event.currentTarget.value)}
              error={errors.witnessName}
              required
            />
          )}
          <TextInput
            type="date"
            label={t('plan.agreement.date')}
            value={agreedOn}
            min={previousAgreedOn ?? undefined}
            max={localToday()}
            onChange={(event) => setAgreedOn(event.currentTarget.value)}
            error={errors.agreedOn}
            required
          />
          <Textarea
            label={t('plan.agreement.note')}
            description={t('plan.agreement.noteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
          />
          {otherFailure && (
            <Alert color="red" variant="light" role="alert">
              {isApiError(agree.error, 'VALIDATION_FAILED') || isApiError(agree.error, 'CONFLICT')
                ? agree.error.message
                : errorMessage(agree.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={agree.isPending}>
              {t('plan.agreement.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
