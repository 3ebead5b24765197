/**
 * Her safety at a glance, under the case title on every tab: the level in force in words and
 * colour, how old the assessment is, whether an event made it out of date, whether the periodic
 * reassessment is overdue, a place near a risk area, a lowering waiting for a coordinator. Every
 * signal is written out; colour only repeats it.
 */
import type { TParticipantDetail } from '@cope/contracts';
import { Anchor, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconMapPin, IconScale } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RiskBadge, useDateFormatter } from '../participants/labels';

/** Past this many days the age reads as a date: "assessed on 3 Mar 2026". */
const AGE_IN_DAYS_UP_TO = 90;

function Signal({ icon, color, children }: { icon?: ReactNode; color: string; children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" component="li">
      {icon}
      <Text size="sm" c={color} fw={600}>
        {children}
      </Text>
    </Group>
  );
}

export function CaseRiskHeader({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const [params] = useSearchParams();
  const { risk } = participant;
  const day = (iso: string) => formatDate(`${iso}T12:00:00`);

  let age: string | null = null;
  if (risk.assessedOn === null) age = risk.level ? t('tasks.header.notAssessedYet') : null;
  else if (risk.ageDays === 0) age = t('tasks.header.assessedToday');
  else if (risk.ageDays !== null && risk.ageDays <= AGE_IN_DAYS_UP_TO)
    age = t('tasks.header.assessedDaysAgo', { count: risk.ageDays });
  else age = t('tasks.header.assessedOn', { date: day(risk.assessedOn) });

  const iconProps = { size: 16, 'aria-hidden': true } as const;
  const signals =
    (risk.stale && risk.staleSince) || risk.reassessDueOn || risk.nearRiskArea || risk.pendingLowering;
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py="sm"
      mb="md"
      maw={960}
      component="section"
      aria-label={t('tasks.header.label')}
      style={risk.stale || risk.overdue ? { borderLeft: '4px solid #c92a2a' } : undefined}
    >
      <Group gap="sm" wrap="wrap" align="center" justify="space-between">
        <Group gap="xs" wrap="wrap" align="center">
          <Text size="sm" fw={600}>
            {t('tasks.header.level')}
          </Text>
          <RiskBadge level={risk.level} />
          {age && (
            <Text size="sm" c="dark.5">
              {age}
            </Text>
          )}
        </Group>
        {params.get('tab') !== 'safety' && (
          <Anchor component={Link} to={`/participants/${participant.id}?tab=safety`} size="sm" fw={600}>
            {t('tasks.header.openSafety')}
          </Anchor>
        )}
      </Group>
      {signals && (
        <Group
          gap="md"
          wrap="wrap"
          component="ul"
          style={{ listStyle: 'none', margin: 0, padding: 0, marginTop: 6, rowGap: 4 }}
        >
          {risk.stale && risk.staleSince && (
            <Signal color="#7a3000" icon={<IconAlertTriangle {...iconProps} color="#7a3000" />}>
              {t('tasks.header.staleSince', { date: formatDate(risk.staleSince) })}
            </Signal>
          )}
          {risk.overdue && risk.reassessDueOn && (
            <Signal color="red.9" icon={<IconClockExclamation {...iconProps} color="#c92a2a" />}>
              {t('tasks.header.overdueSince', { date: day(risk.reassessDueOn) })}
            </Signal>
          )}
          {!risk.overdue && risk.reassessDueOn && (
            <Group gap={4} component="li">
              <Text size="sm" c="dark.5">
                {t('tasks.header.nextDue', { date: day(risk.reassessDueOn) })}
              </Text>
            </Group>
          )}
          {risk.nearRiskArea && (
            <Signal color="#7a3000" icon={<IconMapPin {...iconProps} color="#7a3000" />}>
              {t('tasks.header.nearRiskArea')}
            </Signal>
          )}
          {risk.pendingLowering && (
            <Signal color="dark.7" icon={<IconScale {...iconProps} />}>
              {t('tasks.header.pendingLowering')}
            </Signal>
          )}
        </Group>
      )}
    </Paper>
  );
}
