/** Uploading the signed paper: PDF, JPEG or PNG up to 10 MB (the server checks the bytes again). */
import { CONSENT_SCAN_MAX_BYTES } from '@cope/contracts';
import { Button, FileButton, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { consentsQuery, uploadScan } from './api';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

export function ScanUpload({
  participantId,
  consentId,
  purpose,
  onUploaded,
}: {
  participantId: string;
  consentId: string;
  purpose: string;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadScan(participantId, consentId, file),
    onSuccess: async () => {
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: consentsQuery(participantId).queryKey });
      onUploaded();
    },
    onError: (error) => {
      if (isApiError(error, 'BODY_TOO_LARGE')) setProblem(t('consents.scan.tooLarge'));
      else if (isApiError(error, 'VALIDATION_FAILED') && error.fieldIssue('file'))
        setProblem(t('consents.scan.wrongType'));
      else setProblem(errorMessage(error));
    },
  });

  const choose = (file: File | null) => {
    if (!file) return;
    if (file.size > CONSENT_SCAN_MAX_BYTES) return setProblem(t('consents.scan.tooLarge'));
    if (file.type && !ACCEPTED.includes(file.type)) return setProblem(t('consents.scan.wrongType'));
    setProblem(null);
    upload.mutate(file);
  };

  return (
    <Stack gap={4}>
      <FileButton onChange={choose} accept={ACCEPTED.join(',')}>
        {(props) => (
          <Button
            {...props}
            size="xs"
            variant="light"
            loading={upload.isPending}
            aria-label={t('consents.scan.uploadFor', { purpose })}
          >
            {t('consents.scan.upload')}
          </Button>
        )}
      </FileButton>
      {problem && (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
