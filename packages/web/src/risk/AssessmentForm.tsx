/**
 * A new assessment: the two questions and the aggravating vulnerabilities, every factor answered
 * yes / no / not known with an optional note. The level from the rules is shown as she answers
 * (the same rules the server applies); a professional may place her at another level with a
 * reason, and the form says plainly that a lower level waits for a coordinator unless she is one.
 */
import type { TRiskAssessmentSummary } from '@cope/contracts';
import {
  RISK_FACTORS,
  RISK_LEVELS,
  type RiskFactor,
  type RiskLevel,
  scoreRisk,
  type TriState,
} from '@cope/domain';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { localToday } from '../consents/labels';
import { RiskBadge, useRiskLabels } from '../participants/labels';
import { recordAssessment, useInvalidateRisk } from './api';
import { FACTOR_GROUP, type FactorGroup, useAnswerLabels, useFactorLabels, useGroupLabels } from './labels';

const GROUPS: FactorGroup[] = ['harm', 'exposure', 'vulnerability'];
const rank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

type Errors = Partial<Record<string, string>>;

function FactorField({
  factor,
  answer,
  note,
  error,
  onAnswer,
  onNote,
}: {
  factor: RiskFactor;
  answer: TriState | undefined;
  note: string;
  error: string | undefined;
  onAnswer: (value: TriState) => void;
  onNote: (value: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useFactorLabels();
  const answers = useAnswerLabels();
  const { label, hint } = labels[factor];
  return (
    <Paper withBorder radius="md" p="sm">
      <Radio.Group
        label={label}
        description={hint}
        value={answer ?? ''}
        onChange={(value) => onAnswer(value as TriState)}
        error={error}
        required
      >
        <Group gap="lg" mt={6}>
          <Radio value="yes" label={answers.yes} />
          <Radio value="no" label={answers.no} />
          <Radio value="unknown" label={answers.unknown} />
        </Group>
      </Radio.Group>
      <TextInput
        mt="xs"
        size="sm"
        label={t('risk.form.note')}
        aria-label={t('risk.form.noteOn', { factor: label })}
        value={note}
        onChange={(event) => onNote(event.currentTarget.value)}
      />
    </Paper>
  );
}

export function AssessmentForm({
  participantId,
  isCoordinator,
  onSaved,
  onCancel,
}: {
  participantId: string;
  isCoordinator: boolean;
  onSaved: (saved: TRiskAssessmentSummary) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateRisk();
  const factorLabels = useFactorLabels();
  const groups = useGroupLabels();
  const levels = useRiskLabels();
  const [answers, setAnswers] = useState<Partial<Record<RiskFactor, TriState>>>({});
  const [notes, setNotes] = useState<Partial<Record<RiskFactor, string>>>({});
  const [assessedOn, setAssessedOn] = useState(localToday());
  const [otherLevel, setOtherLevel] = useState(false);
  const [level, setLevel] = useState<RiskLevel | null>(null);
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const problems = useRef<HTMLDivElement>(null);

  const score = useMemo(() => scoreRisk(answers), [answers]);
  const answered = RISK_FACTORS.filter((factor) => answers[factor]).length;
  const chosen = otherLevel && level ? level : null;
  // What the level rests on so far: only what was answered, heaviest first.
  const restsOn = score.reasons.filter((reason) => answers[reason.factor]).slice(0, 3);
  const lowering = chosen !== null && rank(chosen) < rank(score.level);

  const save = useMutation({
    mutationFn: () =>
      recordAssessment(participantId, {
        assessedOn,
        answers: Object.fromEntries(
          RISK_FACTORS.map((factor) => [factor, { answer: answers[factor], note: notes[factor] ?? '' }]),
        ) as Parameters<typeof recordAssessment>[1]['answers'],
        level: chosen,
        overrideReason: chosen ? reason : '',
        summary,
      }),
    onSuccess: async (saved) => {
      await invalidate();
      onSaved(saved);
    },
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      const next: Errors = {};
      for (const issue of error.details) {
        const [head, factor] = issue.field.split('.');
        next[head === 'answers' && factor ? factor : issue.field] = issue.message;
      }
      setErrors(next);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    for (const factor of RISK_FACTORS) if (!answers[factor]) next[factor] = t('risk.form.answerRequired');
    if (!assessedOn) next.assessedOn = t('risk.form.dateRequired');
    if (otherLevel && !level) next.level = t('risk.form.levelRequired');
    if (chosen && chosen !== score.level && reason.trim().length === 0) {
      next.overrideReason = t('risk.form.reasonRequired');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      problems.current?.focus();
      return;
    }
    save.mutate();
  };

  const missing = RISK_FACTORS.filter((factor) => errors[factor]).length;
  const otherFailure =
    save.isError && !isApiError(save.error, 'VALIDATION_FAILED') ? errorMessage(save.error) : null;

  return (
    <form onSubmit={submit} noValidate aria-label={t('risk.form.title')}>
      <Stack gap="lg">
        <div ref={problems} tabIndex={-1} style={{ outline: 'none' }}>
          {Object.keys(errors).length > 0 && (
            <Alert color="red" variant="light" role="alert" title={t('risk.form.problemsTitle')}>
              {missing > 0 ? t('risk.form.missingAnswers', { count: missing }) : t('risk.form.problems')}
            </Alert>
          )}
        </div>
        <TextInput
          type="date"
          label={t('risk.form.assessedOn')}
          value={assessedOn}
          max={localToday()}
          onChange={(event) => setAssessedOn(event.currentTarget.value)}
          error={errors.assessedOn}
          required
          w={{ base: '100%', sm: 240 }}
        />
        <Text size="sm">{t('risk.form.unknownHelp')}</Text>

        {GROUPS.map((group) => (
          <Stack key={group} gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={600} fz="md" mb={4}>
              {groups[group].title}
            </Text>
            <Text size="sm" c="dark.5" mt={-4}>
              {groups[group].hint}
            </Text>
            {RISK_FACTORS.filter((factor) => FACTOR_GROUP[factor] === group).map((factor) => (
              <FactorField
                key={factor}
                factor={factor}
                answer={answers[factor]}
                note={notes[factor] ?? ''}
                error={errors[factor]}
                onAnswer={(value) => {
                  setAnswers((current) => ({ ...current, [factor]: value }));
                  setErrors(({ [factor]: _answered, ...rest }) => rest);
                }}
                onNote={(value) => setNotes((current) => ({ ...current, [factor]: value }))}
              />
            ))}
          </Stack>
        ))}

        {/* Stays in sight at the bottom of the screen while she answers. */}
        <Paper
          withBorder
          radius="md"
          p="md"
          bg="gray.0"
          style={{ position: 'sticky', bottom: 0, zIndex: 2, boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.08)' }}
        >
          <Group gap="sm" align="center" aria-live="polite" aria-atomic="true">
            <Text fw={600}>{t('risk.form.computed')}</Text>
            <RiskBadge level={score.level} />
          </Group>
          <Text size="sm" mt={6}>
            {t('risk.form.answered', { answered, total: RISK_FACTORS.length })}
            {answered < RISK_FACTORS.length && ` ${t('risk.form.unansweredCount')}`}
          </Text>
          {restsOn.length > 0 && (
            <Text size="sm" mt={4}>
              {t('risk.form.restsOn', {
                factors: restsOn.map((reason) => factorLabels[reason.factor].label).join('; '),
              })}
            </Text>
          )}
        </Paper>

        <Stack gap="sm">
          <Checkbox
            label={t('risk.form.otherLevel')}
            description={isCoordinator ? t('risk.form.otherLevelCoordinator') : t('risk.form.otherLevelHelp')}
            checked={otherLevel}
            onChange={(event) => setOtherLevel(event.currentTarget.checked)}
          />
          {otherLevel && (
            <>
              <Select
                label={t('risk.form.level')}
                data={RISK_LEVELS.map((value) => ({ value, label: levels[value] }))}
                value={level}
                onChange={(value) => setLevel(RISK_LEVELS.find((l) => l === value) ?? null)}
                error={errors.level}
                allowDeselect={false}
                required
                w={{ base: '100%', sm: 240 }}
              />
              {lowering && (
                <Text size="sm" fw={600}>
                  {isCoordinator ? t('risk.form.lowerNow') : t('risk.form.lowerWaits')}
                </Text>
              )}
              <Textarea
                label={t('risk.form.reason')}
                description={t('risk.form.reasonHelp')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={errors.overrideReason}
                autosize
                minRows={2}
                required
              />
            </>
          )}
        </Stack>

        <Textarea
          label={t('risk.form.summary')}
          description={t('risk.form.summaryHelp')}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
          error={errors.summary}
          autosize
          minRows={3}
        />
        {otherFailure && (
          <Text c="red.8" size="sm" role="alert">
            {otherFailure}
          </Text>
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('risk.form.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('risk.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
