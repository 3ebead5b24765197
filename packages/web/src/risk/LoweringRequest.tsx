/**
 * A lowering someone asked for. Everyone sees that it waits for a coordinator and that the
 * level from the rules holds meanwhile; a coordinator reads the reason given and decides, with
 * a reason of her own: confirm the lower level, or keep the level.
 */
import { type TRiskAssessmentSummary, ZLoweringDecision } from '@cope/contracts';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useDateFormatter, useRiskLabels } from '../participants/labels';
import { assessmentQuery, decideLowering, useInvalidateRisk } from './api';
import { calendarDate } from './labels';

export function LoweringRequest({
  participantId,
  assessment,
  canDecide,
}: {
  participantId: string;
  assessment: TRiskAssessmentSummary;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const levels = useRiskLabels();
  const formatDate = useDateFormatter();
  const headingId = useId();
  const requested = assessment.requestedLevel;
  return (
    <Paper withBorder radius="md" p="md" bg="yellow.0" component="section" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Text fw={600} id={headingId}>
          {t('risk.lowering.waiting')}
        </Text>
        <Text size="sm">
          {t('risk.lowering.asked', {
            name: assessment.assessedBy.displayName,
            date: formatDate(calendarDate(assessment.assessedOn)),
            from: levels[assessment.level],
            to: requested ? levels[requested] : '',
          })}
        </Text>
        <Text size="sm">{t('risk.lowering.meanwhile', { level: levels[assessment.level] })}</Text>
        {canDecide && <Decision participantId={participantId} assessment={assessment} />}
      </Stack>
    </Paper>
  );
}

function Decision({
  participantId,
  assessment,
}: {
  participantId: string;
  assessment: TRiskAssessmentSummary;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateRisk();
  const detail = useQuery(assessmentQuery(participantId, assessment.id));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (confirm: boolean) => decideLowering(participantId, assessment.id, { confirm, reason }),
    onSuccess: invalidate,
  });
  const submit = (confirm: boolean) => {
    const parsed = ZLoweringDecision.safeParse({ confirm, reason });
    if (!parsed.success) {
      setError(t('risk.lowering.reasonRequired'));
      return;
    }
    setError(null);
    decide.mutate(confirm);
  };
  const serverIssue = isApiError(decide.error) ? decide.error.fieldIssue('reason')?.message : undefined;
  return (
    <Stack gap="xs" mt="xs">
      {detail.data?.overrideReason && (
        <Text size="sm">
          <Text span fw={600}>
            {t('risk.lowering.theirReason')}
          </Text>{' '}
          {detail.data.overrideReason}
        </Text>
      )}
      <Textarea
        label={t('risk.lowering.yourReason')}
        description={t('risk.lowering.yourReasonHelp')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={2}
        required
        error={error ?? serverIssue}
      />
      {decide.isError && !serverIssue && (
        <Text c="red.8" size="sm" role="alert">
          {errorMessage(decide.error)}
        </Text>
      )}
      <Group gap="sm">
        <Button onClick={() => submit(true)} loading={decide.isPending && decide.variables === true}>
          {t('risk.lowering.confirm')}
        </Button>
        <Button
          variant="default"
          onClick={() => submit(false)}
          loading={decide.isPending && decide.variables === false}
        >
          {t('risk.lowering.keep')}
        </Button>
      </Group>
    </Stack>
  );
}
