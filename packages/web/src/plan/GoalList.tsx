/**
 * Her goals grouped by sphere, in the spheres' order, each in her words with its steps: what, who,
 * by when, where it stands (a word, not colour alone) and the support it needs. Read as it is for
 * the plan in force; the draft editor adds its buttons through render props.
 */
import type { TPlanGoal, TPlanStep } from '@cope/contracts';
import { SPHERES, type StepStatus, type StepSupport } from '@cope/domain';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { type Icon, IconBabyCarriage, IconCash, IconLanguage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDate } from '../itinerary/dates';
import { SphereIcon, useSphereLabels } from '../itinerary/spheres';
import { useDateFormatter } from '../participants/labels';
import { STATUS_TONE, useStepStatusLabels, useSupportLabels } from './labels';

const SUPPORT_ICON: Record<StepSupport, Icon> = {
  childcare: IconBabyCarriage,
  transport_money: IconCash,
  interpreter: IconLanguage,
};

export function StatusBadge({ status }: { status: StepStatus }) {
  const labels = useStepStatusLabels();
  const tone = STATUS_TONE[status];
  return (
    <Badge
      variant="outline"
      bg={tone.background}
      c={tone.text}
      style={{ borderColor: tone.border, fontWeight: 600, maxWidth: 'none' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {labels[status]}
    </Badge>
  );
}

function Supports({ supports }: { supports: readonly StepSupport[] }) {
  const { t } = useTranslation();
  const labels = useSupportLabels();
  if (supports.length === 0) return null;
  return (
    <Group gap="md" wrap="wrap" aria-label={t('plan.step.supports')} role="list">
      {supports.map((support) => {
        const SupportIcon = SUPPORT_ICON[support];
        return (
          <Group key={support} gap={4} role="listitem" wrap="nowrap">
            <SupportIcon size={18} aria-hidden="true" stroke={1.6} />
            <Text size="sm">{labels[support]}</Text>
          </Group>
        );
      })}
    </Group>
  );
}

export function StepLine({
  step,
  ownerName,
  actions,
  error,
}: {
  step: TPlanStep;
  ownerName: (owner: TPlanStep['owner']) => string;
  actions?: ReactNode;
  /** A problem found with this step, shown under it. */
  error?: string;
}) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      style={error ? { borderColor: '#c92a2a', borderLeftWidth: 4 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Text fw={600} style={{ flex: '1 1 220px', whiteSpace: 'pre-wrap' }}>
            {step.what}
          </Text>
          <StatusBadge status={step.status} />
        </Group>
        <Text size="sm">
          {t('plan.step.line', {
            owner: ownerName(step.owner),
            date: formatDate(calendarDate(step.targetOn)),
          })}
        </Text>
        {step.status === 'dropped' && step.droppedReason && (
          <Text size="sm">{t('plan.step.droppedBecause', { reason: step.droppedReason })}</Text>
        )}
        <Supports supports={step.supports} />
        {error && (
          <Text c="red.8" size="sm">
            {error}
          </Text>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}

/** Goals grouped by sphere; `renderGoal` draws one goal (with its index in the plan). */
export function GoalsBySphere({
  goals,
  renderGoal,
}: {
  goals: readonly TPlanGoal[];
  renderGoal: (goal: TPlanGoal, index: number) => ReactNode;
}) {
  const spheres = useSphereLabels();
  const indexed = goals.map((goal, index) => ({ goal, index }));
  return (
    <Stack gap="lg">
      {SPHERES.filter((sphere) => goals.some((goal) => goal.sphere === sphere)).map((sphere) => (
        <Stack key={sphere} gap="sm">
          <Group gap="xs" component="h4" m={0} fz="md" fw={600}>
            <SphereIcon sphere={sphere} />
            {spheres[sphere]}
          </Group>
          <Stack gap="sm">
            {indexed
              .filter(({ goal }) => goal.sphere === sphere)
              .map(({ goal, index }) => renderGoal(goal, index))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}

/** One goal in her words with its steps, read only. */
export function GoalCard({
  goal,
  ownerName,
  actions,
  renderStep,
  footer,
}: {
  goal: TPlanGoal;
  ownerName: (owner: TPlanStep['owner']) => string;
  actions?: ReactNode;
  renderStep?: (step: TPlanStep, index: number) => ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="plan-goal">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Text fz="lg" fw={600} style={{ flex: '1 1 260px', whiteSpace: 'pre-wrap' }}>
            {t('plan.goal.quoted', { text: goal.text })}
          </Text>
          {actions}
        </Group>
        {goal.steps.length === 0 ? (
          <Text size="sm">{t('plan.goal.noSteps')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {goal.steps.map((step, index) =>
              renderStep ? (
                renderStep(step, index)
              ) : (
                <StepLine key={step.id} step={step} ownerName={ownerName} />
              ),
            )}
          </Stack>
        )}
        {footer}
      </Stack>
    </Paper>
  );
}
