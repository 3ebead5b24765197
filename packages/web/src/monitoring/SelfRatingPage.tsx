/**
 * The screen she rates herself on, on a staff tablet or phone: her language first, then one
 * sphere at a time with faces, her answers, and thanks. Full screen, no navigation, and nothing
 * of her case (no name, no case code, no staff names). The page speaks her language (lang).
 * Her rating is given once: a round already rated, declined or complete is refused plainly.
 */
import type { TRound } from '@cope/contracts';
import { type ParticipantLanguage, type ScaleStep, SPHERES, type Sphere } from '@cope/domain';
import { Box, Button, Container, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { usePageTitle } from '../layout/page-title';
import { monitoringQuery, refreshAfterRound, saveSelf } from './api';
import { useStaffLanguage } from './labels';
import { LanguageChoice, ReviewScreen, type SelfRatings, SphereScreen, ThankYou } from './SelfRatingScreens';
import { SELF_RATING_WORDS } from './self-rating-words';

const caseProgress = (participantId: string) =>
  `/participants/${encodeURIComponent(participantId)}?tab=itinerary&part=progress&review=open`;

export function SelfRatingPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { participantId = '', roundId = '' } = useParams();
  const overview = useQuery(monitoringQuery(participantId));
  const [saved, setSaved] = useState<ParticipantLanguage | null>(null);
  const back = () => navigate(caseProgress(participantId));

  let content: React.ReactNode;
  if (saved) {
    content = <ThankYou language={saved} onGiveBack={back} />;
  } else if (overview.isPending) {
    content = <LoadingState />;
  } else if (overview.isError) {
    content = <ErrorState message={errorMessage(overview.error)} onRetry={overview.refetch} />;
  } else {
    const round = overview.data.rounds.find((item) => item.id === roundId);
    const refusal = !round
      ? t('monitoring.self.notFound')
      : round.status === 'complete'
        ? t('monitoring.self.complete')
        : round.selfRecordedAt
          ? t('monitoring.self.alreadyKept')
          : !overview.data.abilities.rate
            ? t('monitoring.self.cannotRate')
            : null;
    content =
      refusal || !round ? (
        <Stack gap="md" align="flex-start">
          <Text component="h1" fz="xl" fw={600} m={0}>
            {t('monitoring.self.pageTitle')}
          </Text>
          <Text>{refusal}</Text>
          <Button variant="default" onClick={back}>
            {t('monitoring.self.backToCase')}
          </Button>
        </Stack>
      ) : (
        <SelfRatingFlow participantId={participantId} round={round} onSaved={setSaved} onLeave={back} />
      );
  }

  return (
    <Box mih="100vh" bg="gray.0" py={{ base: 'md', sm: 'xl' }}>
      <Container component="main" size={880} px="md">
        <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
          {content}
        </Paper>
      </Container>
    </Box>
  );
}

function SelfRatingFlow({
  participantId,
  round,
  onSaved,
  onLeave,
}: {
  participantId: string;
  round: TRound;
  onSaved: (language: ParticipantLanguage) => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const staffLanguage = useStaffLanguage();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<ParticipantLanguage | null>(null);
  const [index, setIndex] = useState(0);
  const [ratings, setRatings] = useState<SelfRatings>({});
  usePageTitle(language ? SELF_RATING_WORDS[language].question : t('monitoring.self.pageTitle'));

  // While she uses the screen, the page is in her language (screen readers, hyphenation).
  useEffect(() => {
    if (!language) return;
    const root = document.documentElement;
    const before = root.lang;
    root.lang = language;
    return () => {
      root.lang = before;
    };
  }, [language]);

  const save = useMutation({
    mutationFn: (chosen: ParticipantLanguage) =>
      saveSelf(participantId, round.id, {
        language: chosen,
        declined: false,
        ratings: Object.fromEntries(
          Object.entries(ratings).map(([sphere, step]) => [sphere, { step, reason: null }]),
        ) as Record<Sphere, { step: ScaleStep; reason: null }>,
      }),
    onSuccess: async (_saved, chosen) => {
      onSaved(chosen);
      await refreshAfterRound(queryClient);
    },
  });

  if (!language) {
    return (
      <Stack gap="xl">
        <LanguageChoice
          prompt={{ text: SELF_RATING_WORDS[staffLanguage].chooseLanguage, lang: staffLanguage }}
          onChoose={setLanguage}
        />
        <Box>
          <Button variant="subtle" onClick={onLeave}>
            {t('monitoring.self.backToCase')}
          </Button>
        </Box>
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
        onOpen={setIndex}
        onBack={() => setIndex(SPHERES.length - 1)}
        onSave={() => save.mutate(language)}
      />
    );
  }
  return (
    <SphereScreen
      language={language}
      index={index}
      ratings={ratings}
      onChoose={(sphere, step) => {
        setRatings((current) => ({ ...current, [sphere]: step }));
        setIndex(index + 1);
      }}
      onSkip={() => setIndex(index + 1)}
      onBack={() => (index === 0 ? setLanguage(null) : setIndex(index - 1))}
    />
  );
}
