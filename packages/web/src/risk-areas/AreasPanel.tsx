/**
 * The organization's risk areas (the "Risk areas" tab of the safety page): the map with every
 * area and the same areas as a list. Coordinators draw new areas, change and remove them; the
 * others see them and are told who can change them.
 */
import type { TRiskArea, TRiskAreaSaved } from '@cope/contracts';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { AreaEditor, initialPointsText } from './AreaEditor';
import { archiveArea, mapConfigQuery, riskAreasQuery, useInvalidateSafety } from './api';
import { CATEGORY_COLOURS, useCategoryLabels } from './labels';
import { MapView } from './MapView';
import { appendPoint, parsePoints } from './points';

/** Which area is being drawn: null for none, 'new' for a new one, or the area being changed. */
type Editing = null | 'new' | TRiskArea;

function Legend() {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  return (
    <Group gap="md" mt="xs" aria-label={t('riskAreas.legend')} role="group">
      {Object.entries(CATEGORY_COLOURS).map(([category, colour]) => (
        <Group key={category} gap={6} wrap="nowrap">
          <span
            aria-hidden="true"
            style={{
              width: 14,
              height: 14,
              borderRadius: 3,
              border: `2px solid ${colour}`,
              background: `${colour}33`,
            }}
          />
          <Text size="sm">{categories[category as keyof typeof categories]}</Text>
        </Group>
      ))}
    </Group>
  );
}

function RemoveAreaDialog({
  area,
  onClose,
  onRemoved,
}: {
  area: TRiskArea;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateSafety();
  const remove = useMutation({
    mutationFn: () => archiveArea(area.id),
    onSuccess: async () => {
      await invalidate();
      onRemoved();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('riskAreas.remove.title', { label: area.label })}
      closeButtonProps={{ 'aria-label': t('riskAreas.remove.close') }}
    >
      <Text size="sm">{t('riskAreas.remove.body')}</Text>
      {remove.isError && (
        <Text c="red.8" size="sm" mt="sm" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('riskAreas.remove.cancel')}
        </Button>
        <Button color="red.8" loading={remove.isPending} onClick={() => remove.mutate()}>
          {t('riskAreas.remove.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}

function AreasTable({
  areas,
  canManage,
  busy,
  onEdit,
  onRemove,
}: {
  areas: TRiskArea[];
  canManage: boolean;
  busy: boolean;
  onEdit: (area: TRiskArea) => void;
  onRemove: (area: TRiskArea) => void;
}) {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  if (areas.length === 0) {
    return <Text c="dark.5">{t('riskAreas.list.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="sm">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
          {t('riskAreas.list.caption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('riskAreas.list.label')}</Table.Th>
            <Table.Th scope="col">{t('riskAreas.list.category')}</Table.Th>
            <Table.Th scope="col">{t('riskAreas.list.points')}</Table.Th>
            {canManage && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('riskAreas.list.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {areas.map((area) => (
            <Table.Tr key={area.id}>
              <Table.Td fw={500}>{area.label}</Table.Td>
              <Table.Td>
                <Badge
                  variant="outline"
                  color="dark"
                  style={{ borderColor: CATEGORY_COLOURS[area.category], borderWidth: 2 }}
                >
                  {categories[area.category]}
                </Badge>
              </Table.Td>
              <Table.Td>{area.polygon.length}</Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      disabled={busy}
                      onClick={() => onEdit(area)}
                      aria-label={t('riskAreas.list.editNamed', { label: area.label })}
                    >
                      {t('riskAreas.list.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      disabled={busy}
                      onClick={() => onRemove(area)}
                      aria-label={t('riskAreas.list.removeNamed', { label: area.label })}
                    >
                      {t('riskAreas.list.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AreasPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const config = useQuery(mapConfigQuery);
  const list = useQuery(riskAreasQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<TRiskArea | null>(null);
  const [pointsText, setPointsText] = useState('');
  const [done, setDone] = useState('');
  const parsed = useMemo(() => parsePoints(pointsText), [pointsText]);

  if (config.isPending || list.isPending) return <LoadingState />;
  if (config.isError || list.isError) {
    const error = config.error ?? list.error;
    return (
      <ErrorState
        message={errorMessage(error)}
        onRetry={() => {
          void config.refetch();
          void list.refetch();
        }}
      />
    );
  }
  const { items, canManage } = list.data;

  const startEditing = (next: 'new' | TRiskArea) => {
    setDone('');
    setEditing(next);
    setPointsText(initialPointsText(next === 'new' ? null : next));
  };
  const stopEditing = () => {
    setEditing(null);
    setPointsText('');
  };
  const onSaved = (saved: TRiskAreaSaved) => {
    stopEditing();
    setDone(
      saved.newlyFlaggedPlaces > 0
        ? t('riskAreas.saved.withPlaces', { label: saved.area.label, count: saved.newlyFlaggedPlaces })
        : t('riskAreas.saved.plain', { label: saved.area.label }),
    );
  };

  return (
    <Stack gap="lg">
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Group justify="space-between" align="flex-start" mb="md" gap="sm">
          <div>
            <Title order={2} size="h4">
              {t('riskAreas.title')}
            </Title>
            <Text size="sm" c="dark.5" mt={4} maw={720}>
              {t('riskAreas.intro')}
            </Text>
          </div>
          {canManage && editing === null && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => startEditing('new')}
            >
              {t('riskAreas.draw')}
            </Button>
          )}
        </Group>
        {!canManage && (
          <Text size="sm" mb="md">
            {t('riskAreas.readOnly')}
          </Text>
        )}
        <Text size="sm" c="teal.9" role="status" mb={done ? 'sm' : 0}>
          {done}
        </Text>
        <MapView
          config={config.data}
          areas={items}
          draft={editing ? parsed.points : []}
          editingAreaId={editing && editing !== 'new' ? editing.id : null}
          onMapClick={editing ? (point) => setPointsText((text) => appendPoint(text, point)) : undefined}
          label={editing ? t('riskAreas.map.drawingLabel') : t('riskAreas.map.label')}
        />
        <Legend />
      </Paper>
      {editing && (
        <AreaEditor
          key={editing === 'new' ? 'new' : editing.id}
          area={editing === 'new' ? null : editing}
          pointsText={pointsText}
          onPointsTextChange={setPointsText}
          parsed={parsed}
          onSaved={onSaved}
          onCancel={stopEditing}
        />
      )}
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Title order={2} size="h4" mb="md">
          {t('riskAreas.list.title')}
        </Title>
        <AreasTable
          areas={items}
          canManage={canManage}
          busy={editing !== null}
          onEdit={startEditing}
          onRemove={setRemoving}
        />
      </Paper>
      {removing && (
        <RemoveAreaDialog
          area={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setDone(t('riskAreas.remove.done', { label: removing.label }));
            setRemoving(null);
          }}
        />
      )}
    </Stack>
  );
}
