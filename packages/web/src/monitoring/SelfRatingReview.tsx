/**
 * Her answers before saving, in her language: every sphere with the face she chose (or none),
 * each one a button back to that sphere, marked so she sees she can change it.
 */
import { type ParticipantLanguage, SPHERE_WORDS, SPHERES, STEP_WORDS } from '@cope/domain';
import { Box, Button, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { SphereIcon } from '../itinerary/spheres';
import { STEP_FACE } from './labels';
import type { SelfRatings } from './SelfRatingScreens';
import { STEP_COLOR, useFocusOnChange, WRAPPING_BUTTON } from './self-rating-ui';
import { SELF_RATING_WORDS } from './self-rating-words';

export function ReviewScreen({
  language,
  ratings,
  saving,
  settling,
  failure,
  onOpen,
  onBack,
  onSave,
}: {
  language: ParticipantLanguage;
  ratings: SelfRatings;
  saving: boolean;
  /** Just arrived from her last sphere: a second tap does not save or reopen anything yet. */
  settling: boolean;
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
                aria-disabled={settling || undefined}
                w="100%"
                h="100%"
                p="xs"
                style={{ borderRadius: 12, border: '1px solid var(--mantine-color-gray-4)' }}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Box style={{ flexShrink: 0 }}>
                    <SphereIcon sphere={sphere} size={32} />
                  </Box>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
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
                  {/* What touching the row does, in words and with an icon. */}
                  <Group gap={4} wrap="nowrap" c="petrol.8" style={{ flexShrink: 0, alignSelf: 'center' }}>
                    <IconPencil size={20} aria-hidden="true" />
                    <Text fz="md" fw={600} td="underline">
                      {words.change}
                    </Text>
                  </Group>
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
        <Button size="xl" onClick={onSave} disabled={none || saving || settling} styles={WRAPPING_BUTTON}>
          {saving ? words.saving : words.save}
        </Button>
      </Group>
    </Stack>
  );
}
