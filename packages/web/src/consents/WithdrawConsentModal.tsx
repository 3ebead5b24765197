/** Withdrawing a consent: in her words or in writing, effective at once. */
import type { TConsent, TWithdrawConsentResponse } from '@cope/contracts';
import { WITHDRAWAL_METHODS, type WithdrawalMethod } from '@cope/domain';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { participantQuery } from '../participants/api';
import { consentsQuery, sharesQuery, withdrawConsent } from './api';
import { usePurposeLabels, useWithdrawalMethodLabels } from './labels';

export function WithdrawConsentModal({
  participantId,
  consent,
  onClose,
  onWithdrawn,
}: {
  participantId: string;
  consent: TConsent;
  onClose: () => void;
  onWithdrawn: (result: TWithdrawConsentResponse) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const purposes = usePurposeLabels();
  const methods = useWithdrawalMethodLabels();
  const [method, setMethod] = useState<WithdrawalMethod>('verbal');
  const [note, setNote] = useState('');
  const withdraw = useMutation({
    mutationFn: () => withdrawConsent(participantId, consent.id, { method, note: note.trim() || undefined }),
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consentsQuery(participantId).queryKey }),
        queryClient.invalidateQueries({ queryKey: sharesQuery(participantId).queryKey }),
        queryClient.invalidateQueries({ queryKey: participantQuery(participantId).queryKey }),
      ]);
      onWithdrawn(result);
    },
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('consents.withdraw.title', { purpose: purposes[consent.purpose] })}
      closeButtonProps={{ 'aria-label': t('consents.close') }}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          withdraw.mutate();
        }}
      >
        <Stack gap="md">
          <Alert color="orange" variant="light">
            <Text size="sm" c="dark.7">
              {t('consents.withdraw.effect')}
            </Text>
          </Alert>
          <Radio.Group
            label={t('consents.withdraw.method')}
            value={method}
            onChange={(value) => setMethod(value as WithdrawalMethod)}
            withAsterisk
          >
            <Stack gap={6} mt="xs">
              {WITHDRAWAL_METHODS.map((value) => (
                <Radio key={value} value={value} label={methods[value]} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('consents.withdraw.note')}
            description={t('consents.withdraw.noteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {withdraw.isError && (
            <Text c="red.8" size="sm" role="alert">
              {errorMessage(withdraw.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('consents.cancel')}
            </Button>
            <Button type="submit" color="red.8" loading={withdraw.isPending}>
              {t('consents.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
