/**
 * Her risk management plan: concrete measures with an owner, a due date and where each stands;
 * open ones first, soonest due first, overdue ones said in words as well as colour. Owners are
 * chosen from her case team (and the coordinators); status, owner and due date change in place.
 */
import type { TMeasure, TMeasureUpdate } from '@cope/contracts';
import { MEASURE_STATUSES } from '@cope/domain';
import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from '../auth/api';
import { useRoleLabels } from '../auth/role-labels';
import { staffDirectoryQuery, teamQuery } from '../case-team/api';
import { localToday } from '../consents/labels';
import { FormSubmitRow } from '../layout/FormSubmitRow';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { addMeasure, changeMeasure, measuresQuery, useInvalidateRisk } from './api';
import { calendarDate, useMeasureStatusLabels } from './labels';

type Option = { value: string; label: string };

/** Her reference professional and team, then the coordinators; current owners stay listed. */
function useOwnerOptions(participantId: string, current: TMeasure[]): Option[] {
  const roles = useRoleLabels();
  const team = useQuery(teamQuery(participantId));
  const directory = useQuery(staffDirectoryQuery);
  const options = new Map<string, string>();
  const people = [
    ...(team.data?.reference ? [team.data.reference] : []),
    ...(team.data?.members ?? []),
    ...(directory.data?.items ?? []).filter((person) => person.roles.includes('coordinator')),
  ];
  for (const person of people) {
    if (!options.has(person.id)) {
      options.set(person.id, `${person.displayName} — ${person.roles.map((role) => roles[role]).join(', ')}`);
    }
  }
  for (const measure of current) {
    if (!options.has(measure.owner.id)) options.set(measure.owner.id, measure.owner.displayName);
  }
  return [...options].map(([value, label]) => ({ value, label }));
}

export function MeasuresPanel({
  participantId,
  canEdit,
  invite,
}: {
  participantId: string;
  canEdit: boolean;
  /** Just after an assessment: the plan asks for its measures. */
  invite: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const measures = useQuery(measuresQuery(participantId));
  const items = measures.data?.items ?? [];
  const owners = useOwnerOptions(participantId, items);
  if (measures.isPending) return <LoadingState minHeight={120} />;
  if (measures.isError) {
    return <ErrorState message={errorMessage(measures.error)} onRetry={measures.refetch} />;
  }
  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <Text size="sm">{t('risk.plan.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((measure) => (
            <MeasureItem
              key={measure.id}
              participantId={participantId}
              measure={measure}
              owners={owners}
              canEdit={canEdit}
            />
          ))}
        </Stack>
      )}
      {canEdit && <AddMeasure participantId={participantId} owners={owners} invite={invite} />}
    </Stack>
  );
}

function MeasureItem({
  participantId,
  measure,
  owners,
  canEdit,
}: {
  participantId: string;
  measure: TMeasure;
  owners: Option[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const statuses = useMeasureStatusLabels();
  const invalidate = useInvalidateRisk();
  const [dueOn, setDueOn] = useState(measure.dueOn);
  useEffect(() => setDueOn(measure.dueOn), [measure.dueOn]);
  const change = useMutation({
    mutationFn: (body: TMeasureUpdate) => changeMeasure(participantId, measure.id, body),
    onSuccess: invalidate,
  });
  const issue = isApiError(change.error) ? change.error.details[0]?.message : undefined;
  const what = measure.description;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      style={measure.overdue ? { borderColor: '#c92a2a', borderLeftWidth: 4 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={600} style={{ flex: '1 1 240px', whiteSpace: 'pre-wrap' }}>
            {what}
          </Text>
          {measure.overdue && (
            <Badge color="red.9" variant="filled">
              {t('risk.plan.overdue')}
            </Badge>
          )}
        </Group>
        {canEdit ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              size="sm"
              label={t('risk.plan.status')}
              aria-label={t('risk.plan.statusOf', { what })}
              data={MEASURE_STATUSES.map((value) => ({ value, label: statuses[value] }))}
              value={measure.status}
              onChange={(value) => {
                const status = MEASURE_STATUSES.find((s) => s === value);
                if (status && status !== measure.status) change.mutate({ status });
              }}
              allowDeselect={false}
            />
            <Select
              size="sm"
              label={t('risk.plan.owner')}
              aria-label={t('risk.plan.ownerOf', { what })}
              data={owners}
              value={measure.owner.id}
              onChange={(value) => {
                if (value && value !== measure.owner.id) change.mutate({ ownerUserId: value });
              }}
              allowDeselect={false}
              searchable
            />
            <TextInput
              size="sm"
              type="date"
              label={t('risk.plan.due')}
              aria-label={t('risk.plan.dueOf', { what })}
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              onBlur={() => {
                if (dueOn && dueOn !== measure.dueOn) change.mutate({ dueOn });
              }}
            />
          </SimpleGrid>
        ) : (
          <Text size="sm">
            {t('risk.plan.line', {
              owner: measure.owner.displayName,
              date: formatDate(calendarDate(measure.dueOn)),
              status: statuses[measure.status],
            })}
          </Text>
        )}
        {change.isError && (
          <Text c="red.8" size="sm" role="alert">
            {issue ?? errorMessage(change.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

type Field = 'description' | 'ownerUserId' | 'dueOn';

function AddMeasure({
  participantId,
  owners,
  invite,
}: {
  participantId: string;
  owners: Option[];
  invite: boolean;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateRisk();
  const me = useQuery(meQuery);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState('');
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (invite) first.current?.focus();
  }, [invite]);
  const myId = me.data?.user.id;
  const ownerId = owner ?? (owners.some((o) => o.value === myId) ? (myId ?? null) : null);

  const save = useMutation({
    mutationFn: () =>
      addMeasure(participantId, { description, ownerUserId: ownerId ?? '', dueOn, status: 'planned' }),
    onSuccess: async () => {
      setDescription('');
      setDueOn('');
      setOwner(null);
      setDone(t('risk.plan.added'));
      await invalidate();
    },
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      const next: Partial<Record<Field, string>> = {};
      for (const field of ['description', 'ownerUserId', 'dueOn'] as const) {
        const issue = error.fieldIssue(field);
        if (issue) next[field] = issue.message;
      }
      setErrors(next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const next: Partial<Record<Field, string>> = {};
    if (description.trim().length < 3) next.description = t('risk.plan.descriptionRequired');
    if (!ownerId) next.ownerUserId = t('risk.plan.ownerRequired');
    if (!dueOn) next.dueOn = t('risk.plan.dueRequired');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };

  return (
    <Paper withBorder radius="md" p="md" bg={invite ? 'yellow.0' : 'gray.0'}>
      <form onSubmit={submit} noValidate aria-label={t('risk.plan.addTitle')}>
        <Stack gap="sm">
          <Text component="h4" fw={600} fz="sm" m={0}>
            {t('risk.plan.addTitle')}
          </Text>
          {invite && <Text size="sm">{t('risk.plan.invite')}</Text>}
          <Textarea
            ref={first}
            label={t('risk.plan.description')}
            description={t('risk.plan.descriptionHelp')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('risk.plan.owner')}
              data={owners}
              value={ownerId}
              onChange={setOwner}
              error={errors.ownerUserId}
              searchable
              required
              nothingFoundMessage={t('risk.plan.nobody')}
            />
            <TextInput
              type="date"
              label={t('risk.plan.due')}
              value={dueOn}
              min={localToday()}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              error={errors.dueOn}
              required
            />
          </SimpleGrid>
          <FormSubmitRow save={save} label={t('risk.plan.add')} />
          <Text size="sm" role="status">
            {done}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
