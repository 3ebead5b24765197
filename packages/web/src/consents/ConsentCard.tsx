/** One consent as the team reads it: what, to whom, which information, how, and its state. */
import type { TConsent } from '@cope/contracts';
import { Anchor, Box, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormatter } from '../participants/labels';
import { useSectionLabels } from '../participants/section-labels';
import { scanUrl } from './api';
import { ConsentStateBadge, ReviewDueBadge } from './badges';
import {
  useAudienceLabel,
  useLanguageName,
  useMethodLabels,
  usePurposeLabels,
  useWithdrawalMethodLabels,
} from './labels';
import { ScanUpload } from './ScanUpload';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dark.4" fw={500}>
        {label}
      </Text>
      <Box component="dd" m={0}>
        {children}
      </Box>
    </div>
  );
}

export function ConsentCard({
  participantId,
  consent,
  canChange,
  onWithdraw,
  onScanUploaded,
}: {
  participantId: string;
  consent: TConsent;
  canChange: boolean;
  onWithdraw: (consent: TConsent) => void;
  onScanUploaded: () => void;
}) {
  const { t } = useTranslation();
  const purposes = usePurposeLabels();
  const methods = useMethodLabels();
  const withdrawalMethods = useWithdrawalMethodLabels();
  const sections = useSectionLabels();
  const audience = useAudienceLabel();
  const languageName = useLanguageName();
  const formatDate = useDateFormatter();
  const purpose = purposes[consent.purpose];

  return (
    <Paper component="li" withBorder radius="md" p="md" aria-label={purpose}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} component="h3" fz="md" m={0}>
            {purpose}
          </Text>
          <Group gap={6}>
            <ConsentStateBadge consent={consent} />
            {consent.reviewDue && <ReviewDueBadge />}
          </Group>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs" m={0}>
          {consent.recipient && (
            <Item label={t('consents.card.recipient')}>{audience(consent.recipient)}</Item>
          )}
          <Item label={t('consents.card.categories')}>
            {consent.dataCategories.map((section) => sections[section]).join(', ')}
          </Item>
          <Item label={t('consents.card.method')}>{methods[consent.method]}</Item>
          <Item label={t('consents.card.language')}>{languageName(consent.language)}</Item>
          <Item label={t('consents.card.explainedBy')}>{consent.explainedBy.displayName}</Item>
          <Item label={t('consents.card.givenOn')}>{formatDate(consent.givenOn)}</Item>
          <Item label={t('consents.card.expiresOn')}>
            {consent.expiresOn ? formatDate(consent.expiresOn) : t('consents.card.noExpiry')}
          </Item>
          {consent.withdrawal && (
            <Item label={t('consents.card.withdrawn')}>
              {t('consents.card.withdrawnDetail', {
                date: formatDate(consent.withdrawal.at),
                method: withdrawalMethods[consent.withdrawal.method],
              })}
              {consent.withdrawal.note && (
                <Text size="sm" c="dark.5">
                  {consent.withdrawal.note}
                </Text>
              )}
            </Item>
          )}
        </SimpleGrid>
        <Group gap="sm" wrap="wrap">
          {consent.scan ? (
            <Anchor href={scanUrl(participantId, consent.id)} size="sm" download>
              {t('consents.scan.download')}
            </Anchor>
          ) : (
            <Text size="sm" c="dark.4">
              {t('consents.scan.none')}
            </Text>
          )}
          {canChange && (
            <ScanUpload
              participantId={participantId}
              consentId={consent.id}
              purpose={purpose}
              onUploaded={onScanUploaded}
            />
          )}
          {canChange && !consent.withdrawal && (
            <Button
              size="xs"
              variant="outline"
              color="red.8"
              onClick={() => onWithdraw(consent)}
              aria-label={t('consents.withdraw.buttonFor', { purpose })}
            >
              {t('consents.withdraw.button')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
