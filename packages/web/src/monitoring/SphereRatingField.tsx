/**
 * One sphere in the professional's rating: five step buttons (a radio group, each with its
 * number and the step's name), what the chosen step means for this sphere, and an optional reason.
 * Where the viewer may not see that sphere's section in full, its reason is kept from her: she
 * rates the step, and is told why there is no reason to read or write.
 */
import type { TRatings } from '@cope/contracts';
import { isScaleStep, SCALE_STEPS, type ScaleStep, type Sphere } from '@cope/domain';
import { Anchor, Collapse, Group, List, Paper, Radio, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SphereIcon } from '../itinerary/spheres';
import { useDescriptor, useStepLabels } from './labels';

export const SphereRatingField = memo(function SphereRatingField({
  sphere,
  label,
  rating,
  error,
  readOnly,
  reasonWithheld,
  onStep,
  onReason,
}: {
  sphere: Sphere;
  label: string;
  rating: TRatings[Sphere];
  error: string | undefined;
  readOnly: boolean;
  /** The reasons of this sphere are kept for those who see its section in full. */
  reasonWithheld: boolean;
  onStep: (sphere: Sphere, step: ScaleStep) => void;
  onReason: (sphere: Sphere, reason: string) => void;
}) {
  const { t } = useTranslation();
  const steps = useStepLabels();
  const describe = useDescriptor();
  const [meanings, { toggle }] = useDisclosure(false);
  const step = isScaleStep(rating?.step) ? rating.step : null;
  return (
    <Paper withBorder radius="md" p="sm" data-sphere={sphere}>
      <Radio.Group
        label={
          <Group gap={8} wrap="nowrap" component="span">
            <SphereIcon sphere={sphere} />
            <span>{label}</span>
          </Group>
        }
        value={step ? String(step) : ''}
        onChange={(value) => {
          const chosen = Number(value);
          if (isScaleStep(chosen)) onStep(sphere, chosen);
        }}
        description={step ? describe(sphere, step) : t('monitoring.form.notRated')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error}
        readOnly={readOnly}
      >
        <SimpleGrid cols={{ base: 1, xs: 5 }} spacing={6} mt={6} mb={6}>
          {SCALE_STEPS.map((value) => (
            <Radio.Card key={value} value={String(value)} radius="md" p={8}>
              <Group gap={8} wrap="nowrap">
                <Radio.Indicator size="xs" aria-hidden="true" />
                <Text fw={700}>{value}</Text>
                <Text size="sm" lh={1.2}>
                  {steps[value]}
                </Text>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Anchor component="button" type="button" size="sm" mt={4} onClick={toggle} aria-expanded={meanings}>
        {meanings ? t('monitoring.form.hideMeanings') : t('monitoring.form.showMeanings')}
      </Anchor>
      <Collapse expanded={meanings}>
        <List size="sm" spacing={2} mt={4} listStyleType="none" p={0}>
          {SCALE_STEPS.map((value) => (
            <List.Item key={value}>
              <Text span fw={600} size="sm">
                {value} · {steps[value]}:
              </Text>{' '}
              {describe(sphere, value)}
            </List.Item>
          ))}
        </List>
      </Collapse>
      {reasonWithheld ? (
        <Text size="sm" mt="xs" c="dark.6">
          {t('monitoring.form.reasonWithheld')}
        </Text>
      ) : (
        (!readOnly || rating?.reason) && (
          <TextInput
            mt="xs"
            size="sm"
            label={t('monitoring.form.reason')}
            aria-label={t('monitoring.form.reasonFor', { sphere: label })}
            value={rating?.reason ?? ''}
            maxLength={1000}
            readOnly={readOnly}
            onChange={(event) => onReason(sphere, event.currentTarget.value)}
          />
        )
      )}
    </Paper>
  );
});
