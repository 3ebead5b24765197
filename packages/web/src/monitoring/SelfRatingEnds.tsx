/**
 * The first and last screens of her self-rating: her language (asked without assuming one), and
 * after saving, thanks and the device handed back. Nothing of her case on either.
 */
import type { ParticipantLanguage } from '@cope/domain';
import { Box, Button, SimpleGrid, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconHeart, IconLanguage } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { useFocusOnChange, WRAPPING_LABEL, WRAPPING_ROOT } from './self-rating-ui';
import { PARTICIPANT_LANGUAGE_ORDER, SELF_RATING_WORDS } from './self-rating-words';

/**
 * Her language, asked in every language offered at once (no sentence in one language she may not
 * read): a sign for languages, "Choose your language" in each, and each language by its own name.
 */
export function LanguageChoice({ onChoose }: { onChoose: (language: ParticipantLanguage) => void }) {
  const heading = useFocusOnChange<HTMLHeadingElement>('language');
  return (
    <Stack gap="lg" align="stretch">
      <Stack gap="xs" align="center">
        <ThemeIcon size={64} radius={32} variant="light" color="petrol">
          <IconLanguage size={40} aria-hidden="true" />
        </ThemeIcon>
        <Title
          order={1}
          ta="center"
          fz={18}
          fw={500}
          lh={1.5}
          ref={heading}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {PARTICIPANT_LANGUAGE_ORDER.map((language, position) => {
            const last = position === PARTICIPANT_LANGUAGE_ORDER.length - 1;
            return (
              <Fragment key={language}>
                <span style={{ whiteSpace: 'nowrap' }}>
                  <span lang={language}>{SELF_RATING_WORDS[language].chooseLanguage}</span>
                  {!last && <span aria-hidden="true">{' ·'}</span>}
                </span>
                {!last && <VisuallyHidden>,</VisuallyHidden>}{' '}
              </Fragment>
            );
          })}
        </Title>
      </Stack>
      <SimpleGrid cols={2} spacing="sm">
        {PARTICIPANT_LANGUAGE_ORDER.map((language) => (
          <Button
            key={language}
            size="xl"
            variant="default"
            lang={language}
            onClick={() => onChoose(language)}
            styles={{
              root: { ...WRAPPING_ROOT, minHeight: 64 },
              label: { ...WRAPPING_LABEL, fontSize: 22 },
            }}
          >
            {SELF_RATING_WORDS[language].languageName}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/**
 * After saving: thanks, and she hands the device back. Nothing here leads anywhere for her; only
 * the professional goes on, after confirming it is her (`staff`, in the staff language).
 */
export function HandBack({ language, staff }: { language: ParticipantLanguage; staff: ReactNode }) {
  const words = SELF_RATING_WORDS[language];
  const heading = useFocusOnChange<HTMLHeadingElement>('thanks');
  return (
    <Stack gap="lg" align="center" lang={language}>
      <ThemeIcon size={112} radius={56} variant="light" color="petrol">
        <IconHeart size={72} aria-hidden="true" />
      </ThemeIcon>
      <Title order={1} ta="center" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {words.thankYou}
      </Title>
      <Text size="xl" ta="center">
        {words.thankYouText}
      </Text>
      <Text fz={26} fw={600} ta="center" lh={1.3} maw="100%" style={{ overflowWrap: 'break-word' }}>
        {words.handBack}
      </Text>
      <Box pt="xl" w="100%">
        {staff}
      </Box>
    </Stack>
  );
}
