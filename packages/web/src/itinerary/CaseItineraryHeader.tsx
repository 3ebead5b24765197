/**
 * At the top of her case, on every tab: basic needs her needs assessment shows unmet. They come
 * before any other goal (DOMAIN.md "Basic principles", 4). The server sends only the needs coming
 * from a sphere this viewer may open: a colleague without her mental health section is not told.
 */
import type { TParticipantDetail } from '@cope/contracts';
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBasicNeedLabels } from './spheres';

export function CaseItineraryHeader({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const labels = useBasicNeedLabels();
  const unmet = participant.itinerary.unmetBasicNeeds;
  if (unmet.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      radius="md"
      mb="md"
      maw={960}
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={t('itinerary.header.basicNeedsTitle')}
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
      data-testid="basic-needs-alert"
    >
      <Text size="sm">
        {t('itinerary.header.basicNeeds', { needs: unmet.map((need) => labels[need]).join(', ') })}
      </Text>
    </Alert>
  );
}
