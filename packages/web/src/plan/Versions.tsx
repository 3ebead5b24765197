/**
 * Every version of her plan (reviewed, never abandoned): number, state, when and how she agreed
 * (a table on a wide screen, one card per version on a phone, where four columns do not fit);
 * any two compared in plain sentences (what was added, removed, reworded, moved, or changed).
 */
import type { TPlanVersion, TPlanVersionSummary } from '@cope/contracts';
import { planDiff } from '@cope/domain';
import { Button, Group, List, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { calendarDate } from '../itinerary/dates';
import { LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { planVersionQuery } from './api';
import { useChangeSentence } from './changes';
import { type Person, useAgreementMethodLabels } from './labels';

function useVersionStatusLabels(): Record<TPlanVersionSummary['status'], string> {
  const { t } = useTranslation();
  return {
    draft: t('plan.versions.draft'),
    agreed: t('plan.versions.agreed'),
    superseded: t('plan.versions.superseded'),
  };
}

export function Versions({
  participantId,
  versions,
  team,
}: {
  participantId: string;
  versions: readonly TPlanVersionSummary[];
  team: readonly Person[];
}) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const statuses = useVersionStatusLabels();
  const methods = useAgreementMethodLabels();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const [from, setFrom] = useState<string | null>(newestFirst[1] ? String(newestFirst[1].version) : null);
  const [to, setTo] = useState<string | null>(newestFirst[0] ? String(newestFirst[0].version) : null);
  const [compared, setCompared] = useState<[number, number] | null>(null);
  // A comparison is shown only while it is the one chosen: choosing other versions clears it.
  const showing = compared && String(compared[0]) === from && String(compared[1]) === to ? compared : null;

  if (newestFirst.length === 0) return <Text size="sm">{t('plan.versions.empty')}</Text>;
  const options = newestFirst.map((version) => ({
    value: String(version.version),
    label: t('plan.versions.option', { version: version.version, status: statuses[version.status] }),
  }));

  const agreedHow = (version: TPlanVersionSummary) =>
    version.agreedOn && version.agreementMethod
      ? t('plan.versions.agreedHow', {
          date: formatDate(calendarDate(version.agreedOn)),
          method: methods[version.agreementMethod],
        })
      : t('plan.versions.notAgreed');

  return (
    <Stack gap="md">
      <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
        {newestFirst.map((version) => (
          <Paper key={version.version} component="li" withBorder radius="md" p="sm">
            <Stack gap={2}>
              <Text fw={600}>
                {t('plan.versions.option', { version: version.version, status: statuses[version.status] })}
              </Text>
              <Text size="sm">
                {t('plan.current.startsOn', { date: formatDate(calendarDate(version.startsOn)) })}
              </Text>
              <Text size="sm">
                {version.agreedOn
                  ? t('plan.versions.cardAgreement', { agreement: agreedHow(version) })
                  : t('plan.versions.notAgreed')}
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={520} visibleFrom="sm">
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.versions.number')}</Table.Th>
              <Table.Th scope="col">{t('plan.versions.status')}</Table.Th>
              <Table.Th scope="col">{t('plan.versions.startsOn')}</Table.Th>
              <Table.Th scope="col">{t('plan.versions.agreedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst.map((version) => (
              <Table.Tr key={version.version}>
                <Table.Td>{version.version}</Table.Td>
                <Table.Td>{statuses[version.status]}</Table.Td>
                <Table.Td>{formatDate(calendarDate(version.startsOn))}</Table.Td>
                <Table.Td>{agreedHow(version)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {newestFirst.length > 1 && (
        <Paper withBorder radius="md" p="md" bg="gray.0">
          <form
            aria-label={t('plan.versions.compareTitle')}
            onSubmit={(event) => {
              event.preventDefault();
              setCompared(from && to && from !== to ? [Number(from), Number(to)] : null);
            }}
          >
            <Stack gap="sm">
              <Text component="h4" fw={600} fz="sm" m={0}>
                {t('plan.versions.compareTitle')}
              </Text>
              <Group align="flex-end" gap="sm" wrap="wrap">
                <Select
                  label={t('plan.versions.from')}
                  data={options}
                  value={from}
                  onChange={setFrom}
                  allowDeselect={false}
                />
                <Select
                  label={t('plan.versions.to')}
                  data={options}
                  value={to}
                  onChange={setTo}
                  allowDeselect={false}
                  error={from && from === to ? t('plan.versions.sameVersion') : undefined}
                />
                <Button type="submit" leftSection={<IconArrowsDiff size={16} aria-hidden="true" />}>
                  {t('plan.versions.compare')}
                </Button>
              </Group>
              {showing && <Comparison participantId={participantId} versions={showing} team={team} />}
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}

function Comparison({
  participantId,
  versions: [fromVersion, toVersion],
  team,
}: {
  participantId: string;
  versions: [number, number];
  team: readonly Person[];
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const before = useQuery(planVersionQuery(participantId, fromVersion));
  const after = useQuery(planVersionQuery(participantId, toVersion));
  if (before.isPending || after.isPending) return <LoadingState minHeight={80} />;
  if (before.isError || after.isError) {
    return (
      <Text c="red.8" size="sm" role="alert">
        {errorMessage(before.error ?? after.error)}
      </Text>
    );
  }
  return (
    <ChangeList
      before={before.data}
      after={after.data}
      team={team}
      title={t('plan.versions.changesTitle', { from: fromVersion, to: toVersion })}
    />
  );
}

function ChangeList({
  before,
  after,
  team,
  title,
}: {
  before: TPlanVersion;
  after: TPlanVersion;
  team: readonly Person[];
  title: string;
}) {
  const { t } = useTranslation();
  const goalText = useCallback(
    (goalId: string) =>
      after.goals.find((goal) => goal.id === goalId)?.text ??
      before.goals.find((goal) => goal.id === goalId)?.text ??
      '',
    [after, before],
  );
  const sentence = useChangeSentence(team, goalText);
  const changes = planDiff(before, after);
  return (
    <Stack gap="xs" data-testid="plan-changes">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {changes.length === 0 ? (
        <Text size="sm">{t('plan.versions.noChanges')}</Text>
      ) : (
        <List size="sm" spacing={4}>
          {changes.map((change, index) => (
            // A change has no id of its own; its place in the list is stable for these two versions.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <List.Item key={index}>{sentence(change)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
