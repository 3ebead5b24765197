/**
 * A colleague saved the sphere while this form was open. Nothing was overwritten: the form now
 * shows what they saved, says who and when, names the fields changed here that differ from it,
 * and offers to put those changes back on top (to be checked and saved again) or to keep theirs.
 */
import type { TSphereNeeds } from '@cope/contracts';
import type { Sphere } from '@cope/domain';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDateFormatter } from '../participants/labels';
import { useNeedsFieldTexts } from './field-texts';
import { changedFields, type Draft, draftFrom, type TextField } from './sphere-draft';

export interface ConflictState {
  /** The saved version the form had started from. */
  base: Draft;
  /** What was typed here when the save was refused. */
  mine: Draft;
  /** The sphere as the colleague saved it. */
  theirs: TSphereNeeds;
  /** The refusal's details ({ savedBy, savedAt }), used when the sphere carries no author. */
  details: unknown;
}

function detailName(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('savedBy' in details)) return null;
  return typeof details.savedBy === 'string' ? details.savedBy : null;
}

export function ConflictNotice(props: {
  sphere: Sphere;
  conflict: ConflictState;
  onReapply: () => void;
  onKeepTheirs: () => void;
}) {
  const { sphere, conflict, onReapply, onKeepTheirs } = props;
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const texts = useNeedsFieldTexts();
  const textLabels: Record<TextField, string> = {
    situationNote: t('needs.form.situationNote'),
    herWords: t('needs.form.herWords'),
    professionalNeeds: t('needs.form.professionalNeeds'),
  };
  const name = conflict.theirs.updatedBy?.displayName ?? detailName(conflict.details);
  const when = conflict.theirs.updatedAt ? formatDate(conflict.theirs.updatedAt) : '';
  // The fields changed here that now say something else than what the colleague saved.
  const clashing = new Set(changedFields(sphere, conflict.mine, draftFrom(conflict.theirs)));
  const differs = changedFields(sphere, conflict.base, conflict.mine)
    .filter((key) => clashing.has(key))
    .map((key) => textLabels[key as TextField] ?? texts[key]?.label ?? key);

  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={t('needs.conflict.title')}
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {name ? t('needs.conflict.savedBy', { name, date: when }) : t('needs.conflict.savedBySomeone')}
        </Text>
        <Text size="sm">
          {differs.length > 0
            ? t('needs.conflict.differs', { fields: differs.join(', ') })
            : t('needs.conflict.same')}
        </Text>
        <Group gap="sm">
          {differs.length > 0 && (
            <Button size="sm" variant="default" onClick={onReapply}>
              {t('needs.conflict.reapply')}
            </Button>
          )}
          <Button size="sm" variant="subtle" onClick={onKeepTheirs}>
            {t('needs.conflict.keepTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
