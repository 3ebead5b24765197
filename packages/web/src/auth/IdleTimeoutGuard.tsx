/**
 * Signs the person out before an unattended screen can show case data to someone else. The
 * server ends sessions after a period without requests and reports when (`session.expiresAt`
 * in /api/auth/me); a minute before that moment this asks whether to stay signed in.
 */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onApiActivity, serverTimeToLocal } from '../api/client';
import { extendSession, meQuery } from './api';
import { announce, listen } from './session-channel';
import { useSignOut } from './use-sign-out';

const WARNING_MS = 60_000;
// Act a little before the server does, so "Sign out" and the final clean-up still reach it.
const SAFETY_MARGIN_MS = 5_000;
// Several requests in a row ask for the new expiry time once.
const REFRESH_DELAY_MS = 1_000;

export function IdleTimeoutGuard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  const signOut = useSignOut();
  const [now, setNow] = useState(() => Date.now());
  const [extendedUntil, setExtendedUntil] = useState(0);
  const [otherTabsDeadline, setOtherTabsDeadline] = useState(0);
  const [extending, setExtending] = useState(false);

  const expiresAt = me.data?.session.expiresAt;
  const ownDeadline = Math.max(
    expiresAt ? serverTimeToLocal(expiresAt) - SAFETY_MARGIN_MS : 0,
    extendedUntil,
  );
  const deadline = Math.max(ownDeadline, otherTabsDeadline);
  const remaining = deadline - now;
  const expired = deadline > 0 && remaining <= 0;
  const warning = deadline > 0 && !expired && remaining <= WARNING_MS;

  // Each successful request may have moved the expiry on the server: ask for the new time.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onApiActivity((path) => {
      if (path === '/api/auth/me') return;
      clearTimeout(timer);
      timer = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
        REFRESH_DELAY_MS,
      );
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [queryClient]);

  useEffect(() => {
    if (ownDeadline > 0) announce({ type: 'deadline', deadline: ownDeadline });
  }, [ownDeadline]);

  useEffect(
    () =>
      listen((message) => {
        if (message.type === 'deadline')
          setOtherTabsDeadline((current) => Math.max(current, message.deadline));
        else void signOut('signed_out', { notifyServer: false, notifyTabs: false });
      }),
    [signOut],
  );

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (expired) void signOut('idle', { notifyTabs: false });
  }, [expired, signOut]);

  const staySignedIn = async () => {
    setExtending(true);
    try {
      // A request is activity: the server extends the session and says for how long.
      const { me: fresh, remainingMs } = await extendSession();
      queryClient.setQueryData(meQuery.queryKey, fresh);
      setExtendedUntil(Date.now() + remainingMs - SAFETY_MARGIN_MS);
    } catch {
      // Session already over: the API client is taking the person to the sign-in page.
    } finally {
      setExtending(false);
    }
  };
  const seconds = Math.max(1, Math.ceil(remaining / 1_000));

  return (
    <Modal
      opened={warning}
      onClose={() => void staySignedIn()}
      title={t('idle.title')}
      centered
      closeOnClickOutside={false}
      withCloseButton={false}
      size="md"
    >
      <Text>{t('idle.message', { count: seconds })}</Text>
      <Group justify="flex-end" mt="xl" gap="sm">
        <Button variant="default" onClick={() => void signOut('signed_out')}>
          {t('idle.signOut')}
        </Button>
        <Button onClick={() => void staySignedIn()} loading={extending} data-autofocus>
          {t('idle.stay')}
        </Button>
      </Group>
    </Modal>
  );
}
