/**
 * One chronological timeline of the coming months, grouped by month: each occurrence of her
 * commitments (weekly ones repeated) and the target dates of her plan's open steps. An occurrence
 * that clashes with another says so in words. On a phone the day sits above what happens, so
 * both use the full width.
 */
import type { TPlanOverview } from '@cope/contracts';
import { occurrences } from '@cope/domain';
import { Badge, Flex, Group, Stack, Text } from '@mantine/core';
import { IconCalendar, IconTarget } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../consents/labels';
import { useDayFormatter } from '../itinerary/dates';
import { useCommitmentKindLabels, useMonthFormatter } from './labels';

/** How far ahead the timeline looks. */
const MONTHS_AHEAD = 6;

type Entry =
  | {
      type: 'commitment';
      key: string;
      date: string;
      time: string;
      title: string;
      kind: string;
      clash: boolean;
    }
  | { type: 'step'; key: string; date: string; time: ''; what: string };

function monthsLater(iso: string, months: number): string {
  const start = new Date(`${iso}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()));
  return end.toISOString().slice(0, 10);
}

export function Timeline({ overview }: { overview: TPlanOverview }) {
  const { t } = useTranslation();
  const kinds = useCommitmentKindLabels();
  const formatDay = useDayFormatter();
  const formatMonth = useMonthFormatter();
  const from = localToday();
  const to = monthsLater(from, MONTHS_AHEAD);
  const clashes = new Set(
    overview.schedule.conflicts.flatMap((conflict) => [
      `${conflict.date}:${conflict.firstId}`,
      `${conflict.date}:${conflict.secondId}`,
    ]),
  );
  const plan = overview.current ?? overview.draft;

  const entries: Entry[] = [
    ...overview.schedule.commitments.flatMap((commitment) =>
      occurrences(commitment, from, to).map(
        (occurrence): Entry => ({
          type: 'commitment',
          key: `${commitment.id}:${occurrence.date}`,
          date: occurrence.date,
          time: `${occurrence.startTime}–${occurrence.endTime}`,
          title: commitment.title,
          kind: kinds[commitment.kind],
          clash: clashes.has(`${occurrence.date}:${commitment.id}`),
        }),
      ),
    ),
    ...(plan?.goals ?? []).flatMap((goal) =>
      goal.steps
        .filter(
          (step) =>
            step.targetOn >= from &&
            step.targetOn <= to &&
            (step.status === 'planned' || step.status === 'in_progress'),
        )
        .map(
          (step): Entry => ({ type: 'step', key: step.id, date: step.targetOn, time: '', what: step.what }),
        ),
    ),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));

  if (entries.length === 0) return <Text size="sm">{t('plan.timeline.empty')}</Text>;
  const months = [...new Set(entries.map((entry) => entry.date.slice(0, 7)))];

  return (
    <Stack gap="md" data-testid="plan-timeline">
      <Text size="sm">{t('plan.timeline.intro')}</Text>
      {months.map((month) => (
        <Stack key={month} gap={6}>
          <Text component="h5" fw={600} fz="sm" m={0}>
            {formatMonth(month)}
          </Text>
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {entries
              .filter((entry) => entry.date.startsWith(month))
              .map((entry) => (
                <Group
                  component="li"
                  key={entry.key}
                  gap="sm"
                  wrap="nowrap"
                  align="flex-start"
                  py={4}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                >
                  {entry.type === 'commitment' ? (
                    <IconCalendar size={18} aria-hidden="true" stroke={1.6} />
                  ) : (
                    <IconTarget size={18} aria-hidden="true" stroke={1.6} />
                  )}
                  <Flex
                    direction={{ base: 'column', sm: 'row' }}
                    gap={{ base: 2, sm: 'sm' }}
                    align="flex-start"
                    style={{ flex: 1, minWidth: 0 }}
                  >
                    <Text size="sm" fw={600} miw={{ sm: 150 }} style={{ flexShrink: 0 }}>
                      {formatDay(entry.date)}
                      {entry.time ? `, ${entry.time}` : ''}
                    </Text>
                    <Group gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {entry.type === 'commitment'
                          ? t('plan.timeline.commitment', { title: entry.title, kind: entry.kind })
                          : t('plan.timeline.step', { what: entry.what })}
                      </Text>
                      {entry.type === 'commitment' && entry.clash && (
                        <Badge
                          variant="outline"
                          bg="#ffe7d4"
                          c="#7a3000"
                          style={{ borderColor: '#f2ac77', maxWidth: '100%' }}
                        >
                          {t('plan.timeline.overlaps')}
                        </Badge>
                      )}
                    </Group>
                  </Flex>
                </Group>
              ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
