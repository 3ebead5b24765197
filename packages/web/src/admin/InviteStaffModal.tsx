/** Invite a staff member: her name, email, roles and language. No password: she chooses it. */
import { type TInviteStaffRequest, type TSetupLink, ZInviteStaffRequest } from '@cope/contracts';
import { STAFF_ROLES, type StaffRole } from '@cope/domain';
import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useRoleLabels } from '../auth/role-labels';
import { currentLanguage, SUPPORTED_LANGUAGES } from '../i18n';
import { inviteStaff, staffQuery } from './api';

type Field = 'displayName' | 'email' | 'roles';

export function InviteStaffModal({
  opened,
  onClose,
  onInvited,
}: {
  opened: boolean;
  onClose: () => void;
  onInvited: (name: string, link: TSetupLink) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const roleLabels = useRoleLabels();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [locale, setLocale] = useState<TInviteStaffRequest['locale']>(currentLanguage());
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const reset = () => {
    setDisplayName('');
    setEmail('');
    setRoles([]);
    setErrors({});
  };
  const invite = useMutation({
    mutationFn: inviteStaff,
    onSuccess: ({ member, link }) => {
      void queryClient.invalidateQueries({ queryKey: staffQuery.queryKey });
      reset();
      onInvited(member.displayName, link);
    },
    onError: (error) => {
      if (isApiError(error, 'EMAIL_TAKEN')) setErrors({ email: t('admin.invite.emailTaken') });
    },
  });
  const messages: Record<Field, string> = {
    displayName: t('admin.invite.nameMissing'),
    email: t('setup.errors.adminEmail'),
    roles: t('admin.invite.rolesMissing'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZInviteStaffRequest.safeParse({ displayName, email, roles, locale });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'displayName' || field === 'email' || field === 'roles') next[field] = messages[field];
      }
      setErrors(next);
      return;
    }
    setErrors({});
    invite.mutate(parsed.data);
  };

  const failure =
    invite.error && !isApiError(invite.error, 'EMAIL_TAKEN')
      ? isApiError(invite.error, 'STEP_UP_REQUIRED')
        ? t('stepUp.cancelled')
        : errorMessage(invite.error)
      : null;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('admin.invite.title')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert variant="light" color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label={t('admin.invite.name')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={errors.displayName}
            data-autofocus
          />
          <TextInput
            label={t('login.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
          />
          <Checkbox.Group
            label={t('admin.invite.roles')}
            value={roles}
            onChange={(value) => setRoles(STAFF_ROLES.filter((role) => value.includes(role)))}
            error={errors.roles}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {STAFF_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={roleLabels[role]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Select
            label={t('admin.invite.language')}
            data={SUPPORTED_LANGUAGES.map((language) => ({ value: language.code, label: language.name }))}
            value={locale}
            onChange={(value) => {
              const match = SUPPORTED_LANGUAGES.find((language) => language.code === value);
              if (match) setLocale(match.code);
            }}
            allowDeselect={false}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('admin.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
