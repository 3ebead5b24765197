/**
 * Recording an incident: what kind, when, what happened and what was done. The protocol in
 * force opens beside the form, so the steps it asks for are at hand while writing. Checked in
 * the browser with the schema the server uses.
 */
import { type TIncidentRequest, ZIncidentRequest } from '@cope/contracts';
import { INCIDENT_KINDS, type IncidentKind } from '@cope/domain';
import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { localToday } from '../consents/labels';
import { recordIncident, refreshCase } from './api';
import { useIncidentKindLabels } from './labels';
import { ProtocolDrawer } from './ProtocolView';

type Field = 'kind' | 'occurredOn' | 'description' | 'actionsTaken';
const FIELDS: readonly Field[] = ['kind', 'occurredOn', 'description', 'actionsTaken'];

export function RecordIncidentForm(props: {
  participantId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { participantId, onSaved, onCancel } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const kinds = useIncidentKindLabels();
  const [kind, setKind] = useState<IncidentKind | null>(null);
  const [occurredOn, setOccurredOn] = useState(localToday());
  const [description, setDescription] = useState('');
  const [actionsTaken, setActionsTaken] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [protocolOpen, setProtocolOpen] = useState(false);

  const messages: Record<Field, string> = {
    kind: t('incidents.form.errors.kind'),
    occurredOn: t('incidents.form.errors.occurredOn'),
    description: t('incidents.form.errors.description'),
    actionsTaken: t('incidents.form.errors.actionsTaken'),
  };

  const save = useMutation({
    mutationFn: (body: TIncidentRequest) => recordIncident(participantId, body),
    onSuccess: async () => {
      onSaved();
      await refreshCase(queryClient, participantId);
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
    const parsed = ZIncidentRequest.safeParse({
      kind: kind ?? undefined,
      occurredOn,
      description,
      actionsTaken,
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
    <>
      <form onSubmit={submit} noValidate aria-labelledby="record-incident-title">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text fw={600} component="h3" fz="md" m={0} id="record-incident-title">
              {t('incidents.form.title')}
            </Text>
            <Button
              variant="light"
              leftSection={<IconBook size={16} aria-hidden="true" />}
              onClick={() => setProtocolOpen(true)}
            >
              {t('incidents.form.protocol')}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('incidents.form.kind')}
              placeholder={t('incidents.form.choose')}
              data={INCIDENT_KINDS.map((value) => ({ value, label: kinds[value] }))}
              value={kind}
              onChange={(value) => setKind(value as IncidentKind | null)}
              error={errors.kind}
              required
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={t('incidents.form.occurredOn')}
              value={occurredOn}
              max={localToday()}
              onChange={(event) => setOccurredOn(event.currentTarget.value)}
              error={errors.occurredOn}
              required
            />
          </SimpleGrid>
          <Textarea
            label={t('incidents.form.description')}
            description={t('incidents.form.descriptionHelp')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={3}
            required
          />
          <Textarea
            label={t('incidents.form.actionsTaken')}
            description={t('incidents.form.actionsTakenHelp')}
            value={actionsTaken}
            onChange={(event) => setActionsTaken(event.currentTarget.value)}
            error={errors.actionsTaken}
            autosize
            minRows={2}
          />
          {failure && (
            <Text c="red.8" size="sm" role="alert">
              {failure}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('incidents.form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('incidents.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ProtocolDrawer opened={protocolOpen} onClose={() => setProtocolOpen(false)} />
    </>
  );
}
