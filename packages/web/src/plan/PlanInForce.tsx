/**
 * The version of her plan in force: its number, when and how she agreed (her signature, or spoken
 * before a witness), and her goals by sphere with their steps. Also used to read a draft when the
 * viewer may not change it.
 */
import type { TPlanVersion } from '@cope/contracts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarDate } from '../itinerary/dates';
import { useDateFormatter } from '../participants/labels';
import { GoalCard, GoalsBySphere } from './GoalList';
import { type Person, useAgreementMethodLabels, useOwnerName } from './labels';

export function PlanInForce({ plan, team }: { plan: TPlanVersion; team: readonly Person[] }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const methods = useAgreementMethodLabels();
  const ownerName = useOwnerName(team);
  const { agreement } = plan;
  return (
    <Stack gap="md">
      <Stack gap={4} data-testid="plan-in-force-summary">
        <Text fw={600}>{t('plan.current.version', { version: plan.version })}</Text>
        <Text size="sm">{t('plan.current.startsOn', { date: formatDate(calendarDate(plan.startsOn)) })}</Text>
        {agreement && (
          <Text size="sm">
            {t('plan.current.agreed', {
              date: formatDate(calendarDate(agreement.agreedOn)),
              method: methods[agreement.method],
            })}
            {agreement.method === 'verbal_witnessed' && agreement.witnessName
              ? ` ${t('plan.current.witness', { name: agreement.witnessName })}`
              : ''}
          </Text>
        )}
        {agreement?.note && <Text size="sm">{t('plan.current.note', { note: agreement.note })}</Text>}
      </Stack>
      {plan.goals.length === 0 ? (
        <Text size="sm">{t('plan.current.noGoals')}</Text>
      ) : (
        <GoalsBySphere
          goals={plan.goals}
          renderGoal={(goal) => <GoalCard key={goal.id} goal={goal} ownerName={ownerName} />}
        />
      )}
    </Stack>
  );
}
