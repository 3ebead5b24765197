/** Beside a sphere's form: what tends to help in this sphere, in the language of the interface. */
import type { Sphere } from '@cope/domain';
import { List, Paper, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { guidanceFor } from './guidance';

export function GuidancePanel({ sphere }: { sphere: Sphere }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const points = guidanceFor(i18n.resolvedLanguage ?? i18n.language, sphere);
  return (
    <Paper component="section" aria-labelledby={id} withBorder radius="md" p="md" bg="gray.0">
      <Text component="h5" id={id} fw={600} fz="sm" m={0} mb="xs">
        <IconBulb size={16} aria-hidden="true" style={{ verticalAlign: '-3px', marginRight: 6 }} />
        {t('needs.guidance.title')}
      </Text>
      <List size="sm" spacing={6}>
        {points.map((point) => (
          <List.Item key={point}>{point}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dark.5" mt="sm">
        {t('needs.guidance.note')}
      </Text>
    </Paper>
  );
}
