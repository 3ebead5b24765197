/**
 * Sections of her case shared with role groups beyond the usual access: each under a consent
 * (or, once, an emergency override), in force only while that consent is.
 */
import type { TParticipantDetail, TSectionShare } from '@cope/contracts';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { participantQuery } from '../participants/api';
import { useDateFormatter } from '../participants/labels';
import { useSectionLabels } from '../participants/section-labels';
import { endShare, sharesQuery } from './api';
import { ToneBadge } from './badges';
import { useAudienceLabel } from './labels';
import { ShareSectionModal } from './ShareSectionModal';

function ShareStatus({ share }: { share: TSectionShare }) {
  const { t } = useTranslation();
  if (share.endedAt) return <ToneBadge tone="withdrawn">{t('consents.share.ended')}</ToneBadge>;
  if (!share.effective) return <ToneBadge tone="expired">{t('consents.share.notInForce')}</ToneBadge>;
  if (share.emergencyReason)
    return <ToneBadge tone="emergency">{t('consents.share.emergencyBadge')}</ToneBadge>;
  return <ToneBadge tone="active">{t('consents.share.inForce')}</ToneBadge>;
}

export function SharingBlock({
  participant,
  onStatus,
}: {
  participant: TParticipantDetail;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const sections = useSectionLabels();
  const audience = useAudienceLabel();
  const formatDate = useDateFormatter();
  const shares = useQuery(sharesQuery(participant.id));
  const [sharing, setSharing] = useState(false);
  const end = useMutation({
    mutationFn: (shareId: string) => endShare(participant.id, shareId),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sharesQuery(participant.id).queryKey }),
        queryClient.invalidateQueries({ queryKey: participantQuery(participant.id).queryKey }),
      ]);
      onStatus(t('consents.share.endedStatus'));
    },
  });
  const canShare = participant.abilities.shareSection || participant.abilities.emergencyOverride;

  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} mt="lg">
      <Group justify="space-between" wrap="wrap" gap="sm" mb="xs">
        <Text fw={600} component="h2" fz="lg" m={0}>
          {t('consents.share.heading')}
        </Text>
        {canShare && <Button onClick={() => setSharing(true)}>{t('consents.share.button')}</Button>}
      </Group>
      <Text size="sm" c="dark.4" mb="md">
        {t('consents.share.explain')}
      </Text>
      {shares.isPending && <LoadingState minHeight={80} />}
      {shares.isError && (
        <ErrorState message={errorMessage(shares.error)} onRetry={() => void shares.refetch()} />
      )}
      {shares.data && shares.data.items.length === 0 && <Text c="dark.4">{t('consents.share.none')}</Text>}
      {shares.data && shares.data.items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {shares.data.items.map((share) => {
            const what = t('consents.share.item', {
              section: sections[share.section],
              audience: audience(share.audience),
            });
            return (
              <Group
                component="li"
                key={share.id}
                justify="space-between"
                wrap="wrap"
                gap="xs"
                py={6}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={500}>{what}</Text>
                    <ShareStatus share={share} />
                  </Group>
                  <Text size="sm" c="dark.4">
                    {share.emergencyReason
                      ? t('consents.share.emergencyBy', {
                          name: share.createdBy.displayName,
                          date: formatDate(share.createdAt),
                          reason: share.emergencyReason,
                        })
                      : t('consents.share.by', {
                          name: share.createdBy.displayName,
                          date: formatDate(share.createdAt),
                        })}
                  </Text>
                </Stack>
                {participant.abilities.shareSection && !share.endedAt && (
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.8"
                    loading={end.isPending && end.variables === share.id}
                    onClick={() => end.mutate(share.id)}
                    aria-label={t('consents.share.endFor', { what })}
                  >
                    {t('consents.share.end')}
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      {end.isError && (
        <Text c="red.8" size="sm" role="alert" mt="xs">
          {errorMessage(end.error)}
        </Text>
      )}
      {sharing && (
        <ShareSectionModal
          participantId={participant.id}
          allowEmergency={participant.abilities.emergencyOverride}
          onClose={() => setSharing(false)}
          onShared={(share) => {
            setSharing(false);
            onStatus(
              share.emergencyReason
                ? t('consents.share.sharedEmergency')
                : t('consents.share.shared', {
                    what: t('consents.share.item', {
                      section: sections[share.section],
                      audience: audience(share.audience),
                    }),
                  }),
            );
          }}
        />
      )}
    </Paper>
  );
}
