/**
 * The screens of her self-rating, in her language: her language, one sphere at a time with five
 * faces (each with its number and words, never colour alone), her answers before saving, thanks.
 * Big targets for a finger; nothing of her case but the spheres.
 */
import {
  type ParticipantLanguage,
  SCALE_STEPS,
  type ScaleStep,
  SPHERE_WORDS,
  SPHERES,
  type Sphere,
  STEP_WORDS,
} from '@cope/domain';
import {
  Box,
  Button,
  Flex,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconCheck, IconHeart } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { SphereIcon } from '../itinerary/spheres';
import { STEP_FACE } from './labels';
import { PARTICIPANT_LANGUAGE_ORDER, SELF_RATING_WORDS } from './self-rating-words';

export type SelfRatings = Partial<Record<Sphere, ScaleStep>>;

/** Tone of each face, always with its number and words. */
const STEP_COLOR: Record<ScaleStep, string> = {
  1: 'var(--mantine-color-red-8)',
  2: 'var(--mantine-color-orange-9)',
  3: 'var(--mantine-color-gray-8)',
  4: 'var(--mantine-color-teal-8)',
  5: 'var(--mantine-color-green-9)',
};

/** The screen's heading takes the focus when the screen changes, so a screen reader follows. */
function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves when the screen changes
  useEffect(() => ref.current?.focus(), [key]);
  return ref;
}

export function LanguageChoice({
  prompt,
  onChoose,
}: {
  /** "Choose your language" in the staff member's language, who hands her the screen. */
  prompt: { text: string; lang: string };
  onChoose: (language: ParticipantLanguage) => void;
}) {
  const heading = useFocusOnChange<HTMLHeadingElement>('language');
  return (
    <Stack gap="lg" align="stretch">
      <Title order={1} ta="center" lang={prompt.lang} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {prompt.text}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        {PARTICIPANT_LANGUAGE_ORDER.map((language) => (
          <Button
            key={language}
            size="xl"
            variant="default"
            lang={language}
            onClick={() => onChoose(language)}
            styles={{ root: { height: 72 }, label: { fontSize: 24 } }}
          >
            {SELF_RATING_WORDS[language].languageName}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ProgressDots({
  language,
  index,
  ratings,
}: {
  language: ParticipantLanguage;
  index: number;
  ratings: SelfRatings;
}) {
  const words = SELF_RATING_WORDS[language];
  return (
    <Stack gap={6} align="center">
      <Group gap={6} justify="center" aria-hidden="true">
        {SPHERES.map((sphere, position) => (
          <Box
            key={sphere}
            w={position === index ? 16 : 10}
            h={10}
            style={{
              borderRadius: 5,
              border: '2px solid var(--mantine-color-petrol-7)',
              background:
                ratings[sphere] || position === index ? 'var(--mantine-color-petrol-7)' : 'transparent',
            }}
          />
        ))}
      </Group>
      <Text size="md" fw={500}>
        {words.progress(index + 1, SPHERES.length)}
      </Text>
    </Stack>
  );
}

export function SphereScreen({
  language,
  index,
  ratings,
  onChoose,
  onSkip,
  onBack,
}: {
  language: ParticipantLanguage;
  index: number;
  ratings: SelfRatings;
  onChoose: (sphere: Sphere, step: ScaleStep) => void;
  onSkip: () => void;
  onBack: () => void;
}) {
  const words = SELF_RATING_WORDS[language];
  const sphere = SPHERES[index] as Sphere;
  const chosen = ratings[sphere];
  const heading = useFocusOnChange<HTMLHeadingElement>(sphere);
  return (
    <Stack gap="lg" align="stretch">
      <ProgressDots language={language} index={index} ratings={ratings} />
      <Stack gap={6} align="center">
        <Text size="xl">{words.question}</Text>
        <ThemeIcon size={112} radius={56} variant="light" color="petrol">
          <SphereIcon sphere={sphere} size={72} />
        </ThemeIcon>
        <Title order={1} ta="center" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {SPHERE_WORDS[sphere][language]}
        </Title>
        <Text size="lg" ta="center">
          {words.touchAFace}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="sm">
        {SCALE_STEPS.map((step) => {
          const Face = STEP_FACE[step];
          const pressed = chosen === step;
          return (
            <UnstyledButton
              key={step}
              aria-pressed={pressed}
              onClick={() => onChoose(sphere, step)}
              p="md"
              style={{
                borderRadius: 16,
                border: pressed
                  ? '4px solid var(--mantine-color-petrol-7)'
                  : '2px solid var(--mantine-color-gray-4)',
                background: pressed ? 'var(--mantine-color-petrol-0)' : 'white',
                minHeight: 88,
              }}
            >
              <Flex direction={{ base: 'row', sm: 'column' }} align="center" gap="sm" justify="flex-start">
                <Face size={64} stroke={1.5} color={STEP_COLOR[step]} aria-hidden="true" />
                <Text fz={28} fw={700} lh={1}>
                  {step}
                </Text>
                <Text fz="lg" fw={500} ta={{ base: 'left', sm: 'center' }} lh={1.2}>
                  {STEP_WORDS[step][language]}
                </Text>
                {pressed && <IconCheck size={28} aria-hidden="true" color="var(--mantine-color-petrol-7)" />}
              </Flex>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Group justify="space-between">
        <Button
          size="lg"
          variant="default"
          leftSection={<IconArrowLeft aria-hidden="true" />}
          onClick={onBack}
        >
          {words.back}
        </Button>
        <Button
          size="lg"
          variant="default"
          rightSection={<IconArrowRight aria-hidden="true" />}
          onClick={onSkip}
        >
          {words.skip}
        </Button>
      </Group>
    </Stack>
  );
}

export function ReviewScreen({
  language,
  ratings,
  saving,
  failure,
  onOpen,
  onBack,
  onSave,
}: {
  language: ParticipantLanguage;
  ratings: SelfRatings;
  saving: boolean;
  /** Why saving failed, in the staff member's language (for the professional). */
  failure: { text: string; lang: string } | null;
  onOpen: (index: number) => void;
  onBack: () => void;
  onSave: () => void;
}) {
  const words = SELF_RATING_WORDS[language];
  const heading = useFocusOnChange<HTMLHeadingElement>('review');
  const none = Object.keys(ratings).length === 0;
  return (
    <Stack gap="lg">
      <Stack gap={4} align="center">
        <Title order={1} ta="center" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {words.reviewTitle}
        </Title>
        <Text size="lg" ta="center">
          {none ? words.nothingChosen : words.reviewText}
        </Text>
      </Stack>
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing={6}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {SPHERES.map((sphere, index) => {
          const step = ratings[sphere];
          const Face = step ? STEP_FACE[step] : null;
          return (
            <li key={sphere}>
              <UnstyledButton
                onClick={() => onOpen(index)}
                w="100%"
                h="100%"
                p="xs"
                style={{ borderRadius: 12, border: '1px solid var(--mantine-color-gray-4)' }}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Box style={{ flexShrink: 0 }}>
                    <SphereIcon sphere={sphere} size={32} />
                  </Box>
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Text fz="lg">{SPHERE_WORDS[sphere][language]}</Text>
                    {Face && step ? (
                      <Group gap={6} wrap="nowrap">
                        <Face
                          size={28}
                          color={STEP_COLOR[step]}
                          aria-hidden="true"
                          style={{ flexShrink: 0 }}
                        />
                        <Text fz="lg" fw={600}>
                          {step} · {STEP_WORDS[step][language]}
                        </Text>
                      </Group>
                    ) : (
                      <Text fz="lg" c="dark.6">
                        {words.noAnswer}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </UnstyledButton>
            </li>
          );
        })}
      </SimpleGrid>
      {failure && (
        <Stack gap={2} role="alert">
          <Text fz="lg" fw={600} c="red.8">
            {words.notSaved}
          </Text>
          <Text size="sm" lang={failure.lang}>
            {failure.text}
          </Text>
        </Stack>
      )}
      <Group justify="space-between">
        <Button
          size="lg"
          variant="default"
          leftSection={<IconArrowLeft aria-hidden="true" />}
          onClick={onBack}
        >
          {words.back}
        </Button>
        <Button size="xl" onClick={onSave} disabled={none || saving}>
          {saving ? words.saving : words.save}
        </Button>
      </Group>
    </Stack>
  );
}

export function ThankYou({
  language,
  onGiveBack,
}: {
  language: ParticipantLanguage;
  onGiveBack: () => void;
}) {
  const words = SELF_RATING_WORDS[language];
  const heading = useFocusOnChange<HTMLHeadingElement>('thanks');
  return (
    <Stack gap="lg" align="center">
      <ThemeIcon size={112} radius={56} variant="light" color="petrol">
        <IconHeart size={72} aria-hidden="true" />
      </ThemeIcon>
      <Title order={1} ta="center" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {words.thankYou}
      </Title>
      <Text size="xl" ta="center">
        {words.thankYouText}
      </Text>
      <Button size="xl" onClick={onGiveBack}>
        {words.giveBack}
      </Button>
    </Stack>
  );
}
