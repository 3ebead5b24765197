/**
 * Who sees which section of a case, and how long sessions last. The defaults follow the report;
 * an administrator can change them for her organization. Saving asks for a fresh second factor.
 */
import { type TOrganizationSettings, ZOrganizationSettings } from '@cope/contracts';
import { AUDIENCES, type Audience, SECTIONS, type StaffRole } from '@cope/domain';
import { Button, Group, MultiSelect, NumberInput, Paper, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useRoleLabels } from '../auth/role-labels';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useSectionLabels } from '../participants/section-labels';

const settingsQuery = {
  queryKey: ['organization', 'settings'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api('/api/organization/settings', ZOrganizationSettings, { signal }),
};

function useAudienceLabel() {
  const { t } = useTranslation();
  const roles = useRoleLabels();
  return (audience: Audience) => {
    if (audience === 'reference') return t('orgSettings.audience.reference');
    if (audience === 'team') return t('orgSettings.audience.team');
    const [scope, role] = audience.split(':') as ['team' | 'org', StaffRole];
    return scope === 'team'
      ? t('orgSettings.audience.teamRole', { role: roles[role] })
      : t('orgSettings.audience.orgRole', { role: roles[role] });
  };
}

export function OrganizationSettingsPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const sectionLabels = useSectionLabels();
  const audienceLabel = useAudienceLabel();
  const queryClient = useQueryClient();
  const current = useQuery(settingsQuery);
  const [draft, setDraft] = useState<TOrganizationSettings | null>(null);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data);
  }, [current.data, draft]);
  const save = useMutation({
    mutationFn: (body: TOrganizationSettings) =>
      api('/api/organization/settings', ZOrganizationSettings, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsQuery.queryKey, saved);
      setDraft(saved);
    },
  });
  const options = AUDIENCES.map((value) => ({ value, label: audienceLabel(value) }));
  const issue = (field: string) =>
    isApiError(save.error) ? save.error.fieldIssue(field)?.message : undefined;

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      mt="xl"
      component="section"
      aria-labelledby="org-settings"
    >
      <Text fw={600} fz="lg" component="h2" id="org-settings">
        {t('orgSettings.title')}
      </Text>
      <Text size="sm" c="dark.5" mb="md">
        {t('orgSettings.intro')}
      </Text>
      {current.isPending && <LoadingState />}
      {current.isError && (
        <ErrorState message={errorMessage(current.error)} onRetry={() => void current.refetch()} />
      )}
      {draft && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(draft);
          }}
        >
          <Group grow align="flex-start" maw={520} mb="lg">
            <NumberInput
              label={t('orgSettings.idle')}
              min={5}
              max={60}
              value={draft.idleTimeoutMinutes}
              onChange={(value) => setDraft({ ...draft, idleTimeoutMinutes: Number(value) })}
              error={issue('idleTimeoutMinutes')}
            />
            <NumberInput
              label={t('orgSettings.absolute')}
              min={60}
              max={720}
              value={draft.absoluteTimeoutMinutes}
              onChange={(value) => setDraft({ ...draft, absoluteTimeoutMinutes: Number(value) })}
              error={issue('absoluteTimeoutMinutes')}
            />
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orgSettings.section')}</Table.Th>
                  <Table.Th>{t('orgSettings.full')}</Table.Th>
                  <Table.Th>{t('orgSettings.limited')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SECTIONS.map((section) => (
                  <Table.Tr key={section}>
                    <Table.Td fw={500}>{sectionLabels[section]}</Table.Td>
                    {(['full', 'limited'] as const).map((level) => (
                      <Table.Td key={level}>
                        <MultiSelect
                          aria-label={
                            level === 'full'
                              ? t('orgSettings.fullFor', { section: sectionLabels[section] })
                              : t('orgSettings.limitedFor', { section: sectionLabels[section] })
                          }
                          data={options}
                          value={draft.sectionMatrix[section][level]}
                          onChange={(values) =>
                            setDraft({
                              ...draft,
                              sectionMatrix: {
                                ...draft.sectionMatrix,
                                [section]: { ...draft.sectionMatrix[section], [level]: values as Audience[] },
                              },
                            })
                          }
                          searchable
                          error={issue(`sectionMatrix.${section}.${level}`)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {save.isError && !isApiError(save.error, 'VALIDATION_FAILED') && (
            <Text c="red.8" size="sm" role="alert" mt="sm">
              {isApiError(save.error, 'STEP_UP_REQUIRED')
                ? t('orgSettings.stepUpCancelled')
                : errorMessage(save.error)}
            </Text>
          )}
          <Group mt="md">
            <Button type="submit" loading={save.isPending}>
              {t('orgSettings.save')}
            </Button>
            <Text role="status" c="teal.9" size="sm">
              {save.isSuccess ? t('orgSettings.saved') : ''}
            </Text>
          </Group>
        </form>
      )}
    </Paper>
  );
}
