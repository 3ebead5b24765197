/**
 * Her consents and what rests on them: the register (record, withdraw, print the form in her
 * language, upload the signed paper) and the sections shared with role groups under them.
 */
import type { TConsent, TParticipantDetail } from '@cope/contracts';
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { consentsQuery } from './api';
import { ConsentCard } from './ConsentCard';
import { PrintFormModal } from './PrintFormModal';
import { RecordConsentForm } from './RecordConsentForm';
import { SharingBlock } from './SharingBlock';
import { WithdrawConsentModal } from './WithdrawConsentModal';

export function ConsentsPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  if (!participant.abilities.recordConsent) {
    return (
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Text fw={600} component="h2" fz="lg" mb="xs">
          {t('consents.title')}
        </Text>
        <Text c="dark.4">{t('consents.notOnCase')}</Text>
      </Paper>
    );
  }
  return <Register participant={participant} />;
}

function Register({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const consents = useQuery(consentsQuery(participant.id));
  const [recording, setRecording] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<TConsent | null>(null);
  const [status, setStatus] = useState('');

  return (
    <>
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Group justify="space-between" wrap="wrap" gap="sm" mb="xs">
          <Text fw={600} component="h2" fz="lg" m={0}>
            {t('consents.title')}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Button variant="default" onClick={() => setPrinting(true)}>
              {t('consents.print.button')}
            </Button>
            <Button onClick={() => setRecording(true)}>{t('consents.record')}</Button>
          </Group>
        </Group>
        <Text size="sm" c="dark.4" mb="md">
          {t('consents.intro')}
        </Text>
        <Text size="sm" c="teal.9" role="status" mb={status ? 'sm' : 0}>
          {status}
        </Text>
        {consents.isPending && <LoadingState minHeight={120} />}
        {consents.isError && (
          <ErrorState message={errorMessage(consents.error)} onRetry={() => void consents.refetch()} />
        )}
        {consents.data && consents.data.items.length === 0 && <Text c="dark.4">{t('consents.none')}</Text>}
        {consents.data && consents.data.items.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {consents.data.items.map((consent) => (
              <ConsentCard
                key={consent.id}
                participantId={participant.id}
                consent={consent}
                canChange
                onWithdraw={setWithdrawing}
                onScanUploaded={() => setStatus(t('consents.scan.uploaded'))}
              />
            ))}
          </Stack>
        )}
      </Paper>
      <SharingBlock participant={participant} onStatus={setStatus} />

      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('consents.record')}
        closeButtonProps={{ 'aria-label': t('consents.close') }}
        size="lg"
      >
        <RecordConsentForm
          participantId={participant.id}
          onSaved={() => {
            setRecording(false);
            setStatus(t('consents.form.saved'));
          }}
        />
      </Modal>
      {printing && <PrintFormModal participantId={participant.id} onClose={() => setPrinting(false)} />}
      {withdrawing && (
        <WithdrawConsentModal
          participantId={participant.id}
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={(result) => {
            setWithdrawing(null);
            setStatus(
              result.endedShares.length > 0
                ? t('consents.withdraw.doneWithShares', { count: result.endedShares.length })
                : t('consents.withdraw.done'),
            );
          }}
        />
      )}
    </>
  );
}
