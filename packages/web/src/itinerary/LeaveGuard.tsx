/**
 * Asks before leaving a part of her itinerary while something typed there is not saved: another
 * part (Needs, Plan, Progress), another tab of her case, another page; closing or reloading the
 * browser page makes the browser ask too. A change on its way to the server is never held up (it
 * is no navigation), nor is the way to sign in again. A router holds one such guard at a time:
 * each part mounts at most one, and it leaves with the part.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { leavesPart } from './leave';

export interface LeaveTexts {
  title: string;
  message: string;
  /** The button that keeps her on the part, focused first. */
  stay: string;
  leave: string;
  /** The name of the dialog's close button. */
  close: string;
}

export function LeaveGuard({ dirty, texts }: { dirty: boolean; texts: LeaveTexts }) {
  const current = useRef(dirty);
  current.current = dirty;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => current.current && leavesPart(currentLocation, nextLocation),
  );

  // Closing or reloading the page with something not saved: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (current.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset();
  };
  const leave = () => {
    if (blocker.state === 'blocked') blocker.proceed();
  };
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={stay}
      title={texts.title}
      closeButtonProps={{ 'aria-label': texts.close }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{texts.message}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" color="red" c="red.9" onClick={leave}>
            {texts.leave}
          </Button>
          <Button onClick={stay} data-autofocus>
            {texts.stay}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
