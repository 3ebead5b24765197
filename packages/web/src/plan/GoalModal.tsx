/** A goal of her plan: the sphere of her life it belongs to, and the goal as she says it. */
import type { TPlanGoal } from '@cope/contracts';
import { SPHERES, type Sphere } from '@cope/domain';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSphereLabels } from '../itinerary/spheres';
import { newId } from './problems';

interface GoalValues {
  sphere: Sphere | null;
  text: string;
}

export function GoalModal({
  goal,
  onSave,
  onClose,
}: {
  /** The goal to change, or null for a new one. */
  goal: TPlanGoal | null;
  onSave: (goal: TPlanGoal) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const spheres = useSphereLabels();
  const form = useForm<GoalValues>({
    mode: 'controlled',
    initialValues: { sphere: goal?.sphere ?? null, text: goal?.text ?? '' },
    validate: {
      sphere: (value) => (value ? null : t('plan.goalForm.sphereRequired')),
      text: (value) => {
        const text = value.trim();
        if (text.length < 2) return t('plan.goalForm.textRequired');
        if (text.length > 1000) return t('plan.goalForm.textTooLong');
        return null;
      },
    },
  });
  const title = goal ? t('plan.goalForm.editTitle') : t('plan.goalForm.addTitle');
  const submit = form.onSubmit((values) => {
    if (!values.sphere) return;
    onSave({
      id: goal?.id ?? newId(),
      sphere: values.sphere,
      text: values.text.trim(),
      steps: goal?.steps ?? [],
    });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('plan.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <Select
            label={t('plan.goalForm.sphere')}
            data={SPHERES.map((sphere) => ({ value: sphere, label: spheres[sphere] }))}
            searchable
            required
            {...form.getInputProps('sphere')}
          />
          <Textarea
            label={t('plan.goalForm.text')}
            description={t('plan.goalForm.textHelp')}
            autosize
            minRows={2}
            required
            {...form.getInputProps('text')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{goal ? t('plan.goalForm.save') : t('plan.goalForm.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
