/**
 * The organization's risk management protocol on the Safety page: the version in force, every
 * earlier version (opened read-only), and for coordinators a plain-text editor that saves a new
 * version. When a colleague saved a newer version meanwhile, nothing is overwritten: the editor
 * keeps the text and offers to load the latest version to compare.
 */
import type { TProtocol } from '@cope/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { protocolQuery, protocolVersionQuery, saveProtocol } from './api';
import { NoProtocolYet, ProtocolVersionText } from './ProtocolView';

export function ProtocolPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const protocol = useQuery(protocolQuery);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);

  return (
    <Stack gap="lg">
      <Paper
        withBorder
        radius="lg"
        p={{ base: 'md', sm: 'xl' }}
        component="section"
        aria-labelledby="protocol-title"
      >
        <Group justify="space-between" wrap="wrap" gap="sm" mb="xs">
          <Text fw={600} component="h2" fz="lg" m={0} id="protocol-title">
            {t('incidents.protocol.title')}
          </Text>
          {protocol.data?.canEdit && !editing && (
            <Button
              leftSection={<IconPencil size={16} aria-hidden="true" />}
              onClick={() => {
                setStatus('');
                setEditing(true);
              }}
            >
              {protocol.data.current ? t('incidents.protocol.edit') : t('incidents.protocol.write')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dark.4" mb="md">
          {t('incidents.protocol.intro')}
        </Text>
        <Text size="sm" c="teal.9" fw={500} role="status" mb={status ? 'md' : 0}>
          {status}
        </Text>
        {protocol.isPending && <LoadingState minHeight={120} />}
        {protocol.isError && (
          <ErrorState message={errorMessage(protocol.error)} onRetry={() => void protocol.refetch()} />
        )}
        {protocol.data && editing && (
          <ProtocolEditor
            protocol={protocol.data}
            onCancel={() => setEditing(false)}
            onSaved={(version) => {
              setEditing(false);
              setStatus(t('incidents.protocol.saved', { version }));
            }}
          />
        )}
        {protocol.data &&
          !editing &&
          (protocol.data.current ? (
            <ProtocolVersionText version={protocol.data.current} />
          ) : (
            <NoProtocolYet withLink={false} />
          ))}
      </Paper>
      {protocol.data && protocol.data.versions.length > 0 && (
        <VersionList protocol={protocol.data} onOpen={setOpened} />
      )}
      {opened !== null && <OldVersion version={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}

function ProtocolEditor(props: {
  protocol: TProtocol;
  onCancel: () => void;
  onSaved: (version: number) => void;
}) {
  const { protocol, onCancel, onSaved } = props;
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [text, setText] = useState(protocol.current?.body ?? '');
  const [baseVersion, setBaseVersion] = useState(protocol.current?.version ?? 0);
  const [tooShort, setTooShort] = useState(false);
  const save = useMutation({
    mutationFn: () => saveProtocol({ body: text, baseVersion }),
    onSuccess: (saved) => {
      queryClient.setQueryData(protocolQuery.queryKey, saved);
      onSaved(saved.current?.version ?? baseVersion + 1);
    },
    // Someone saved a newer version: the list of versions shows it at once; the text typed stays.
    onError: (error) => {
      if (isApiError(error, 'CONFLICT'))
        void queryClient.invalidateQueries({ queryKey: protocolQuery.queryKey });
    },
  });
  const conflict = isApiError(save.error, 'CONFLICT') ? conflictDetails(save.error.rawDetails) : null;
  const reload = async () => {
    const latest = await queryClient.fetchQuery({ ...protocolQuery, staleTime: 0 });
    setBaseVersion(latest.current?.version ?? 0);
    save.reset();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const short = text.trim().length < 20;
        setTooShort(short);
        if (!short) save.mutate();
      }}
    >
      <Stack gap="md">
        <Textarea
          label={t('incidents.protocol.text')}
          description={t('incidents.protocol.textHelp')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={
            tooShort || isApiError(save.error, 'VALIDATION_FAILED')
              ? t('incidents.protocol.tooShort')
              : undefined
          }
          autosize
          minRows={10}
          maxRows={30}
          required
        />
        {conflict && (
          <Alert
            color="orange"
            variant="light"
            styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
            title={t('incidents.protocol.conflictTitle')}
            role="alert"
          >
            <Stack gap="sm" align="flex-start">
              <Text size="sm">
                {t('incidents.protocol.conflict', { name: conflict.savedBy, version: conflict.version })}
              </Text>
              <Text size="sm">{t('incidents.protocol.conflictHelp')}</Text>
              <Button variant="default" size="sm" onClick={() => void reload()}>
                {t('incidents.protocol.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {save.isError && !conflict && !isApiError(save.error, 'VALIDATION_FAILED') && (
          <Text c="red.8" size="sm" role="alert">
            {errorMessage(save.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('incidents.protocol.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('incidents.protocol.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function conflictDetails(raw: unknown): { version: number; savedBy: string } {
  const details = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    version: typeof details.version === 'number' ? details.version : 0,
    savedBy: typeof details.savedBy === 'string' ? details.savedBy : '',
  };
}

function VersionList({ protocol, onOpen }: { protocol: TProtocol; onOpen: (version: number) => void }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const current = protocol.current?.version;
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      aria-labelledby="protocol-versions"
    >
      <Text fw={600} component="h2" fz="lg" mb="md" id="protocol-versions">
        {t('incidents.protocol.versions')}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incidents.protocol.versionColumn')}</Table.Th>
              <Table.Th>{t('incidents.protocol.savedOn')}</Table.Th>
              <Table.Th>{t('incidents.protocol.savedBy')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('incidents.protocol.openColumn')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {protocol.versions.map((version) => (
              <Table.Tr key={version.version}>
                <Table.Td fw={600}>{version.version}</Table.Td>
                <Table.Td>{formatDate(version.createdAt)}</Table.Td>
                <Table.Td>{version.createdBy.displayName}</Table.Td>
                <Table.Td ta="right">
                  {version.version === current ? (
                    <Text size="sm" c="dark.5">
                      {t('incidents.protocol.current')}
                    </Text>
                  ) : (
                    <Button variant="subtle" size="xs" onClick={() => onOpen(version.version)}>
                      {t('incidents.protocol.open', { version: version.version })}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function OldVersion({ version, onClose }: { version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useQuery(protocolVersionQuery(version));
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('incidents.protocol.oldVersionTitle', { version })}
      closeButtonProps={{ 'aria-label': t('incidents.protocol.close') }}
    >
      <Text size="sm" c="dark.5" mb="sm">
        {t('incidents.protocol.oldVersionNote')}
      </Text>
      {query.isPending && <LoadingState minHeight={120} />}
      {query.isError && (
        <ErrorState message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
      )}
      {query.data && <ProtocolVersionText version={query.data} />}
    </Modal>
  );
}
