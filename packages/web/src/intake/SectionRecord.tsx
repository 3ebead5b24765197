/**
 * A section's structured record in the section drawer: her answers in readable form, and an
 * Edit button per part that opens the same form as the intake. A save names the version it
 * started from; when someone else saved first, nothing is overwritten and the message shows
 * what changed, with a button to load the saved version.
 */
import {
  isRecordSection,
  type RecordSection,
  type StepValues,
  stepsOfSection,
  type TRecordConflict,
  type TSectionRecord,
} from '@cope/contracts';
import type { IntakeStep, Section } from '@cope/domain';
import { Alert, Box, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { conflictOf, saveSectionRecord, sectionRecordQuery } from './api';
import { STEP_FIELDS, useFieldLabels, useValueFormatter } from './display';
import { PhoneNotice } from './fields/ContactFields';
import { StepForm } from './StepForm';
import { useStepLabels } from './steps';

export function SectionRecord({
  participantId,
  section,
  canEdit,
}: {
  participantId: string;
  section: Section;
  canEdit: boolean;
}) {
  if (!isRecordSection(section)) return null;
  return <RecordPanel participantId={participantId} section={section} canEdit={canEdit} />;
}

function StepAnswers({
  step,
  values,
  concealed,
}: {
  step: IntakeStep;
  values: object | undefined;
  concealed: readonly string[];
}) {
  const { t } = useTranslation();
  const label = useFieldLabels();
  const format = useValueFormatter();
  if (!values) {
    return (
      <Text size="sm" c="dark.4">
        {t('intake.record.stepEmpty')}
      </Text>
    );
  }
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      {STEP_FIELDS[step].map((field) => {
        const path = `${step}.${field}`;
        const text = format(path, (values as Record<string, unknown>)[field]);
        const hidden = concealed.includes(path);
        return (
          <div key={field}>
            <Text component="dt" size="xs" c="dark.4" fw={500}>
              {label(path)}
            </Text>
            <Box component="dd" m={0} mt={2}>
              {hidden ? (
                <Text size="sm" c="dark.4" fs="italic">
                  {t('intake.record.concealed')}
                </Text>
              ) : text ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {text}
                </Text>
              ) : (
                <Text size="sm" c="dark.4" fs="italic">
                  {t('intake.record.notGiven')}
                </Text>
              )}
            </Box>
          </div>
        );
      })}
    </SimpleGrid>
  );
}

function ConflictMessage({ conflict, onReload }: { conflict: TRecordConflict; onReload: () => void }) {
  const { t } = useTranslation();
  const label = useFieldLabels();
  const format = useValueFormatter();
  const formatDate = useDateFormatter();
  return (
    <Alert color="red" variant="light" title={t('intake.record.conflictTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">
          {conflict.savedBy && conflict.savedAt
            ? t('intake.record.conflictBy', { name: conflict.savedBy, date: formatDate(conflict.savedAt) })
            : t('intake.record.conflictSomeone')}
        </Text>
        {conflict.changes.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('intake.record.conflictChanges')}
            </Text>
            <List size="sm" spacing={2}>
              {conflict.changes.map((change) => (
                <List.Item key={change.field}>
                  {label(change.field)}: {format(change.field, change.theirs) || t('intake.record.notGiven')}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Group>
          <Button size="xs" onClick={onReload}>
            {t('intake.record.reload')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function RecordPanel({
  participantId,
  section,
  canEdit,
}: {
  participantId: string;
  section: RecordSection;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const steps = useStepLabels();
  const formatDate = useDateFormatter();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const query = sectionRecordQuery(participantId, section);
  const record = useQuery(query);
  const [editing, setEditing] = useState<{ step: IntakeStep; base: TSectionRecord } | null>(null);
  const [conflict, setConflict] = useState<TRecordConflict | null>(null);
  const [saved, setSaved] = useState(false);
  // Her legal name, birth date and address, once asked for (audited by the server).
  const [revealed, setRevealed] = useState<TSectionRecord | null>(null);
  const [revealError, setRevealError] = useState<unknown>(null);

  if (record.isPending) return <LoadingState minHeight={80} />;
  if (record.isError) {
    return <ErrorState message={errorMessage(record.error)} onRetry={() => void record.refetch()} />;
  }
  const current = revealed && revealed.version === record.data.version ? revealed : record.data;
  // Editing her identity or contact needs the concealed answers, or saving would blank them.
  const needsReveal = (step: IntakeStep) =>
    section === 'identity' && (step === 'person' || step === 'contact');
  const fetchBase = (step: IntakeStep) =>
    queryClient.fetchQuery({
      ...sectionRecordQuery(participantId, section, needsReveal(step)),
      staleTime: 0,
    });

  const reveal = async () => {
    setRevealError(null);
    try {
      setRevealed(await fetchBase('person'));
    } catch (error) {
      setRevealError(error);
    }
  };

  const startEditing = async (step: IntakeStep) => {
    setSaved(false);
    setConflict(null);
    setRevealError(null);
    try {
      setEditing({ step, base: needsReveal(step) ? await fetchBase(step) : current });
    } catch (error) {
      setRevealError(error);
    }
  };

  const reload = async () => {
    if (!editing) return;
    const fresh = await fetchBase(editing.step);
    setConflict(null);
    setEditing({ step: editing.step, base: fresh });
  };

  return (
    <Paper withBorder radius="md" p="md" mb="md" component="section" aria-labelledby={`record-${section}`}>
      <Text fw={600} id={`record-${section}`} component="h3" fz="md">
        {t('intake.record.title')}
      </Text>
      <Text size="xs" c="dark.4" mb="sm">
        {current.updatedAt && current.updatedBy && !current.erased
          ? t('intake.record.savedBy', {
              name: current.updatedBy.displayName,
              date: formatDate(current.updatedAt),
            })
          : t('intake.record.nothingYet')}
      </Text>
      {current.concealed.length > 0 && (
        <Group gap="sm" mb="sm" align="center">
          <Button size="xs" variant="outline" onClick={() => void reveal()}>
            {t('intake.record.reveal')}
          </Button>
          <Text size="xs" c="dark.4">
            {t('intake.record.revealHelp')}
          </Text>
        </Group>
      )}
      {revealError !== null && (
        <Text c="red.8" size="sm" role="alert" mb="sm">
          {errorMessage(revealError)}
        </Text>
      )}
      {saved && !editing && (
        <Text size="sm" c="teal.9" role="status" mb="sm">
          {t('intake.record.saved')}
        </Text>
      )}
      {current.erased ? (
        <Text size="sm" c="dark.4">
          {t('intake.record.erased')}
        </Text>
      ) : (
        <Stack gap="lg">
          {stepsOfSection(section).map((step) => (
            <Stack key={step} gap="xs">
              <Group justify="space-between" gap="xs">
                <Text fw={600} size="sm" component="h4" m={0}>
                  {steps[step].title}
                </Text>
                {canEdit && editing?.step !== step && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPencil size={14} aria-hidden="true" />}
                    onClick={() => void startEditing(step)}
                    aria-label={t('intake.record.editStep', { step: steps[step].title })}
                  >
                    {t('intake.record.edit')}
                  </Button>
                )}
              </Group>
              {step === 'contact' && <PhoneNotice />}
              {editing?.step === step ? (
                <>
                  {conflict && <ConflictMessage conflict={conflict} onReload={() => void reload()} />}
                  <StepForm
                    key={`${step}-${editing.base.version}`}
                    step={step}
                    initial={editing.base.data[step] as StepValues[typeof step] | undefined}
                    birthDate={editing.base.data.person?.birthDate || null}
                    fieldPrefix={`data.${step}.`}
                    onSave={async (values) => {
                      const next = await saveSectionRecord(participantId, section, {
                        version: editing.base.version,
                        data: { [step]: values },
                      });
                      // What she just saved stays shown to her; the plain view is concealed again.
                      setRevealed(next.concealed.length === 0 && needsReveal(step) ? next : null);
                      await queryClient.invalidateQueries({
                        queryKey: ['participants', 'record', participantId],
                      });
                      await queryClient.invalidateQueries({
                        queryKey: ['participants', 'detail', participantId],
                      });
                      setEditing(null);
                      setSaved(true);
                    }}
                    onOtherError={(error) => {
                      const details = isApiError(error) ? conflictOf(error) : null;
                      if (details) setConflict(details);
                      return details !== null;
                    }}
                    actions={(saving) => (
                      <Group justify="flex-end" gap="sm">
                        <Button variant="default" onClick={() => setEditing(null)}>
                          {t('intake.record.cancel')}
                        </Button>
                        <Button type="submit" loading={saving}>
                          {t('intake.record.save')}
                        </Button>
                      </Group>
                    )}
                  />
                </>
              ) : (
                <StepAnswers step={step} values={current.data[step]} concealed={current.concealed} />
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
