/** Adding one of her fixed commitments: what kind, a short name, the day and hours, weekly until when. */
import { COMMITMENT_KINDS, type CommitmentKind, isClockTime, isIsoDate } from '@cope/domain';
import { Checkbox, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { FormSubmitRow } from '../layout/FormSubmitRow';
import { addCommitment, useInvalidatePlan } from './api';
import { useCommitmentKindLabels } from './labels';

type Field = 'kind' | 'title' | 'date' | 'startTime' | 'endTime' | 'repeatsWeeklyUntil';
const FIELDS: Field[] = ['kind', 'title', 'date', 'startTime', 'endTime', 'repeatsWeeklyUntil'];

export function CommitmentForm({ participantId, onAdded }: { participantId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const kinds = useCommitmentKindLabels();
  const invalidate = useInvalidatePlan();
  const [kind, setKind] = useState<CommitmentKind | null>(null);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [weekly, setWeekly] = useState(false);
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const save = useMutation({
    mutationFn: () =>
      addCommitment(participantId, {
        kind: kind ?? 'other',
        title: title.trim(),
        date,
        startTime,
        endTime,
        repeatsWeeklyUntil: weekly ? until : null,
      }),
    onSuccess: async () => {
      setTitle('');
      setDate('');
      setStartTime('');
      setEndTime('');
      setWeekly(false);
      setUntil('');
      setKind(null);
      onAdded();
      await invalidate();
    },
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      const next: Partial<Record<Field, string>> = {};
      for (const field of FIELDS) {
        const issue = error.fieldIssue(field);
        if (issue) next[field] = issue.message;
      }
      setErrors(next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!kind) next.kind = t('plan.commitments.kindRequired');
    if (title.trim().length < 2) next.title = t('plan.commitments.nameRequired');
    else if (title.trim().length > 200) next.title = t('plan.commitments.nameTooLong');
    if (!isIsoDate(date)) next.date = t('plan.commitments.dateRequired');
    if (!isClockTime(startTime)) next.startTime = t('plan.commitments.timeRequired');
    if (!isClockTime(endTime)) next.endTime = t('plan.commitments.timeRequired');
    else if (isClockTime(startTime) && endTime <= startTime)
      next.endTime = t('plan.commitments.endBeforeStart');
    if (weekly) {
      if (!isIsoDate(until)) next.repeatsWeeklyUntil = t('plan.commitments.untilRequired');
      else if (isIsoDate(date) && until < date)
        next.repeatsWeeklyUntil = t('plan.commitments.untilBeforeDate');
    }
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={t('plan.commitments.addTitle')}>
        <Stack gap="sm">
          <Text component="h4" fw={600} fz="sm" m={0}>
            {t('plan.commitments.addTitle')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('plan.commitments.kind')}
              data={COMMITMENT_KINDS.map((value) => ({ value, label: kinds[value] }))}
              value={kind}
              onChange={(value) => setKind(value as CommitmentKind | null)}
              error={errors.kind}
              required
            />
            <TextInput
              label={t('plan.commitments.name')}
              description={t('plan.commitments.nameHelp')}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={errors.title}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t('plan.commitments.date')}
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
              error={errors.date}
              required
            />
            <TextInput
              type="time"
              label={t('plan.commitments.startTime')}
              value={startTime}
              onChange={(event) => setStartTime(event.currentTarget.value)}
              error={errors.startTime}
              required
            />
            <TextInput
              type="time"
              label={t('plan.commitments.endTime')}
              value={endTime}
              onChange={(event) => setEndTime(event.currentTarget.value)}
              error={errors.endTime}
              required
            />
          </SimpleGrid>
          <Checkbox
            label={t('plan.commitments.weekly')}
            checked={weekly}
            onChange={(event) => setWeekly(event.currentTarget.checked)}
            size="md"
          />
          {weekly && (
            <TextInput
              type="date"
              label={t('plan.commitments.until')}
              value={until}
              min={date || undefined}
              onChange={(event) => setUntil(event.currentTarget.value)}
              error={errors.repeatsWeeklyUntil}
              maw={260}
              required
            />
          )}
          <FormSubmitRow
            save={save}
            label={t('plan.commitments.add')}
            icon={<IconPlus size={18} aria-hidden="true" />}
            size="md"
          />
        </Stack>
      </form>
    </Paper>
  );
}
