/**
 * The protocol as staff read it: one version's text with its line breaks, who saved it and
 * when; and, from the incident form, the version in force in a drawer beside the form.
 */
import type { TProtocolVersion } from '@cope/contracts';
import { Anchor, Drawer, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { protocolQuery } from './api';

export function ProtocolVersionText({ version }: { version: TProtocolVersion }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dark.5">
        {t('incidents.protocol.version', {
          version: version.version,
          date: formatDate(version.createdAt),
          name: version.createdBy.displayName,
        })}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{version.body}</Text>
    </Stack>
  );
}

/** Said wherever the protocol is looked for before anyone wrote it. */
export function NoProtocolYet({ withLink }: { withLink: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('incidents.protocol.noneYet')}</Text>
      <Text size="sm" c="dark.5">
        {t('incidents.protocol.noneYetWhere')}
      </Text>
      {withLink && (
        <Anchor component={Link} to="/safety?tab=protocol" size="sm">
          {t('incidents.protocol.openProtocolPage')}
        </Anchor>
      )}
    </Stack>
  );
}

export function ProtocolDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const protocol = useQuery({ ...protocolQuery, enabled: opened });
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      // Beside the incident form, not over it: she can read the protocol while writing.
      withOverlay={false}
      lockScroll={false}
      trapFocus={false}
      title={t('incidents.protocol.drawerTitle')}
      closeButtonProps={{ 'aria-label': t('incidents.protocol.close') }}
    >
      {protocol.isPending && <LoadingState />}
      {protocol.isError && (
        <ErrorState message={errorMessage(protocol.error)} onRetry={() => void protocol.refetch()} />
      )}
      {protocol.data &&
        (protocol.data.current ? (
          <ProtocolVersionText version={protocol.data.current} />
        ) : (
          <NoProtocolYet withLink />
        ))}
    </Drawer>
  );
}
