/**
 * /admin: the organization's staff, with invitations, disabling and enabling accounts, second-
 * factor resets and new set-up links. The server decides what is allowed; rows carry abilities.
 */
import type { TSetupLink, TStaffMember } from '@cope/contracts';
import { Badge, Button, Menu, Paper, Table, Text } from '@mantine/core';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ConfirmDialog } from '../auth/ConfirmDialog';
import { useDateTimeFormatter } from '../auth/date-time';
import { useRoleLabels } from '../auth/role-labels';
import { PageHeader } from '../layout/PageHeader';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { disableStaff, enableStaff, newSetupLink, resetSecondFactor, staffQuery } from './api';
import { InviteStaffModal } from './InviteStaffModal';
import { OrganizationSettingsPanel } from './OrganizationSettingsPanel';
import { SetupLinkModal } from './SetupLinkModal';
import { StatusBadge } from './StatusBadge';

type Action = 'disable' | 'enable' | 'reset' | 'link';

export function AdminPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useQuery(staffQuery);
  const errorMessage = useErrorMessage();
  const roleLabels = useRoleLabels();
  const formatDateTime = useDateTimeFormatter();
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<{ action: Action; member: TStaffMember } | null>(null);
  const [shownLink, setShownLink] = useState<{ name: string; link: TSetupLink } | null>(null);

  const run = useMutation({
    mutationFn: async ({ action, member }: { action: Action; member: TStaffMember }) => {
      if (action === 'disable') await disableStaff(member.id);
      if (action === 'enable') await enableStaff(member.id);
      if (action === 'reset') return (await resetSecondFactor(member.id)).link;
      if (action === 'link') return (await newSetupLink(member.id)).link;
      return null;
    },
    onSuccess: (link, { member }) => {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: staffQuery.queryKey });
      if (link) setShownLink({ name: member.displayName, link });
    },
  });

  const confirmTexts: Record<Action, { title: string; message: string; confirm: string; danger: boolean }> = {
    disable: {
      title: t('admin.actions.disableTitle'),
      message: t('admin.actions.disableMessage', { name: pending?.member.displayName ?? '' }),
      confirm: t('admin.actions.disable'),
      danger: true,
    },
    enable: {
      title: t('admin.actions.enableTitle'),
      message: t('admin.actions.enableMessage', { name: pending?.member.displayName ?? '' }),
      confirm: t('admin.actions.enable'),
      danger: false,
    },
    reset: {
      title: t('admin.actions.resetTitle'),
      message: t('admin.actions.resetMessage', { name: pending?.member.displayName ?? '' }),
      confirm: t('admin.actions.reset'),
      danger: true,
    },
    link: {
      title: t('admin.actions.linkTitle'),
      message: t('admin.actions.linkMessage', { name: pending?.member.displayName ?? '' }),
      confirm: t('admin.actions.link'),
      danger: false,
    },
  };
  const confirm = pending ? confirmTexts[pending.action] : null;

  return (
    <>
      <PageHeader
        title={t('nav.admin')}
        description={t('admin.description')}
        actions={
          <Button
            leftSection={<IconUserPlus size={18} aria-hidden="true" />}
            onClick={() => setInviting(true)}
          >
            {t('admin.invite.open')}
          </Button>
        }
      />
      {staff.isPending && <LoadingState />}
      {staff.isError && (
        <ErrorState message={errorMessage(staff.error)} onRetry={() => void staff.refetch()} />
      )}
      {staff.data && (
        <Paper withBorder radius="lg" p="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('admin.caption')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.name')}</Table.Th>
                  <Table.Th scope="col">{t('login.email')}</Table.Th>
                  <Table.Th scope="col">{t('admin.roles')}</Table.Th>
                  <Table.Th scope="col">{t('admin.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.lastActive')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('profile.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.items.map((member) => {
                  const { abilities } = member;
                  const any =
                    abilities.disable || abilities.enable || abilities.resetSecondFactor || abilities.newLink;
                  const ask = (action: Action) => {
                    run.reset();
                    setPending({ action, member });
                  };
                  return (
                    <Table.Tr key={member.id}>
                      <Table.Th scope="row" fw={500}>
                        {member.displayName}{' '}
                        {member.isYou && (
                          <Badge size="sm" variant="light" ml={4} c="dark.7">
                            {t('admin.you')}
                          </Badge>
                        )}
                      </Table.Th>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{member.email}</Table.Td>
                      <Table.Td>{member.roles.map((role) => roleLabels[role]).join(', ')}</Table.Td>
                      <Table.Td>
                        <StatusBadge member={member} />
                      </Table.Td>
                      <Table.Td>
                        {member.lastActiveAt ? (
                          formatDateTime(member.lastActiveAt)
                        ) : (
                          <Text c="dimmed">—</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {any && (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button
                                size="xs"
                                variant="default"
                                rightSection={<IconDots size={14} aria-hidden="true" />}
                                aria-label={t('admin.actions.menuLabel', { name: member.displayName })}
                              >
                                {t('admin.actions.menu')}
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {abilities.newLink && (
                                <Menu.Item onClick={() => ask('link')}>{t('admin.actions.link')}</Menu.Item>
                              )}
                              {abilities.resetSecondFactor && (
                                <Menu.Item onClick={() => ask('reset')}>{t('admin.actions.reset')}</Menu.Item>
                              )}
                              {abilities.enable && (
                                <Menu.Item onClick={() => ask('enable')}>
                                  {t('admin.actions.enable')}
                                </Menu.Item>
                              )}
                              {abilities.disable && (
                                <Menu.Item color="red" onClick={() => ask('disable')}>
                                  {t('admin.actions.disable')}
                                </Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <InviteStaffModal
        opened={inviting}
        onClose={() => setInviting(false)}
        onInvited={(name, link) => {
          setInviting(false);
          setShownLink({ name, link });
        }}
      />
      <SetupLinkModal
        link={shownLink?.link ?? null}
        name={shownLink?.name ?? ''}
        onClose={() => setShownLink(null)}
      />
      {confirm && pending && (
        <ConfirmDialog
          opened
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.confirm}
          danger={confirm.danger}
          pending={run.isPending}
          failure={
            run.error
              ? isApiError(run.error, 'STEP_UP_REQUIRED')
                ? t('stepUp.cancelled')
                : errorMessage(run.error)
              : null
          }
          onConfirm={() => run.mutate(pending)}
          onClose={() => setPending(null)}
        />
      )}
      <OrganizationSettingsPanel />
    </>
  );
}
