/**
 * Possible duplicates found after the person or contact step. A case the professional may see is
 * linked by its code; otherwise she only learns that one exists and whom to ask.
 */
import type { TPossibleDuplicates } from '@cope/contracts';
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function DuplicatesWarning({ duplicates }: { duplicates: TPossibleDuplicates | null }) {
  const { t } = useTranslation();
  if (!duplicates || (duplicates.visible.length === 0 && !duplicates.restricted)) return null;
  const matched = {
    name_birth: t('intake.duplicates.nameBirth'),
    phone: t('intake.duplicates.phone'),
    document: t('intake.duplicates.document'),
  };
  return (
    <Alert
      color="orange"
      // The light variant's coloured title is too faint on its background; dark text reads well.
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
      variant="light"
      role="status"
      icon={<IconCopy size={18} aria-hidden="true" />}
      title={t('intake.duplicates.title')}
      mb="md"
    >
      <Stack gap="xs">
        {duplicates.visible.length > 0 && (
          <List size="sm" spacing={2}>
            {duplicates.visible.map((d) => (
              <List.Item key={d.id}>
                <Anchor component={Link} to={`/participants/${d.id}`} ff="monospace" fw={600} target="_blank">
                  {d.caseCode}
                </Anchor>{' '}
                — {d.matchedOn.map((kind) => matched[kind]).join(', ')}
              </List.Item>
            ))}
          </List>
        )}
        {duplicates.restricted && <Text size="sm">{t('intake.duplicates.restricted')}</Text>}
        <Text size="sm">{t('intake.duplicates.goOn')}</Text>
      </Stack>
    </Alert>
  );
}
