/**
 * Her level in force, in words as well as colour: how it was reached (the rules' level and any
 * professional judgment, with the rules' version), how old the assessment is and by whom, what
 * made it out of date, when the next reassessment falls due, and any lowering that waits for a
 * coordinator (coordinators decide it here).
 */
import type { TRiskOverview } from '@cope/contracts';
import { Alert, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RiskBadge, useDateFormatter, useRiskLabels } from '../participants/labels';
import { LoweringRequest } from './LoweringRequest';
import { calendarDate, useTriggerLabels } from './labels';

export function LevelCard({ participantId, overview }: { participantId: string; overview: TRiskOverview }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const levels = useRiskLabels();
  const triggerLabels = useTriggerLabels();
  const { status, triggers, assessments, abilities } = overview;
  const latest = assessments[0];
  const pending = assessments.filter((a) => a.override === 'lowering_pending');
  const headingId = useId();

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      component="section"
      aria-labelledby={headingId}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="wrap">
          <Text component="h3" id={headingId} fz="md" fw={600} m={0}>
            {t('risk.level.title')}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dark.5">
              {t('risk.level.inForce')}
            </Text>
            <RiskBadge level={status.level} />
          </Group>
        </Group>

        {latest ? (
          <Text size="sm">
            {t('risk.level.assessed', {
              count: status.ageDays ?? 0,
              date: formatDate(calendarDate(latest.assessedOn)),
              name: latest.assessedBy.displayName,
            })}
          </Text>
        ) : (
          <Text size="sm">{t('risk.level.never')}</Text>
        )}
        {latest && latest.computedLevel !== latest.level && (
          <Text size="sm">
            {t('risk.level.judgment', {
              computed: levels[latest.computedLevel],
              level: levels[latest.level],
            })}
          </Text>
        )}
        {latest && status.level && status.level !== latest.level && (
          <Text size="sm">{t('risk.level.provisional', { level: levels[latest.level] })}</Text>
        )}
        {latest && (
          <Text size="sm" c="dark.5">
            {t('risk.level.rulesVersion', { version: latest.ruleVersion })}
          </Text>
        )}

        {status.stale && status.staleSince && (
          <Alert
            color="orange"
            variant="light"
            styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('risk.level.staleSince', { date: formatDate(status.staleSince) })}
          >
            <Text size="sm">{t('risk.level.staleWhy')}</Text>
            {triggers.length > 0 && (
              <List size="sm" mt="xs" spacing={4}>
                {latestOfEachKind(triggers).map((trigger) => (
                  <List.Item key={trigger.id}>
                    {trigger.by
                      ? t('risk.level.triggerBy', {
                          what: triggerLabels[trigger.kind],
                          date: formatDate(trigger.occurredAt),
                          name: trigger.by.displayName,
                        })
                      : t('risk.level.trigger', {
                          what: triggerLabels[trigger.kind],
                          date: formatDate(trigger.occurredAt),
                        })}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}

        {status.reassessDueOn && (
          <Group gap="xs">
            <Text size="sm" c={status.overdue ? 'red.9' : undefined} fw={status.overdue ? 600 : undefined}>
              {status.overdue
                ? t('risk.level.overdueSince', { date: formatDate(calendarDate(status.reassessDueOn)) })
                : t('risk.level.nextDue', { date: formatDate(calendarDate(status.reassessDueOn)) })}
            </Text>
            {status.overdue && (
              <Badge color="red.9" variant="filled">
                {t('risk.level.overdue')}
              </Badge>
            )}
          </Group>
        )}
        {status.nearRiskArea && <Text size="sm">{t('risk.level.nearRiskArea')}</Text>}

        {pending.map((assessment) => (
          <LoweringRequest
            key={assessment.id}
            participantId={participantId}
            assessment={assessment}
            canDecide={abilities.confirmLowering}
          />
        ))}
      </Stack>
    </Paper>
  );
}

/** One line per kind of change (the newest): the same move reported twice reads once. */
function latestOfEachKind<T extends { kind: string }>(triggers: readonly T[]): T[] {
  const seen = new Set<string>();
  return triggers.filter((trigger) => !seen.has(trigger.kind) && seen.add(trigger.kind));
}
