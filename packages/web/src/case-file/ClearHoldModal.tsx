/**
 * An administrator clears a retention hold, saying why. The reason stays in the audit trail;
 * the server asks for a fresh second factor (the step-up dialog opens by itself).
 */
import { type TRetentionHold, ZClearRetentionHoldRequest } from '@cope/contracts';
import { Alert, Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { clearHold } from './api';
import { useHoldReasonLabels } from './labels';

export function ClearHoldModal({
  hold,
  onClose,
  onCleared,
}: {
  hold: TRetentionHold | null;
  onClose: () => void;
  onCleared: (hold: TRetentionHold) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const reasons = useHoldReasonLabels();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const clear = useMutation({
    mutationFn: (target: TRetentionHold) => clearHold(target.participantId, target.id, { reason }),
    onSuccess: async (cleared) => {
      setReason('');
      onCleared(cleared);
      await queryClient.invalidateQueries({ queryKey: ['retention-holds'] });
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
    },
    onError: (error) => {
      if (isApiError(error, 'VALIDATION_FAILED')) setFieldError(t('caseFile.clear.reasonError'));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!hold) return;
    if (!ZClearRetentionHoldRequest.safeParse({ reason }).success) {
      setFieldError(t('caseFile.clear.reasonError'));
      return;
    }
    setFieldError(undefined);
    clear.mutate(hold);
  };

  return (
    <Modal
      opened={hold !== null}
      onClose={onClose}
      title={hold ? t('caseFile.clear.title', { caseCode: hold.caseCode }) : ''}
      closeButtonProps={{ 'aria-label': t('caseFile.clear.cancel') }}
    >
      {hold && (
        <form onSubmit={submit} noValidate>
          <Text size="sm" mb="sm">
            {t('caseFile.clear.intro', { reason: reasons[hold.reason] })}
          </Text>
          <Textarea
            label={t('caseFile.clear.reason')}
            description={t('caseFile.clear.reasonHelp')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
            required
            error={fieldError}
          />
          {clear.isError && !isApiError(clear.error, 'VALIDATION_FAILED') && (
            <Alert color="red" variant="light" mt="sm" role="alert">
              {errorMessage(clear.error)}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t('caseFile.clear.cancel')}
            </Button>
            <Button type="submit" loading={clear.isPending}>
              {t('caseFile.clear.confirm')}
            </Button>
          </Group>
        </form>
      )}
    </Modal>
  );
}
