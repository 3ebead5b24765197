/** Handing her case over to a new reference professional, with a note for the newcomer. */
import { type TCaseTeam, ZHandoverRequest } from '@cope/contracts';
import { Alert, Button, Group, Modal, Select, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useRoleLabels } from '../auth/role-labels';
import { handOver, staffDirectoryQuery, useInvalidateCase } from './api';

type Field = 'toUserId' | 'note';

export function HandoverDialog({
  participantId,
  team,
  onClose,
  onDone,
}: {
  participantId: string;
  team: TCaseTeam;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCase(participantId);
  const directory = useQuery(staffDirectoryQuery);
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const options = (directory.data?.items ?? [])
    .filter((person) => person.canBeReference && person.id !== team.reference?.id)
    .map((person) => ({
      value: person.id,
      label: `${person.displayName} — ${person.roles.map((role) => roles[role]).join(', ')}`,
    }));
  const save = useMutation({
    mutationFn: (body: { toUserId: string; note: string }) => handOver(participantId, body),
    onSuccess: async () => {
      await invalidate();
      onDone(directory.data?.items.find((p) => p.id === toUserId)?.displayName ?? '');
    },
  });
  const serverIssue = (field: Field) =>
    isApiError(save.error) ? save.error.fieldIssue(field)?.message : undefined;
  const messages: Record<Field, string> = {
    toUserId: t('caseTeam.handover.toMissing'),
    note: t('caseTeam.handover.noteTooShort'),
  };

  const submit = () => {
    const parsed = ZHandoverRequest.safeParse({ toUserId: toUserId ?? '', note });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'toUserId' || field === 'note') next[field] = messages[field];
      }
      setErrors(next);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };
  const otherError = save.isError && !serverIssue('toUserId') && !serverIssue('note');

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('caseTeam.handover.title')}
      closeButtonProps={{ 'aria-label': t('caseTeam.close') }}
      size="lg"
    >
      <Alert color="petrol" variant="light" mb="md">
        <Text size="sm">{t('caseTeam.handover.intro')}</Text>
      </Alert>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Select
          label={t('caseTeam.handover.to')}
          data={options}
          value={toUserId}
          onChange={setToUserId}
          searchable
          nothingFoundMessage={t('caseTeam.nobodyFound')}
          required
          error={errors.toUserId ?? serverIssue('toUserId')}
        />
        <Textarea
          mt="md"
          label={t('caseTeam.handover.note')}
          description={t('caseTeam.handover.noteHelp')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={4}
          required
          error={errors.note ?? serverIssue('note')}
        />
        {otherError && (
          <Text c="red.8" size="sm" mt={4} role="alert">
            {errorMessage(save.error)}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('caseTeam.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('caseTeam.handover.confirm')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
