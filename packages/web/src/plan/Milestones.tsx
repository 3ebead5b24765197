/**
 * Her small victories, newest first, at the top of her plan: what she achieved, in which sphere of
 * her life and when. Recorded with her; removed only after asking.
 */
import type { TMilestone } from '@cope/contracts';
import { isIsoDate, SPHERES, type Sphere } from '@cope/domain';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ConfirmDialog } from '../auth/ConfirmDialog';
import { localToday } from '../consents/labels';
import { calendarDate } from '../itinerary/dates';
import { SphereIcon, useSphereLabels } from '../itinerary/spheres';
import { FormSubmitRow } from '../layout/FormSubmitRow';
import { useDateFormatter } from '../participants/labels';
import { addMilestone, removeMilestone, useInvalidatePlan } from './api';

export function Milestones({
  participantId,
  milestones,
  canEdit,
}: {
  participantId: string;
  milestones: readonly TMilestone[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useDateFormatter();
  const spheres = useSphereLabels();
  const invalidate = useInvalidatePlan();
  const [removing, setRemoving] = useState<TMilestone | null>(null);
  const [done, setDone] = useState('');
  const remove = useMutation({
    mutationFn: (milestone: TMilestone) => removeMilestone(participantId, milestone.id),
    onSuccess: async () => {
      setRemoving(null);
      setDone(t('plan.milestones.removed'));
      await invalidate();
    },
  });
  const newestFirst = [...milestones].sort((a, b) => b.achievedOn.localeCompare(a.achievedOn));

  return (
    <Stack gap="md">
      {newestFirst.length === 0 ? (
        <Text size="sm">{t('plan.milestones.empty')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {newestFirst.map((milestone) => (
            <Paper
              key={milestone.id}
              component="li"
              withBorder
              radius="md"
              p="md"
              bg="yellow.0"
              style={{ borderColor: '#e8c765' }}
            >
              <Group align="flex-start" gap="sm" wrap="nowrap">
                <IconTrophy size={28} aria-hidden="true" color="#8a5a00" stroke={1.6} />
                <Stack gap={4} style={{ flex: 1 }}>
                  <Text fw={600} style={{ whiteSpace: 'pre-wrap' }}>
                    {milestone.text}
                  </Text>
                  <Group gap={6} wrap="wrap">
                    <SphereIcon sphere={milestone.sphere} size={16} />
                    <Text size="sm">
                      {t('plan.milestones.line', {
                        sphere: spheres[milestone.sphere],
                        date: formatDate(calendarDate(milestone.achievedOn)),
                      })}
                    </Text>
                  </Group>
                  {canEdit && (
                    <Group>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('plan.milestones.removeOne', { text: milestone.text })}
                        onClick={() => setRemoving(milestone)}
                      >
                        {t('plan.milestones.remove')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Text role="status" size="sm">
        {done}
      </Text>
      {canEdit && (
        <AddMilestone participantId={participantId} onAdded={() => setDone(t('plan.milestones.added'))} />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('plan.milestones.removeTitle')}
        message={t('plan.milestones.removeMessage', { text: removing?.text ?? '' })}
        confirmLabel={t('plan.milestones.remove')}
        danger
        pending={remove.isPending}
        failure={remove.isError ? errorMessage(remove.error) : null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
      />
    </Stack>
  );
}

type Field = 'sphere' | 'achievedOn' | 'text';

function AddMilestone({ participantId, onAdded }: { participantId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const spheres = useSphereLabels();
  const invalidate = useInvalidatePlan();
  const [sphere, setSphere] = useState<Sphere | null>(null);
  const [achievedOn, setAchievedOn] = useState(localToday());
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const save = useMutation({
    mutationFn: () =>
      addMilestone(participantId, { sphere: sphere ?? 'housing', achievedOn, text: text.trim() }),
    onSuccess: async () => {
      setText('');
      setSphere(null);
      setAchievedOn(localToday());
      onAdded();
      await invalidate();
    },
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      const next: Partial<Record<Field, string>> = {};
      for (const field of ['sphere', 'achievedOn', 'text'] as const) {
        const issue = error.fieldIssue(field);
        if (issue) next[field] = issue.message;
      }
      setErrors(next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!sphere) next.sphere = t('plan.milestones.sphereRequired');
    if (!isIsoDate(achievedOn)) next.achievedOn = t('plan.milestones.dateRequired');
    else if (achievedOn > localToday()) next.achievedOn = t('plan.milestones.dateInFuture');
    if (text.trim().length < 2) next.text = t('plan.milestones.textRequired');
    else if (text.trim().length > 500) next.text = t('plan.milestones.textTooLong');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={t('plan.milestones.addTitle')}>
        <Stack gap="sm">
          <Text component="h4" fw={600} fz="sm" m={0}>
            {t('plan.milestones.addTitle')}
          </Text>
          <Textarea
            label={t('plan.milestones.text')}
            description={t('plan.milestones.textHelp')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={2}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('plan.milestones.sphere')}
              data={SPHERES.map((value) => ({ value, label: spheres[value] }))}
              value={sphere}
              onChange={(value) => setSphere(value as Sphere | null)}
              error={errors.sphere}
              searchable
              required
            />
            <TextInput
              type="date"
              label={t('plan.milestones.date')}
              value={achievedOn}
              max={localToday()}
              onChange={(event) => setAchievedOn(event.currentTarget.value)}
              error={errors.achievedOn}
              required
            />
          </SimpleGrid>
          <FormSubmitRow
            save={save}
            label={t('plan.milestones.add')}
            icon={<IconTrophy size={18} aria-hidden="true" />}
            size="md"
          />
        </Stack>
      </form>
    </Paper>
  );
}
