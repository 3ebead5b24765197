/**
 * The only way from her screen back into the staff app. Whoever holds the device may be her, so
 * her case opens again only once the professional confirms it is her with a fresh second factor
 * (the step-up dialog, mounted on her screen since it has no app layout), however the screen is
 * left: the staff button, the browser's back button, a link. Signing out is never held up (the
 * sign-in pages show nothing of her case).
 */
import { Button, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate } from 'react-router';
import { requestStepUp } from '../api/client';
import { PUBLIC_PATHS } from '../auth/navigation';
import { useStaffLanguage } from './labels';
import { WRAPPING_BUTTON } from './self-rating-ui';

export interface StaffExitState {
  /** Asks for the step-up, then opens her case's progress. */
  leave: () => Promise<void>;
  /** The step-up dialog is open. */
  checking: boolean;
  /** The last step-up was cancelled: the screen stays. */
  refused: boolean;
}

const caseProgress = (participantId: string) =>
  `/participants/${encodeURIComponent(participantId)}?tab=itinerary&part=progress&review=open`;

export function useStaffExit(participantId: string): StaffExitState {
  const navigate = useNavigate();
  const released = useRef(false);
  const [checking, setChecking] = useState(false);
  const [refused, setRefused] = useState(false);
  const blocker = useBlocker(
    ({ nextLocation }) => !released.current && !PUBLIC_PATHS.includes(nextLocation.pathname),
  );
  const latestBlocker = useRef(blocker);
  latestBlocker.current = blocker;

  const confirm = useCallback(async () => {
    if (released.current) return true;
    setChecking(true);
    setRefused(false);
    const confirmed = await requestStepUp();
    setChecking(false);
    setRefused(!confirmed);
    released.current = confirmed;
    return confirmed;
  }, []);

  // Leaving another way (the browser's back button): held until the professional confirms.
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void confirm().then((confirmed) => {
      const held = latestBlocker.current;
      if (held.state !== 'blocked') return;
      if (confirmed) held.proceed();
      else held.reset();
    });
  }, [blocker.state, confirm]);

  const leave = useCallback(async () => {
    if (await confirm()) navigate(caseProgress(participantId), { replace: true });
  }, [confirm, navigate, participantId]);

  return { leave, checking, refused };
}

/** The professional's button, in the staff language (the page around may be in hers). */
export function StaffExit({
  exit,
  label,
  variant = 'default',
  centered = false,
}: {
  exit: StaffExitState;
  label: string;
  variant?: 'default' | 'filled' | 'subtle';
  centered?: boolean;
}) {
  const { t } = useTranslation();
  const staffLanguage = useStaffLanguage();
  return (
    <Stack gap={4} align={centered ? 'center' : 'flex-start'} lang={staffLanguage}>
      {/* Its words wrap inside the button on a narrow phone, whatever the staff language. */}
      <Button
        variant={variant}
        leftSection={<IconLock size={16} aria-hidden="true" />}
        loading={exit.checking}
        onClick={() => void exit.leave()}
        styles={WRAPPING_BUTTON}
      >
        {label}
      </Button>
      <Text size="sm" role="status" ta={centered ? 'center' : undefined}>
        {exit.refused ? t('monitoring.self.exitRefused') : ''}
      </Text>
    </Stack>
  );
}
