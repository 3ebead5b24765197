/**
 * The screen she rates herself on, on a staff tablet or phone: her language first, then one
 * sphere at a time with faces, her answers, thanks, and a request to hand the device back. Full
 * screen, no navigation, and nothing of her case (no name, no case code, no staff names, not even
 * in the tab's title): it reads only where her rating of the round stands. The page speaks her
 * language (lang). Her rating is given once: a round already rated, declined or complete is
 * refused plainly. Leaving for the staff app needs the professional's step-up (StaffExit).
 */
import type { TSelfRatingStatus } from '@cope/contracts';
import {
  type ParticipantLanguage,
  type ScaleStep,
  SPHERES,
  type Sphere,
  type StaffLanguage,
} from '@cope/domain';
import { Box, Container, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { StepUpDialog } from '../auth/StepUpDialog';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { usePageTitle } from '../layout/page-title';
import { refreshAfterRound, saveSelf, selfStatusQuery } from './api';
import { useStaffLanguage } from './labels';
import { HandBack, LanguageChoice } from './SelfRatingEnds';
import { ReviewScreen } from './SelfRatingReview';
import { type SelfRatings, SphereScreen } from './SelfRatingScreens';
import { StaffExit, type StaffExitState, useStaffExit } from './StaffExit';
import { SELF_RATING_WORDS } from './self-rating-words';

export function SelfRatingPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const staffLanguage = useStaffLanguage();
  const { participantId = '', roundId = '' } = useParams();
  const status = useQuery(selfStatusQuery(participantId, roundId));
  const exit = useStaffExit(participantId);
  const [language, setLanguage] = useState<ParticipantLanguage | null>(null);
  const [saved, setSaved] = useState(false);
  usePageTitle(
    language
      ? saved
        ? SELF_RATING_WORDS[language].thankYou
        : SELF_RATING_WORDS[language].question
      : t('monitoring.self.pageTitle'),
  );

  // While she uses the screen, the page is in her language (screen readers, hyphenation); the
  // step-up dialog is for the professional, in the staff language.
  const pageLanguage = language && !exit.checking ? language : null;
  useEffect(() => {
    if (!pageLanguage) return;
    const root = document.documentElement;
    const before = root.lang;
    root.lang = pageLanguage;
    return () => {
      root.lang = before;
    };
  }, [pageLanguage]);

  let content: React.ReactNode;
  if (saved && language) {
    content = (
      <HandBack
        language={language}
        staff={<StaffExit exit={exit} label={t('monitoring.self.continueAsStaff')} centered />}
      />
    );
  } else if (status.isPending) {
    content = <LoadingState />;
  } else if (
    status.isError &&
    !isApiError(status.error, 'FORBIDDEN') &&
    !isApiError(status.error, 'NOT_FOUND')
  ) {
    content = (
      <Stack gap="md">
        <ErrorState message={errorMessage(status.error)} onRetry={() => void status.refetch()} />
        <StaffExit exit={exit} label={t('monitoring.self.backToCase')} />
      </Stack>
    );
  } else {
    const refusal = refusalOf(status.data, status.error);
    content = refusal ? (
      <Stack gap="md" align="flex-start">
        <Text component="h1" fz="xl" fw={600} m={0}>
          {t('monitoring.self.pageTitle')}
        </Text>
        <Text>
          {refusal === 'notFound'
            ? t('monitoring.self.notFound')
            : refusal === 'cannotRate'
              ? t('monitoring.self.cannotRate')
              : refusal === 'complete'
                ? t('monitoring.self.complete')
                : t('monitoring.self.alreadyKept')}
        </Text>
        <StaffExit exit={exit} label={t('monitoring.self.backToCase')} />
      </Stack>
    ) : (
      <SelfRatingFlow
        participantId={participantId}
        roundId={roundId}
        staffLanguage={staffLanguage}
        language={language}
        onLanguage={setLanguage}
        onSaved={() => setSaved(true)}
        exit={exit}
      />
    );
  }

  return (
    <Box mih="100vh" bg="gray.0" py={{ base: 'md', sm: 'xl' }}>
      <Container component="main" size={880} px="md">
        <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
          {content}
        </Paper>
      </Container>
      <StepUpDialog />
    </Box>
  );
}

type Refusal = 'notFound' | 'cannotRate' | 'complete' | 'alreadyKept';

function refusalOf(status: TSelfRatingStatus | undefined, error: Error | null): Refusal | null {
  if (isApiError(error, 'FORBIDDEN')) return 'cannotRate';
  if (!status) return 'notFound';
  if (!status.open) return 'complete';
  if (status.given || status.declined) return 'alreadyKept';
  return null;
}

function SelfRatingFlow({
  participantId,
  roundId,
  staffLanguage,
  language,
  onLanguage,
  onSaved,
  exit,
}: {
  participantId: string;
  roundId: string;
  staffLanguage: StaffLanguage;
  language: ParticipantLanguage | null;
  onLanguage: (language: ParticipantLanguage | null) => void;
  onSaved: () => void;
  exit: StaffExitState;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [index, setIndex] = useState(0);
  const [ratings, setRatings] = useState<SelfRatings>({});
  // A sphere opened from her answers to change it: once answered (or left), her answers again.
  const [fromReview, setFromReview] = useState(false);
  const settle = useSettling();
  const next = () => {
    setFromReview(false);
    setIndex(fromReview ? SPHERES.length : index + 1);
  };

  const save = useMutation({
    mutationFn: (chosen: ParticipantLanguage) =>
      saveSelf(participantId, roundId, {
        language: chosen,
        declined: false,
        ratings: Object.fromEntries(
          Object.entries(ratings).map(([sphere, step]) => [sphere, { step, reason: null }]),
        ) as Record<Sphere, { step: ScaleStep; reason: null }>,
      }),
    onSuccess: async () => {
      onSaved();
      await refreshAfterRound(queryClient);
    },
  });

  if (!language) {
    return (
      <Stack gap="xl">
        <LanguageChoice onChoose={(chosen) => settle.move(() => onLanguage(chosen))} />
        <StaffExit exit={exit} label={t('monitoring.self.backToCase')} variant="subtle" />
      </Stack>
    );
  }
  if (index >= SPHERES.length) {
    const failure = save.isError
      ? {
          text: isApiError(save.error, 'CONFLICT')
            ? t('monitoring.self.alreadyKept')
            : errorMessage(save.error),
          lang: staffLanguage,
        }
      : null;
    return (
      <ReviewScreen
        language={language}
        ratings={ratings}
        saving={save.isPending}
        failure={failure}
        settling={settle.settling}
        onOpen={(sphere) =>
          settle.move(() => {
            setFromReview(true);
            setIndex(sphere);
          })
        }
        onBack={() => settle.move(() => setIndex(SPHERES.length - 1))}
        onSave={() => settle.move(() => save.mutate(language))}
      />
    );
  }
  return (
    <SphereScreen
      language={language}
      index={index}
      ratings={ratings}
      settling={settle.settling}
      onChoose={(sphere, step) =>
        settle.move(() => {
          setRatings((current) => ({ ...current, [sphere]: step }));
          next();
        })
      }
      onSkip={() => settle.move(next)}
      onBack={() =>
        settle.move(() => {
          if (fromReview) next();
          else if (index === 0) onLanguage(null);
          else setIndex(index - 1);
        })
      }
    />
  );
}

/** How long a new sphere ignores taps: a double tap on a face is one answer, not two. */
const SETTLE_MS = 400;

/**
 * One tap, one move: after each move from screen to screen, taps are ignored for a moment (and
 * the faces are disabled meanwhile), so a second tap lands on nothing she has not seen.
 */
function useSettling() {
  const until = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [settling, setSettling] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  const move = (step: () => void) => {
    const now = Date.now();
    if (now < until.current) return;
    until.current = now + SETTLE_MS;
    step();
    setSettling(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSettling(false), SETTLE_MS);
  };
  return { settling, move };
}
