/**
 * Erasure at her request: her identifying data and notes become unreadable for good (her data
 * key is destroyed). The pseudonymous case code and the audit trail stay. Asks for a reason and,
 * on the server, a fresh second factor. While a retention hold is active the server refuses,
 * and the dialog names the hold an administrator must clear first.
 */
import { ZParticipantErasure } from '@cope/contracts';
import { Alert, Button, Group, Modal, Paper, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { holdsQuery } from '../case-file/api';
import { useHoldReasonLabels } from '../case-file/labels';

export function EraseCase({ participantId, caseCode }: { participantId: string; caseCode: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const holdReasons = useHoldReasonLabels();
  const holds = useQuery(holdsQuery(participantId));
  const activeHolds = holds.data?.items.filter((hold) => hold.active) ?? [];
  const heldFor = activeHolds.map((hold) => holdReasons[hold.reason]).join(', ');
  const erase = useMutation({
    mutationFn: () =>
      api(`/api/participants/${participantId}/erase`, ZParticipantErasure, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
    },
    onError: async (error) => {
      if (isApiError(error, 'RETENTION_HOLD_ACTIVE')) {
        await queryClient.invalidateQueries({ queryKey: holdsQuery(participantId).queryKey });
      }
    },
  });
  const held = isApiError(erase.error, 'RETENTION_HOLD_ACTIVE');
  const fieldError = isApiError(erase.error) ? erase.error.fieldIssue('reason')?.message : undefined;

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      maw={880}
      mt="lg"
      style={{ borderColor: '#ec9794' }}
    >
      <Text fw={600} fz="lg" component="h2">
        {t('erase.title')}
      </Text>
      <Text size="sm" c="dark.5" mt={4} mb="md">
        {t('erase.intro')}
      </Text>
      {activeHolds.length > 0 && !erase.isSuccess && (
        <Text size="sm" mb="md">
          {t('caseFile.erase.heldNotice', { reasons: heldFor })}
        </Text>
      )}
      {erase.isSuccess ? (
        <Text role="status">{t('erase.done', { caseCode })}</Text>
      ) : (
        <Button color="red.8" variant="outline" onClick={() => setOpen(true)}>
          {t('erase.start')}
        </Button>
      )}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('erase.confirmTitle', { caseCode })}
        closeButtonProps={{ 'aria-label': t('erase.cancel') }}
      >
        <Alert color="red" variant="light" mb="md">
          <Text size="sm">{t('erase.warning')}</Text>
        </Alert>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            erase.mutate();
          }}
        >
          <Textarea
            label={t('erase.reason')}
            description={t('erase.reasonHelp')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
            required
            error={fieldError}
          />
          {held && (
            <Alert color="red" variant="light" mt="sm" role="alert" title={t('caseFile.erase.heldTitle')}>
              {t('caseFile.erase.held', { reasons: heldFor || erase.error?.message })}
            </Alert>
          )}
          {erase.isError && !fieldError && !held && (
            <Text c="red.8" size="sm" mt={4} role="alert">
              {errorMessage(erase.error)}
            </Text>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('erase.cancel')}
            </Button>
            <Button type="submit" color="red.8" loading={erase.isPending}>
              {t('erase.confirm')}
            </Button>
          </Group>
        </form>
      </Modal>
    </Paper>
  );
}
