/**
 * One step of a goal, added or changed with her at the table: what, who does it (herself, a
 * member of her team, a partner organization), by when, where it stands, and what support it
 * needs. Checked in the browser with the payload schema and the plan's dates before anything is
 * saved; each problem is said on its field.
 */
import { type TPlanStep, ZPlanStep } from '@cope/contracts';
import {
  isIsoDate,
  planHorizonEnd,
  STEP_STATUSES,
  STEP_SUPPORTS,
  type StepOwnerKind,
  type StepStatus,
  type StepSupport,
} from '@cope/domain';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDate } from '../itinerary/dates';
import { useDateFormatter } from '../participants/labels';
import { type Person, useOwnerKindLabels, useStepStatusLabels, useSupportLabels } from './labels';
import { newId } from './problems';

interface StepValues {
  id: string;
  what: string;
  owner: { kind: StepOwnerKind; userId: string | null; partnerName: string };
  targetOn: string;
  status: StepStatus;
  droppedReason: string;
  supports: StepSupport[];
}

const OWNER_KINDS: StepOwnerKind[] = ['herself', 'staff', 'partner'];

function toValues(step: TPlanStep | null): StepValues {
  return {
    id: step?.id ?? newId(),
    what: step?.what ?? '',
    owner: {
      kind: step?.owner.kind ?? 'herself',
      userId: step?.owner.userId ?? null,
      partnerName: step?.owner.partnerName ?? '',
    },
    targetOn: step?.targetOn ?? '',
    status: step?.status ?? 'planned',
    droppedReason: step?.droppedReason ?? '',
    supports: step?.supports ?? [],
  };
}

function toStep(values: StepValues): TPlanStep {
  const { kind } = values.owner;
  return {
    id: values.id,
    what: values.what.trim(),
    owner: {
      kind,
      userId: kind === 'staff' ? values.owner.userId : null,
      partnerName: kind === 'partner' ? values.owner.partnerName.trim() : null,
    },
    targetOn: values.targetOn,
    status: values.status,
    droppedReason: values.status === 'dropped' ? values.droppedReason.trim() : null,
    supports: STEP_SUPPORTS.filter((support) => values.supports.includes(support)),
  };
}

const schemaErrors = zod4Resolver(ZPlanStep);

export function StepModal({
  step,
  goalText,
  startsOn,
  team,
  onSave,
  onClose,
}: {
  /** The step to change, or null for a new one. */
  step: TPlanStep | null;
  goalText: string;
  startsOn: string;
  team: readonly Person[];
  onSave: (step: TPlanStep) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const ownerKinds = useOwnerKindLabels();
  const statuses = useStepStatusLabels();
  const supports = useSupportLabels();
  const whoId = useId();
  const horizon = planHorizonEnd(startsOn);

  const validate = (values: StepValues): FormErrors => {
    const errors: FormErrors = { ...schemaErrors(toStep(values) as unknown as Record<string, unknown>) };
    const what = values.what.trim();
    if (what.length < 2) errors.what = t('plan.stepForm.whatRequired');
    else if (what.length > 500) errors.what = t('plan.stepForm.whatTooLong');
    if (values.owner.kind === 'staff' && !values.owner.userId)
      errors['owner.userId'] = t('plan.stepForm.chooseMember');
    if (values.owner.kind === 'partner' && !values.owner.partnerName.trim())
      errors['owner.partnerName'] = t('plan.stepForm.partnerRequired');
    if (!isIsoDate(values.targetOn)) errors.targetOn = t('plan.stepForm.targetRequired');
    // A step already done or dropped keeps its date when a review moves the start later.
    else if (values.targetOn < startsOn && values.status !== 'done' && values.status !== 'dropped')
      errors.targetOn = t('plan.stepForm.targetBeforeStart', { date: formatDate(calendarDate(startsOn)) });
    else if (values.targetOn > horizon)
      errors.targetOn = t('plan.stepForm.targetBeyondHorizon', { date: formatDate(calendarDate(horizon)) });
    if (values.status === 'dropped' && !values.droppedReason.trim())
      errors.droppedReason = t('plan.stepForm.reasonRequired');
    return errors;
  };

  const form = useForm<StepValues>({ mode: 'controlled', initialValues: toValues(step), validate });
  const { values } = form;
  const submit = form.onSubmit((checked) => onSave(toStep(checked)));

  return (
    <Modal
      opened
      onClose={onClose}
      title={step ? t('plan.stepForm.editTitle') : t('plan.stepForm.addTitle')}
      closeButtonProps={{ 'aria-label': t('plan.close') }}
      size="lg"
    >
      <form
        onSubmit={submit}
        noValidate
        aria-label={step ? t('plan.stepForm.editTitle') : t('plan.stepForm.addTitle')}
      >
        <Stack gap="md">
          <Text size="sm">{t('plan.stepForm.forGoal', { goal: goalText })}</Text>
          <Textarea
            label={t('plan.stepForm.what')}
            description={t('plan.stepForm.whatHelp')}
            autosize
            minRows={2}
            required
            data-autofocus
            {...form.getInputProps('what')}
          />
          <Stack gap={6}>
            <Text id={whoId} fw={500} size="sm">
              {t('plan.stepForm.who')}
            </Text>
            <SegmentedControl
              aria-labelledby={whoId}
              data={OWNER_KINDS.map((kind) => ({ value: kind, label: ownerKinds[kind] }))}
              size="md"
              fullWidth
              {...form.getInputProps('owner.kind')}
            />
            {values.owner.kind === 'staff' && (
              <Select
                label={t('plan.stepForm.member')}
                data={team.map((person) => ({ value: person.id, label: person.displayName }))}
                searchable
                required
                nothingFoundMessage={t('plan.stepForm.nobody')}
                {...form.getInputProps('owner.userId')}
              />
            )}
            {values.owner.kind === 'partner' && (
              <TextInput
                label={t('plan.stepForm.partnerName')}
                description={t('plan.stepForm.partnerHelp')}
                required
                {...form.getInputProps('owner.partnerName')}
              />
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('plan.stepForm.targetOn')}
              max={horizon}
              required
              {...form.getInputProps('targetOn')}
            />
            <Select
              label={t('plan.stepForm.status')}
              data={STEP_STATUSES.map((status) => ({ value: status, label: statuses[status] }))}
              allowDeselect={false}
              required
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          {values.status === 'dropped' && (
            <Textarea
              label={t('plan.stepForm.droppedReason')}
              autosize
              minRows={2}
              required
              {...form.getInputProps('droppedReason')}
            />
          )}
          <Checkbox.Group label={t('plan.stepForm.supports')} {...form.getInputProps('supports')}>
            <Group gap="lg" mt="xs">
              {STEP_SUPPORTS.map((support) => (
                <Checkbox key={support} value={support} label={supports[support]} size="md" />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{step ? t('plan.stepForm.save') : t('plan.stepForm.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
