/** Past handovers, newest first, with the note for those who carry on the work with her. */
import type { TCaseTeam } from '@cope/contracts';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDateFormatter } from '../participants/labels';

export function HandoverHistory({ team }: { team: TCaseTeam }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      component="section"
      aria-labelledby="handovers-title"
    >
      <Title order={2} size="h4" id="handovers-title" mb="md">
        {t('caseTeam.history.title')}
      </Title>
      {team.handovers.length === 0 && <Text c="dark.4">{t('caseTeam.history.none')}</Text>}
      <Stack gap="sm">
        {team.handovers.map((handover) => (
          <Paper key={handover.id} withBorder radius="md" p="sm">
            <Text size="xs" c="dark.4" mb={4}>
              {formatDate(handover.at)}
            </Text>
            <Text fw={500}>
              {handover.from
                ? t('caseTeam.history.fromTo', {
                    from: handover.from.displayName,
                    to: handover.to.displayName,
                  })
                : t('caseTeam.history.first', { to: handover.to.displayName })}
            </Text>
            <Text size="sm" c="dark.5">
              {t('caseTeam.history.by', { name: handover.by.displayName })}
            </Text>
            {handover.note !== null && (
              <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {handover.note}
              </Text>
            )}
            {handover.note === null && !handover.noteHidden && (
              <Text mt="xs" size="sm" c="dark.4" fs="italic">
                {t('caseTeam.history.noteErased')}
              </Text>
            )}
            {handover.noteHidden && (
              <Text mt="xs" size="sm" c="dark.4" fs="italic">
                {t('caseTeam.history.noteHidden')}
              </Text>
            )}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
