/**
 * Asks before leaving her draft with a change that exists only on this screen (refused for its
 * problems, or its save failed): another part of her itinerary (Needs, Progress), another tab
 * of her case, another page. Only a move that takes the draft off the screen asks; a change on
 * its way to the server is never held up (it is no navigation), nor is the way to sign in again.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { leavesDraft } from './leave';

export function LeaveGuard({ unsaved }: { unsaved: () => boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved() && leavesDraft(currentLocation, nextLocation),
  );
  const blocked = blocker.state === 'blocked';
  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset();
  };
  const leave = () => {
    if (blocker.state === 'blocked') blocker.proceed();
  };
  return (
    <Modal
      opened={blocked}
      onClose={stay}
      title={t('plan.leave.title')}
      closeButtonProps={{ 'aria-label': t('plan.close') }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('plan.leave.message')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" color="red" c="red.9" onClick={leave}>
            {t('plan.leave.leave')}
          </Button>
          <Button onClick={stay} data-autofocus>
            {t('plan.leave.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
