/** Emergency access for a coordinator: a written reason, flagged in the audit trail. */
import type { Section } from '@cope/domain';
import { Alert, Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { participantQuery } from './api';
import { useSectionLabels } from './section-labels';
import { breakGlass } from './sections-api';

export function BreakGlassModal({
  participantId,
  section,
  onClose,
  onGranted,
}: {
  participantId: string;
  section: Section;
  onClose: () => void;
  onGranted: (section: Section) => void;
}) {
  const { t } = useTranslation();
  const labels = useSectionLabels();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const grant = useMutation({
    mutationFn: () => breakGlass(participantId, { section, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: participantQuery(participantId).queryKey });
      onGranted(section);
    },
  });
  const fieldError = isApiError(grant.error) ? grant.error.fieldIssue('reason')?.message : undefined;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('sections.breakGlassTitle', { section: labels[section] })}
      closeButtonProps={{ 'aria-label': t('sections.close') }}
      size="lg"
    >
      <Alert color="red" variant="light" mb="md">
        <Text size="sm">{t('sections.breakGlassWarning')}</Text>
      </Alert>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          grant.mutate();
        }}
      >
        <Textarea
          label={t('sections.breakGlassReason')}
          description={t('sections.breakGlassReasonHelp')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={3}
          required
          error={fieldError}
        />
        {grant.isError && !fieldError && (
          <Text c="red.8" size="sm" mt={4} role="alert">
            {errorMessage(grant.error)}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('sections.cancel')}
          </Button>
          <Button type="submit" color="red.8" loading={grant.isPending}>
            {t('sections.breakGlassConfirm')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
