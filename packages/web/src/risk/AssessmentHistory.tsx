/**
 * Her assessments, newest first: when, by whom, the level and how it was reached. Opening one
 * shows every answer with its note, what the level rests on, and the reasons for any judgment.
 */
import type { TRiskAssessment, TRiskAssessmentSummary } from '@cope/contracts';
import { RISK_FACTORS } from '@cope/domain';
import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { RiskBadge, useDateFormatter, useRiskLabels } from '../participants/labels';
import { assessmentQuery } from './api';
import {
  calendarDate,
  FACTOR_GROUP,
  type FactorGroup,
  useAnswerLabels,
  useFactorLabels,
  useGroupLabels,
  useOverrideLabels,
} from './labels';

export function AssessmentHistory({
  participantId,
  assessments,
}: {
  participantId: string;
  assessments: TRiskAssessmentSummary[];
}) {
  const { t } = useTranslation();
  const formatDate = useDateFormatter();
  const overrides = useOverrideLabels();
  const [open, setOpen] = useState<TRiskAssessmentSummary | null>(null);
  if (assessments.length === 0) return <Text size="sm">{t('risk.history.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
            {t('risk.history.caption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('risk.history.date')}</Table.Th>
              <Table.Th scope="col">{t('risk.history.by')}</Table.Th>
              <Table.Th scope="col">{t('risk.history.level')}</Table.Th>
              <Table.Th scope="col">{t('risk.history.judgment')}</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">{t('risk.history.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessments.map((assessment) => (
              <Table.Tr key={assessment.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(calendarDate(assessment.assessedOn))}
                </Table.Td>
                <Table.Td>{assessment.assessedBy.displayName}</Table.Td>
                <Table.Td>
                  <RiskBadge level={assessment.level} />
                </Table.Td>
                <Table.Td>{overrides[assessment.override]}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setOpen(assessment)}
                    aria-label={t('risk.history.openNamed', {
                      date: formatDate(calendarDate(assessment.assessedOn)),
                    })}
                  >
                    {t('risk.history.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open && (
        <Modal
          opened
          onClose={() => setOpen(null)}
          size="lg"
          title={t('risk.history.detailTitle', { date: formatDate(calendarDate(open.assessedOn)) })}
          closeButtonProps={{ 'aria-label': t('risk.history.close') }}
        >
          <AssessmentDetail participantId={participantId} assessmentId={open.id} />
        </Modal>
      )}
    </>
  );
}

function AssessmentDetail({ participantId, assessmentId }: { participantId: string; assessmentId: string }) {
  const errorMessage = useErrorMessage();
  const detail = useQuery(assessmentQuery(participantId, assessmentId));
  if (detail.isPending) return <LoadingState minHeight={120} />;
  if (detail.isError) return <ErrorState message={errorMessage(detail.error)} onRetry={detail.refetch} />;
  return <AssessmentContent assessment={detail.data} />;
}

const GROUPS: FactorGroup[] = ['harm', 'exposure', 'vulnerability'];

function AssessmentContent({ assessment: a }: { assessment: TRiskAssessment }) {
  const { t } = useTranslation();
  const levels = useRiskLabels();
  const factors = useFactorLabels();
  const answers = useAnswerLabels();
  const groups = useGroupLabels();
  const overrides = useOverrideLabels();
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('risk.history.levels', {
          computed: levels[a.computedLevel],
          level: levels[a.level],
          version: a.ruleVersion,
          points: a.points,
        })}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          {t('risk.history.judgment')}:
        </Text>{' '}
        {overrides[a.override]}
      </Text>
      {a.requestedLevel && (
        <Text size="sm">
          <Text span fw={600}>
            {t('risk.history.requested')}
          </Text>{' '}
          {levels[a.requestedLevel]}
        </Text>
      )}
      {a.overrideReason && (
        <Text size="sm">
          <Text span fw={600}>
            {t('risk.history.overrideReason')}
          </Text>{' '}
          {a.overrideReason}
        </Text>
      )}
      {a.decidedBy && (
        <Text size="sm">
          <Text span fw={600}>
            {t('risk.history.decision', { name: a.decidedBy.displayName })}
          </Text>{' '}
          {a.decisionReason}
        </Text>
      )}
      {a.summary && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600}>
            {t('risk.history.summary')}
          </Text>{' '}
          {a.summary}
        </Text>
      )}
      {GROUPS.map((group) => (
        <Stack key={group} gap={4}>
          <Text component="h3" fz="sm" fw={700} m={0}>
            {groups[group].title}
          </Text>
          <Stack component="dl" gap={4} m={0}>
            {RISK_FACTORS.filter((factor) => FACTOR_GROUP[factor] === group).map((factor) => (
              <div key={factor}>
                <Text component="dt" size="sm">
                  {factors[factor].label}
                </Text>
                <Text component="dd" size="sm" fw={600} ms="md">
                  {answers[a.answers[factor].answer]}
                  {a.answers[factor].note ? ` — ${a.answers[factor].note}` : ''}
                </Text>
              </div>
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
