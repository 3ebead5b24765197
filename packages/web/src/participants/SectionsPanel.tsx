/**
 * The case's sections as this viewer may see them. A restricted section is listed as
 * "Restricted — <section>" rather than hidden, so nobody mistakes "not shown" for "not there".
 */
import type { TParticipantDetail } from '@cope/contracts';
import type { Section } from '@cope/domain';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BreakGlassModal } from './BreakGlassModal';
import { SectionDrawer } from './SectionDrawer';
import { useSectionLabels } from './section-labels';

export function SectionsPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const labels = useSectionLabels();
  const [open, setOpen] = useState<Section | null>(null);
  const [emergency, setEmergency] = useState<Section | null>(null);

  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} maw={880} mt="lg">
      <Text fw={600} mb="xs" component="h2" fz="lg">
        {t('sections.title')}
      </Text>
      <Text size="sm" c="dark.4" mb="md">
        {t('sections.intro')}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {participant.sections.map(({ section, access }) => (
          <Group
            key={section}
            component="li"
            justify="space-between"
            wrap="wrap"
            gap="xs"
            py={6}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            {access === 'none' ? (
              <Group gap={6}>
                <IconLock size={16} aria-hidden="true" />
                <Text c="dark.5">{t('sections.restricted', { section: labels[section] })}</Text>
              </Group>
            ) : (
              <Group gap="xs">
                <Text fw={500}>{labels[section]}</Text>
                {access === 'limited' && (
                  <Badge variant="light" color="gray" c="dark.6">
                    {t('sections.limited')}
                  </Badge>
                )}
              </Group>
            )}
            <Group gap="xs">
              {access !== 'none' && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setOpen(section)}
                  aria-label={t('sections.openSection', { section: labels[section] })}
                >
                  {t('sections.open')}
                </Button>
              )}
              {access !== 'full' && participant.abilities.breakGlass && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red.8"
                  onClick={() => setEmergency(section)}
                  aria-label={t('sections.breakGlassFor', { section: labels[section] })}
                >
                  {t('sections.breakGlass')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      {open && (
        <SectionDrawer
          participantId={participant.id}
          section={open}
          canEdit={participant.abilities.editRecords}
          onClose={() => setOpen(null)}
        />
      )}
      {emergency && (
        <BreakGlassModal
          participantId={participant.id}
          section={emergency}
          onClose={() => setEmergency(null)}
          onGranted={(section) => {
            setEmergency(null);
            setOpen(section);
          }}
        />
      )}
    </Paper>
  );
}
