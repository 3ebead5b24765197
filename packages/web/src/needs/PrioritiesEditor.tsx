/**
 * "Her priorities": the spheres she ranks, most important first (DOMAIN.md "Basic principles",
 * 4: she takes part in identifying and ranking her own needs). Reordered by dragging or with the
 * move buttons (keyboard), spheres added from a list of the ones not ranked yet, so a sphere can
 * never appear twice; saved as a whole.
 */
import { SPHERES, type Sphere } from '@cope/domain';
import { ActionIcon, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { SphereIcon, useSphereLabels } from '../itinerary/spheres';
import { savePriorities, useInvalidateNeeds } from './api';

interface Props {
  participantId: string;
  priorities: Sphere[];
  canEdit: boolean;
}

type Focus = { sphere: Sphere; control: 'up' | 'down' } | null;

function moved(list: Sphere[], from: number, to: number): Sphere[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function PrioritiesEditor({ participantId, priorities, canEdit }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const labels = useSphereLabels();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateNeeds();
  const [ranking, setRanking] = useState<Sphere[]>(priorities);
  const [status, setStatus] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const dirty = ranking.join() !== priorities.join();

  // Her ranking as last read: when it changes (saved here or elsewhere) and nothing was changed
  // on this screen meanwhile, show the new one; changes in progress are never replaced.
  const read = useRef(priorities);
  const readKey = priorities.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new array with the same content is no change
  useEffect(() => {
    const previous = read.current;
    read.current = priorities;
    setRanking((current) => (current.join() === previous.join() ? priorities : current));
  }, [readKey]);

  const save = useMutation({
    mutationFn: () => savePriorities(participantId, { priorities: ranking }),
    onSuccess: async () => {
      setStatus(t('needs.priorities.saved'));
      await invalidate();
    },
  });

  // Keep the keyboard where it was after a move: on the same button of the item that moved, or
  // on the other one when it reached the top or the bottom.
  useEffect(() => {
    if (!focus) return;
    const index = ranking.indexOf(focus.sphere);
    const control =
      focus.control === 'up' && index === 0
        ? 'down'
        : focus.control === 'down' && index === ranking.length - 1
          ? 'up'
          : focus.control;
    buttons.current.get(`${focus.sphere}:${control}`)?.focus();
    setFocus(null);
  }, [focus, ranking]);

  const change = (next: Sphere[], announce: string) => {
    setRanking(next);
    setStatus(announce);
    save.reset();
  };
  const move = (from: number, to: number, control?: 'up' | 'down') => {
    const sphere = ranking[from];
    if (sphere === undefined || to < 0 || to >= ranking.length || from === to) return;
    change(
      moved(ranking, from, to),
      t('needs.priorities.moved', { sphere: labels[sphere], position: to + 1 }),
    );
    if (control) setFocus({ sphere, control });
  };

  const issues = isApiError(save.error, 'VALIDATION_FAILED')
    ? save.error.details.map((issue) => {
        const index = Number(/^priorities\.(\d+)$/.exec(issue.field)?.[1]);
        return Number.isInteger(index)
          ? t('needs.priorities.positionProblem', { position: index + 1, message: issue.message })
          : issue.message;
      })
    : [];
  const failure = save.isError && issues.length === 0 ? errorMessage(save.error) : null;
  const unranked = SPHERES.filter((sphere) => !ranking.includes(sphere));

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={headingId}
    >
      <Text component="h3" id={headingId} fz="md" fw={600} m={0}>
        {t('needs.priorities.title')}
      </Text>
      <Text size="sm" c="dark.5" mb="sm">
        {canEdit ? t('needs.priorities.introEdit') : t('needs.priorities.intro')}
      </Text>
      {ranking.length === 0 ? (
        <Text size="sm" mb="sm">
          {t('needs.priorities.empty')}
        </Text>
      ) : (
        <Stack component="ol" gap={6} m={0} p={0} mb="sm" aria-label={t('needs.priorities.listLabel')}>
          {ranking.map((sphere, index) => (
            <Paper
              key={sphere}
              component="li"
              withBorder
              radius="md"
              px="sm"
              py={6}
              draggable={canEdit}
              onDragStart={(event) => {
                setDragging(index);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', sphere);
              }}
              onDragOver={(event) => {
                if (dragging !== null) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging !== null) move(dragging, index);
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}
              style={{
                listStyle: 'none',
                cursor: canEdit ? 'grab' : undefined,
                opacity: dragging === index ? 0.5 : 1,
              }}
            >
              <Group gap="sm" wrap="nowrap">
                {canEdit && (
                  <IconGripVertical size={16} aria-hidden="true" color="var(--mantine-color-gray-6)" />
                )}
                <Text fw={700} w={24} ta="right">
                  {index + 1}.
                </Text>
                <SphereIcon sphere={sphere} size={18} />
                <Text style={{ flex: 1 }}>{labels[sphere]}</Text>
                {canEdit && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="dark"
                      aria-label={t('needs.priorities.moveUp', { sphere: labels[sphere] })}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1, 'up')}
                      ref={(node) => {
                        if (node) buttons.current.set(`${sphere}:up`, node);
                      }}
                    >
                      <IconArrowUp size={16} aria-hidden="true" />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="dark"
                      aria-label={t('needs.priorities.moveDown', { sphere: labels[sphere] })}
                      disabled={index === ranking.length - 1}
                      onClick={() => move(index, index + 1, 'down')}
                      ref={(node) => {
                        if (node) buttons.current.set(`${sphere}:down`, node);
                      }}
                    >
                      <IconArrowDown size={16} aria-hidden="true" />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="dark"
                      aria-label={t('needs.priorities.remove', { sphere: labels[sphere] })}
                      onClick={() =>
                        change(
                          ranking.filter((item) => item !== sphere),
                          t('needs.priorities.removed', { sphere: labels[sphere] }),
                        )
                      }
                    >
                      <IconX size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canEdit && (
        <Stack gap="sm">
          {unranked.length > 0 && (
            <Select
              label={t('needs.priorities.add')}
              placeholder={t('needs.priorities.addPlaceholder')}
              data={unranked.map((sphere) => ({ value: sphere, label: labels[sphere] }))}
              value={null}
              onChange={(value) => {
                const sphere = unranked.find((candidate) => candidate === value);
                if (sphere)
                  change(
                    [...ranking, sphere],
                    t('needs.priorities.added', { sphere: labels[sphere], position: ranking.length + 1 }),
                  );
              }}
              w={{ base: '100%', xs: 320 }}
            />
          )}
          {issues.map((issue) => (
            <Text key={issue} c="red.8" size="sm" role="alert">
              {issue}
            </Text>
          ))}
          {failure && (
            <Text c="red.8" size="sm" role="alert">
              {failure}
            </Text>
          )}
          <Group gap="md">
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
              {t('needs.priorities.save')}
            </Button>
            {dirty && (
              <Button variant="subtle" onClick={() => change(priorities, t('needs.priorities.undone'))}>
                {t('needs.priorities.undo')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <Text size="sm" c="teal.9" fw={500} role="status" mt={status ? 'sm' : 0}>
        {status}
      </Text>
    </Paper>
  );
}
