/**
 * One sphere in her needs overview: a row that says at a glance whether it was assessed, when
 * and by whom, and what was found; opened, its form (or, for those who only read, its content)
 * beside "What helps". A sphere whose section is closed to the viewer says so and does not open.
 */
import type { TSphereNeeds } from '@cope/contracts';
import { NEEDS_FIELDS, type Sphere } from '@cope/domain';
import { Accordion, Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SphereIcon, useSphereLabels } from '../itinerary/spheres';
import { useDateFormatter } from '../participants/labels';
import { displayValue, fieldLabel, situationSummary, useNeedsFieldTexts } from './field-texts';
import { GuidancePanel } from './GuidancePanel';
import { SphereForm } from './SphereForm';

interface Props {
  participantId: string;
  sphere: TSphereNeeds;
  canEdit: boolean;
  /** The sphere holds a basic need (domain BASIC_NEED_SPHERES). */
  basic: boolean;
  /** One of its basic needs is not covered now. */
  unmet: boolean;
  /** Her rank for this sphere, 1 = most important; null when she did not rank it. */
  rank: number | null;
  /** Opened at least once: its form is built then and kept while the page stays. */
  opened: boolean;
  /** Told whether its form holds something not saved. */
  onUnsaved: (sphere: Sphere, unsaved: boolean) => void;
}

const oneLine = (text: string | null) => (text ?? '').split('\n').find((line) => line.trim() !== '') ?? '';

export function SphereCard({ participantId, sphere, canEdit, basic, unmet, rank, opened, onUnsaved }: Props) {
  const { t } = useTranslation();
  const name = useSphereLabels()[sphere.sphere];
  const formatDate = useDateFormatter();
  const texts = useNeedsFieldTexts();
  const closed = sphere.access === 'none';
  const assessed = sphere.version > 0;
  const summary = assessed
    ? situationSummary(texts, sphere.sphere, sphere.situation ?? {}, formatDate) ||
      oneLine(sphere.situationNote) ||
      oneLine(sphere.herWords)
    : '';

  let state: string;
  if (closed) state = t('needs.sphere.closed');
  else if (!assessed) state = t('needs.sphere.notAssessed');
  else if (sphere.updatedAt && sphere.updatedBy)
    state = t('needs.sphere.updated', {
      date: formatDate(sphere.updatedAt),
      name: sphere.updatedBy.displayName,
    });
  else state = t('needs.sphere.assessed');

  return (
    <Accordion.Item value={sphere.sphere} data-sphere={sphere.sphere}>
      <Accordion.Control
        icon={<SphereIcon sphere={sphere.sphere} size={22} />}
        disabled={closed}
        chevron={closed ? <IconLock size={16} aria-hidden="true" /> : undefined}
        // Closed spheres stay fully readable: the line says why they do not open.
        style={closed ? { opacity: 1, cursor: 'default' } : undefined}
      >
        <Group gap={8} wrap="wrap" component="span">
          <Text component="span" fw={600}>
            {name}
          </Text>
          {basic && (
            <Badge
              component="span"
              size="sm"
              variant="outline"
              // Text colours keep at least 7:1 contrast on their backgrounds.
              bg={unmet ? '#ffe7d4' : '#f8f9fa'}
              c={unmet ? '#7a3000' : '#495057'}
              style={{ borderColor: unmet ? '#f2ac77' : '#dee2e6' }}
            >
              {unmet ? t('needs.sphere.basicNeedUnmet') : t('needs.sphere.basicNeed')}
            </Badge>
          )}
          {rank !== null && (
            <Badge component="span" size="sm" variant="light" color="petrol">
              {t('needs.sphere.rank', { rank })}
            </Badge>
          )}
        </Group>
        <Text component="span" display="block" size="sm" c="dark.5">
          {state}
        </Text>
        {summary && (
          <Text component="span" display="block" size="sm" lineClamp={1}>
            {summary}
          </Text>
        )}
      </Accordion.Control>
      {!closed && (
        <Accordion.Panel>
          {opened && (
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 8 }}>
                {canEdit ? (
                  <SphereForm participantId={participantId} sphere={sphere} onUnsaved={onUnsaved} />
                ) : (
                  <SphereView sphere={sphere} />
                )}
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <GuidancePanel sphere={sphere.sphere} />
              </Grid.Col>
            </Grid>
          )}
        </Accordion.Panel>
      )}
    </Accordion.Item>
  );
}

/** For those who may read her needs but not change them. */
function SphereView({ sphere }: { sphere: TSphereNeeds }) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const texts = useNeedsFieldTexts();
  const situation = sphere.situation ?? {};
  const notes = [
    { label: t('needs.form.situationNote'), value: sphere.situationNote },
    { label: t('needs.form.herWords'), value: sphere.herWords },
    { label: t('needs.form.professionalNeeds'), value: sphere.professionalNeeds },
  ];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dark.5">
        {t('needs.form.readOnly')}
      </Text>
      {NEEDS_FIELDS[sphere.sphere].map((field) => {
        const value = situation[field.key];
        return (
          <Text key={field.key} size="sm">
            <Text component="span" fw={600} size="sm">
              {fieldLabel(texts, field)}:{' '}
            </Text>
            {value === undefined ? t('needs.form.notAsked') : displayValue(texts, field, value, formatDate)}
          </Text>
        );
      })}
      {notes.map((note) => (
        <div key={note.label}>
          <Text fw={600} size="sm">
            {note.label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.value || t('needs.form.nothingYet')}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
