/**
 * The sphere screens of her self-rating, in her language: one sphere at a time with five faces
 * (each with its number and words, never colour alone), and where she is among the fourteen.
 * Big targets for a finger; nothing of her case but the spheres. On a phone the whole screen,
 * five faces and the way back and on included, fits without scrolling.
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
import { IconArrowLeft, IconArrowRight, IconCheck } from '@tabler/icons-react';
import { SphereIcon } from '../itinerary/spheres';
import { STEP_FACE } from './labels';
import { STEP_COLOR, useFocusOnChange, useShortScreen, WRAPPING_BUTTON } from './self-rating-ui';
import { SELF_RATING_WORDS } from './self-rating-words';

export type SelfRatings = Partial<Record<Sphere, ScaleStep>>;

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
    <Stack gap={4} align="center">
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
  settling,
  onChoose,
  onSkip,
  onBack,
}: {
  language: ParticipantLanguage;
  index: number;
  ratings: SelfRatings;
  /** Just moved to this sphere: the faces wait a moment, so a double tap is one answer. */
  settling: boolean;
  onChoose: (sphere: Sphere, step: ScaleStep) => void;
  onSkip: () => void;
  onBack: () => void;
}) {
  const words = SELF_RATING_WORDS[language];
  const sphere = SPHERES[index] as Sphere;
  const chosen = ratings[sphere];
  const heading = useFocusOnChange<HTMLHeadingElement>(sphere);
  const short = useShortScreen();
  return (
    <Stack gap={short ? 'sm' : 'lg'} align="stretch">
      <ProgressDots language={language} index={index} ratings={ratings} />
      <Stack gap={short ? 2 : 6} align="center">
        <Text size={short ? 'lg' : 'xl'}>{words.question}</Text>
        <ThemeIcon size={short ? 64 : 112} radius={short ? 32 : 56} variant="light" color="petrol">
          <SphereIcon sphere={sphere} size={short ? 40 : 72} />
        </ThemeIcon>
        <Title
          order={1}
          ta="center"
          fz={short ? 26 : undefined}
          lh={1.2}
          ref={heading}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {SPHERE_WORDS[sphere][language]}
        </Title>
        <Text size={short ? 'md' : 'lg'} ta="center" lh={1.3}>
          {words.touchAFace}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 5 }} spacing={short ? 6 : 'sm'}>
        {SCALE_STEPS.map((step) => {
          const Face = STEP_FACE[step];
          const pressed = chosen === step;
          return (
            <UnstyledButton
              key={step}
              aria-pressed={pressed}
              disabled={settling}
              onClick={() => onChoose(sphere, step)}
              px="md"
              py={short ? 8 : 'md'}
              style={{
                borderRadius: 16,
                border: pressed
                  ? '4px solid var(--mantine-color-petrol-7)'
                  : '2px solid var(--mantine-color-gray-4)',
                background: pressed ? 'var(--mantine-color-petrol-0)' : 'white',
                minHeight: short ? 64 : 88,
                opacity: settling ? 0.7 : 1,
                transition: 'opacity 150ms ease',
              }}
            >
              <Flex direction={{ base: 'row', sm: 'column' }} align="center" gap="sm" justify="flex-start">
                <Face size={short ? 44 : 64} stroke={1.5} color={STEP_COLOR[step]} aria-hidden="true" />
                <Text fz={short ? 24 : 28} fw={700} lh={1}>
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
      {/* Each button as wide as its words need, wrapping only when both do not fit side by side. */}
      <Group justify="space-between" wrap="nowrap" gap="sm" preventGrowOverflow={false}>
        <Button
          size="lg"
          variant="default"
          leftSection={<IconArrowLeft aria-hidden="true" />}
          onClick={onBack}
          aria-disabled={settling || undefined}
          styles={WRAPPING_BUTTON}
        >
          {words.back}
        </Button>
        <Button
          size="lg"
          variant="default"
          rightSection={<IconArrowRight aria-hidden="true" />}
          onClick={onSkip}
          aria-disabled={settling || undefined}
          styles={WRAPPING_BUTTON}
        >
          {words.skip}
        </Button>
      </Group>
    </Stack>
  );
}
