/**
 * For administrators: every active retention hold of the organization, by case code, each
 * clearable with a reason. Administrators do not open cases, so they decide on holds here.
 */
import type { TRetentionHold } from '@cope/contracts';
import { Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { organizationHoldsQuery } from './api';
import { ClearHoldModal } from './ClearHoldModal';
import { HoldItem } from './RetentionHolds';

export function HoldsToReview() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const holds = useQuery(organizationHoldsQuery);
  const [clearing, setClearing] = useState<TRetentionHold | null>(null);
  const [done, setDone] = useState(false);

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      maw={880}
      mt="lg"
      component="section"
      aria-labelledby="holds-review-title"
    >
      <Text fw={600} fz="lg" component="h2" id="holds-review-title">
        {t('caseFile.review.title')}
      </Text>
      <Text size="sm" c="dark.5" mt={4} mb="md">
        {t('caseFile.review.intro')}
      </Text>
      {holds.isPending && <LoadingState />}
      {holds.isError && (
        <ErrorState message={errorMessage(holds.error)} onRetry={() => void holds.refetch()} />
      )}
      {holds.data?.items.length === 0 && <Text c="dark.4">{t('caseFile.review.none')}</Text>}
      {holds.data && holds.data.items.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {holds.data.items.map((hold) => (
            <HoldItem key={hold.id} hold={hold} showCase onClear={() => setClearing(hold)} />
          ))}
        </Stack>
      )}
      {done && (
        <Text role="status" mt="md" c="teal.9">
          {t('caseFile.clear.done')}
        </Text>
      )}
      <ClearHoldModal
        hold={clearing}
        onClose={() => setClearing(null)}
        onCleared={() => {
          setClearing(null);
          setDone(true);
        }}
      />
    </Paper>
  );
}
