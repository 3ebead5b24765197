/**
 * Opening a case: a conversation with her in short steps, each saved as a draft when moving on.
 * Back keeps everything typed. The first step creates the case (/participants/new); later visits
 * resume it (/participants/:id/intake). The last step records her consent to record keeping,
 * without which the intake cannot be completed.
 */
import { INTAKE_ROLES, type StepValues, type TIntakeDraft, type TPossibleDuplicates } from '@cope/contracts';
import { INTAKE_STEPS, type IntakeStep } from '@cope/domain';
import { Alert, Anchor, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMessageCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useErrorMessage } from '../api/use-error-message';
import { meQuery } from '../auth/api';
import { NotAllowedPage } from '../layout/NotFoundPage';
import { PageHeader } from '../layout/PageHeader';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { intakeDraftQuery, openCase, saveIntakeStep } from './api';
import { ConsentStep } from './ConsentStep';
import { DuplicatesWarning } from './Duplicates';
import { StepForm } from './StepForm';
import { useStepLabels } from './steps';

export function IntakePage() {
  const { participantId } = useParams();
  const me = useQuery(meQuery);
  if (!me.data) return <LoadingState />;
  if (!me.data.user.roles.some((role) => INTAKE_ROLES.includes(role))) return <NotAllowedPage />;
  return participantId ? (
    <ResumeIntake key={participantId} participantId={participantId} />
  ) : (
    <IntakeWizard key="new" draft={null} />
  );
}

function ResumeIntake({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const draft = useQuery(intakeDraftQuery(participantId));
  if (draft.isPending) return <LoadingState />;
  if (draft.isError) {
    return (
      <>
        <PageHeader title={t('intake.page.resumeTitleShort')} />
        <ErrorState message={errorMessage(draft.error)} onRetry={() => void draft.refetch()} />
      </>
    );
  }
  if (draft.data.status !== 'intake') {
    return (
      <>
        <PageHeader title={t('intake.page.resumeTitle', { caseCode: draft.data.caseCode })} />
        <Paper withBorder radius="lg" p="xl" maw={640}>
          <Text mb="md">{t('intake.page.alreadyComplete')}</Text>
          <Anchor component={Link} to={`/participants/${participantId}`}>
            {t('intake.page.toCase')}
          </Anchor>
        </Paper>
      </>
    );
  }
  return <IntakeWizard draft={draft.data} />;
}

interface WizardState {
  step?: number;
  duplicates?: TPossibleDuplicates;
}

function readState(state: unknown): WizardState {
  return typeof state === 'object' && state !== null ? (state as WizardState) : {};
}

function IntakeWizard({ draft }: { draft: TIntakeDraft | null }) {
  const { t } = useTranslation();
  const labels = useStepLabels();
  const navigate = useNavigate();
  const location = useLocation();
  const wide = useMediaQuery('(min-width: 62em)');
  const arrived = readState(location.state);
  const savedAtStart = new Set<IntakeStep>(draft?.savedSteps ?? []);
  const firstOpen = INTAKE_STEPS.findIndex((step) => !savedAtStart.has(step));
  const [active, setActive] = useState(
    arrived.step ?? (draft ? (firstOpen === -1 ? INTAKE_STEPS.length : firstOpen) : 0),
  );
  const [duplicates, setDuplicates] = useState<TPossibleDuplicates | null>(arrived.duplicates ?? null);
  const [birthDate, setBirthDate] = useState<string | null>(draft?.steps.person?.birthDate || null);
  const total = INTAKE_STEPS.length + 1;

  const save = async <S extends IntakeStep>(step: S, index: number, values: StepValues[S]) => {
    if (!draft) {
      const created = await openCase(values as StepValues['person']);
      navigate(`/participants/${created.id}/intake`, {
        replace: true,
        state: { step: 1, duplicates: created.duplicates } satisfies WizardState,
      });
      return;
    }
    const saved = await saveIntakeStep(draft.id, step, values);
    if (saved.duplicates) setDuplicates(saved.duplicates);
    if (step === 'person') setBirthDate((values as StepValues['person']).birthDate || null);
    setActive(index + 1);
  };

  const back = (index: number) => (
    <Button variant="default" onClick={() => setActive(index - 1)} disabled={index === 0}>
      {t('intake.page.back')}
    </Button>
  );

  const heading = (index: number, title: string) => (
    <Title order={2} size="h4" mb="xs">
      {t('intake.page.stepOf', { current: index + 1, total, title })}
    </Title>
  );

  return (
    <>
      <PageHeader
        title={draft ? t('intake.page.resumeTitle', { caseCode: draft.caseCode }) : t('intake.page.newTitle')}
        documentTitle={t('intake.page.documentTitle')}
      />
      <Stack gap="md" maw={880}>
        <Alert
          color="petrol"
          variant="light"
          role="note"
          icon={<IconMessageCircle size={18} aria-hidden="true" />}
        >
          <Text size="sm">{t('intake.page.conversation')}</Text>
        </Alert>
        <DuplicatesWarning duplicates={duplicates} />
        <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
          <Stepper
            active={active}
            onStepClick={setActive}
            allowNextStepsSelect={false}
            keepMounted
            size="sm"
            wrap
          >
            {INTAKE_STEPS.map((step, index) => (
              <Stepper.Step
                key={step}
                label={wide ? labels[step].title : undefined}
                aria-label={labels[step].title}
              >
                {heading(index, labels[step].title)}
                <Text size="sm" c="dark.5" mb="md">
                  {labels[step].description}
                </Text>
                {draft?.restrictedSteps.includes(step) ? (
                  <Stack gap="md">
                    <Text size="sm">{t('intake.page.restrictedStep')}</Text>
                    <Group justify="space-between">
                      {back(index)}
                      <Button onClick={() => setActive(index + 1)}>{t('intake.page.skip')}</Button>
                    </Group>
                  </Stack>
                ) : (
                  <StepForm
                    step={step}
                    initial={draft?.steps[step] as StepValues[typeof step] | undefined}
                    birthDate={birthDate}
                    onSave={(values) => save(step, index, values)}
                    actions={(saving) => (
                      <Group justify="space-between">
                        {back(index)}
                        <Button type="submit" loading={saving}>
                          {draft || index > 0 ? t('intake.page.saveNext') : t('intake.page.openCase')}
                        </Button>
                      </Group>
                    )}
                  />
                )}
              </Stepper.Step>
            ))}
            <Stepper.Step
              label={wide ? t('intake.steps.consent') : undefined}
              aria-label={t('intake.steps.consent')}
            >
              {heading(INTAKE_STEPS.length, t('intake.steps.consent'))}
              {draft ? (
                <ConsentStep
                  participantId={draft.id}
                  caseCode={draft.caseCode}
                  consentOnFile={draft.recordKeepingConsent}
                  back={back(INTAKE_STEPS.length)}
                />
              ) : null}
            </Stepper.Step>
          </Stepper>
        </Paper>
      </Stack>
    </>
  );
}
