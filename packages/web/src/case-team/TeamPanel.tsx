/** Her case team: the reference professional, the colleagues with her, and the handovers. */
import type { TCaseTeam, TParticipantDetail, TTeamMember } from '@cope/contracts';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useRoleLabels } from '../auth/role-labels';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { addTeamMember, removeTeamMember, staffDirectoryQuery, teamQuery, useInvalidateCase } from './api';
import { HandoverDialog } from './HandoverDialog';
import { HandoverHistory } from './HandoverHistory';

function ContinuityCount({ team }: { team: TCaseTeam }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} bg="gray.0">
      <Group align="center" gap="lg" wrap="nowrap">
        <Text fz={44} fw={700} lh={1} c="petrol.9" aria-hidden="true">
          {team.referenceChanges}
        </Text>
        <div>
          <Text fw={600} component="h3" fz="md" m={0}>
            {t('caseTeam.changes', { count: team.referenceChanges })}
          </Text>
          <Text size="sm" c="dark.5" mt={4}>
            {t('caseTeam.changesWhy')}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

function AddMember({
  participantId,
  team,
  onDone,
}: {
  participantId: string;
  team: TCaseTeam;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCase(participantId);
  const directory = useQuery(staffDirectoryQuery);
  const [userId, setUserId] = useState<string | null>(null);
  const onTeam = new Set(team.members.map((m) => m.id));
  const options = (directory.data?.items ?? [])
    .filter((person) => !onTeam.has(person.id))
    .map((person) => ({
      value: person.id,
      label: `${person.displayName} — ${person.roles.map((role) => roles[role]).join(', ')}`,
    }));
  const add = useMutation({
    mutationFn: (id: string) => addTeamMember(participantId, id),
    onSuccess: async () => {
      onDone(options.find((o) => o.value === userId)?.label ?? '');
      setUserId(null);
      await invalidate();
    },
  });
  const fieldError = isApiError(add.error) ? add.error.fieldIssue('userId')?.message : undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (userId) add.mutate(userId);
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('caseTeam.addLabel')}
          placeholder={t('caseTeam.addPlaceholder')}
          data={options}
          value={userId}
          onChange={setUserId}
          searchable
          nothingFoundMessage={t('caseTeam.nobodyFound')}
          error={fieldError}
          w={{ base: '100%', sm: 360 }}
        />
        <Button
          type="submit"
          disabled={!userId}
          loading={add.isPending}
          leftSection={<IconUserPlus size={16} aria-hidden="true" />}
        >
          {t('caseTeam.add')}
        </Button>
      </Group>
      {add.isError && !fieldError && (
        <Text c="red.8" size="sm" mt={4} role="alert">
          {errorMessage(add.error)}
        </Text>
      )}
    </form>
  );
}

function MembersTable({
  participantId,
  team,
  onRemoved,
}: {
  participantId: string;
  team: TCaseTeam;
  onRemoved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  const formatDate = useDateFormatter();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateCase(participantId);
  const remove = useMutation({
    mutationFn: (member: TTeamMember) => removeTeamMember(participantId, member.id),
    onSuccess: async (_data, member) => {
      onRemoved(member.displayName);
      await invalidate();
    },
  });
  const members = [...team.members];
  if (team.reference && !members.some((m) => m.id === team.reference?.id)) members.unshift(team.reference);
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
            {t('caseTeam.membersCaption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('caseTeam.name')}</Table.Th>
              <Table.Th scope="col">{t('caseTeam.roles')}</Table.Th>
              <Table.Th scope="col">{t('caseTeam.since')}</Table.Th>
              {team.abilities.manage && (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('caseTeam.actions')}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={500}>{member.displayName}</Text>
                    {member.isReference && (
                      <Badge variant="light" color="petrol">
                        {t('caseTeam.referenceBadge')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{member.roles.map((role) => roles[role]).join(', ')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(member.since)}</Table.Td>
                {team.abilities.manage && (
                  <Table.Td>
                    {!member.isReference && (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconUserMinus size={14} aria-hidden="true" />}
                        loading={remove.isPending && remove.variables?.id === member.id}
                        onClick={() => remove.mutate(member)}
                        aria-label={t('caseTeam.removeNamed', { name: member.displayName })}
                      >
                        {t('caseTeam.remove')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {remove.isError && (
        <Text c="red.8" size="sm" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
    </>
  );
}

export function TeamPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const team = useQuery(teamQuery(participant.id));
  const [done, setDone] = useState('');
  const [handingOver, setHandingOver] = useState(false);

  if (team.isPending) return <LoadingState />;
  if (team.isError)
    return <ErrorState message={errorMessage(team.error)} onRetry={() => void team.refetch()} />;
  const data = team.data;

  return (
    <Stack gap="lg">
      <ContinuityCount team={data} />
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }}>
        <Group justify="space-between" align="flex-start" mb="md" gap="sm">
          <div>
            <Title order={2} size="h4">
              {t('caseTeam.title')}
            </Title>
            <Text size="sm" c="dark.5" mt={4}>
              {data.reference
                ? t('caseTeam.referenceIs', { name: data.reference.displayName })
                : t('caseTeam.noReference')}
            </Text>
          </div>
          {data.abilities.manage && (
            <Button variant="light" onClick={() => setHandingOver(true)}>
              {t('caseTeam.handover.open')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="teal.9" role="status" mb={done ? 'sm' : 0}>
          {done}
        </Text>
        <MembersTable
          participantId={participant.id}
          team={data}
          onRemoved={(name) => setDone(t('caseTeam.removed', { name }))}
        />
        {data.abilities.manage && (
          <Stack mt="md">
            <AddMember
              participantId={participant.id}
              team={data}
              onDone={(name) => setDone(t('caseTeam.added', { name }))}
            />
          </Stack>
        )}
      </Paper>
      <HandoverHistory team={data} />
      {handingOver && (
        <HandoverDialog
          participantId={participant.id}
          team={data}
          onClose={() => setHandingOver(false)}
          onDone={(name) => {
            setHandingOver(false);
            setDone(t('caseTeam.handover.done', { name }));
          }}
        />
      )}
    </Stack>
  );
}
