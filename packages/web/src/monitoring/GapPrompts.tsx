/**
 * Where her view and the professional's are two steps apart or more in her latest review (and
 * which review that was): a prompt to talk it through with her. Neither view is corrected; the gap is a reason to talk.
 */
import type { TMonitoringOverview } from '@cope/contracts';
import type { ScaleStep } from '@cope/domain';
import { Alert, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDayFormatter } from '../itinerary/dates';
import { useSphereLabels } from '../itinerary/spheres';
import { useStepLabels } from './labels';

export function GapPrompts({
  gaps,
  heldOn,
}: {
  gaps: TMonitoringOverview['gaps'];
  /** The day of the review the gaps come from. */
  heldOn: string | null;
}) {
  const { t } = useTranslation();
  const labels = useSphereLabels();
  const steps = useStepLabels();
  const formatDay = useDayFormatter();
  if (gaps.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="rating-gaps">
      {heldOn && (
        <Text size="sm" fw={600}>
          {t('monitoring.gaps.from', { date: formatDay(heldOn) })}
        </Text>
      )}
      {gaps.map((gap) => (
        <Alert
          key={gap.sphere}
          color="orange"
          variant="light"
          radius="md"
          icon={<IconMessages aria-hidden="true" />}
          title={t('monitoring.gaps.title', { sphere: labels[gap.sphere] })}
          styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
        >
          <Text size="sm">
            {t('monitoring.gaps.text', {
              professional: gap.professional,
              professionalStep: steps[gap.professional as ScaleStep] ?? '',
              self: gap.self,
              selfStep: steps[gap.self as ScaleStep] ?? '',
            })}
          </Text>
        </Alert>
      ))}
      <Text size="sm" c="dark.6">
        {t('monitoring.gaps.why')}
      </Text>
    </Stack>
  );
}
