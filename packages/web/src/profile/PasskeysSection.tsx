/** Her passkeys: add one from this device, rename or remove them. */
import type { TPasskey } from '@cope/contracts';
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from '../auth/api';
import { ConfirmDialog } from '../auth/ConfirmDialog';
import { useDateTimeFormatter } from '../auth/date-time';
import { isPasskeyPromptClosed } from '../auth/use-passkey-sign-in';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { addPasskey, passkeysQuery, removePasskey, renamePasskey } from './api';

export function PasskeysSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const passkeys = useQuery(passkeysQuery);
  const errorMessage = useErrorMessage();
  const formatDateTime = useDateTimeFormatter();
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | undefined>();
  const [renaming, setRenaming] = useState<TPasskey | null>(null);
  const [newName, setNewName] = useState('');
  const [removing, setRemoving] = useState<TPasskey | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: passkeysQuery.queryKey });
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };
  const add = useMutation({
    mutationFn: addPasskey,
    onSuccess: () => {
      setLabel('');
      refresh();
    },
  });
  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renamePasskey(id, name),
    onSuccess: () => {
      setRenaming(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: removePasskey,
    onSuccess: () => {
      setRemoving(null);
      refresh();
    },
  });
  const supported = browserSupportsWebAuthn();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setLabelError(t('profile.passkeys.nameMissing'));
      return;
    }
    setLabelError(undefined);
    add.mutate(label.trim());
  };

  const addFailure = add.error
    ? isApiError(add.error, 'INVALID_PASSKEY') || isPasskeyPromptClosed(add.error)
      ? t('profile.passkeys.addFailed')
      : isApiError(add.error, 'STEP_UP_REQUIRED')
        ? t('stepUp.cancelled')
        : errorMessage(add.error)
    : null;

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="passkeys-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="passkeys-heading">
            {t('profile.passkeys.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('profile.passkeys.intro')}
          </Text>
        </div>
        {passkeys.isPending && <LoadingState minHeight={80} />}
        {passkeys.isError && (
          <ErrorState message={errorMessage(passkeys.error)} onRetry={() => void passkeys.refetch()} />
        )}
        {passkeys.data && passkeys.data.items.length === 0 && (
          <Text size="sm">{t('profile.passkeys.none')}</Text>
        )}
        {passkeys.data && passkeys.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="sm">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('profile.passkeys.caption')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('profile.passkeys.name')}</Table.Th>
                  <Table.Th scope="col">{t('profile.passkeys.added')}</Table.Th>
                  <Table.Th scope="col">{t('profile.passkeys.lastUsed')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('profile.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {passkeys.data.items.map((passkey) => (
                  <Table.Tr key={passkey.id}>
                    <Table.Td>{passkey.label}</Table.Td>
                    <Table.Td>{formatDateTime(passkey.createdAt)}</Table.Td>
                    <Table.Td>
                      {passkey.lastUsedAt
                        ? formatDateTime(passkey.lastUsedAt)
                        : t('profile.passkeys.neverUsed')}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('profile.passkeys.renameLabel', { name: passkey.label })}
                          onClick={() => {
                            setNewName(passkey.label);
                            setRenaming(passkey);
                          }}
                        >
                          {t('profile.passkeys.rename')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={t('profile.passkeys.removeLabel', { name: passkey.label })}
                          onClick={() => setRemoving(passkey)}
                        >
                          {t('profile.passkeys.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {supported ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {addFailure && (
                <Alert variant="light" color="red" role="alert">
                  {addFailure}
                </Alert>
              )}
              <Group align="flex-end" gap="sm">
                <TextInput
                  label={t('profile.passkeys.newName')}
                  description={t('profile.passkeys.newNameHint')}
                  value={label}
                  onChange={(event) => setLabel(event.currentTarget.value)}
                  error={labelError}
                  maxLength={60}
                  style={{ flex: '1 1 240px' }}
                />
                <Button type="submit" loading={add.isPending}>
                  {t('profile.passkeys.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Alert variant="light" color="gray">
            {t('profile.passkeys.unsupported')}
          </Alert>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title={t('profile.passkeys.renameTitle')}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (renaming && newName.trim()) rename.mutate({ id: renaming.id, name: newName.trim() });
          }}
        >
          <Stack gap="md">
            <TextInput
              label={t('profile.passkeys.name')}
              value={newName}
              onChange={(event) => setNewName(event.currentTarget.value)}
              maxLength={60}
              data-autofocus
            />
            {rename.isError && <ErrorState message={errorMessage(rename.error)} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRenaming(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={rename.isPending}>
                {t('profile.passkeys.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title={t('profile.passkeys.removeTitle')}
        message={t('profile.passkeys.removeMessage', { name: removing?.label ?? '' })}
        confirmLabel={t('profile.passkeys.remove')}
        danger
        pending={remove.isPending}
        failure={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}
