/**
 * One intake step as a form, used by the intake wizard and to edit a section record later.
 * Checked in the browser with the schema the server uses; the server's field errors land on the
 * same fields.
 */
import { arrivalDateProblem, STEP_SCHEMAS, type StepValues, todayIso, ZJourneyStep } from '@cope/contracts';
import type { IntakeStep } from '@cope/domain';
import { Stack, Text } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useMemo, useState } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ContactFields } from './fields/ContactFields';
import { FamilyFields } from './fields/FamilyFields';
import { JourneyFields } from './fields/JourneyFields';
import { LanguagesFields } from './fields/LanguagesFields';
import { LegalFields } from './fields/LegalFields';
import { PersonFields } from './fields/PersonFields';
import { ScreeningFields } from './fields/ScreeningFields';
import { EMPTY_STEPS } from './steps';

function schemaFor(step: IntakeStep, birthDate: string | null): z.ZodType {
  if (step !== 'journey' || !birthDate) return STEP_SCHEMAS[step];
  // Her birth date is known here: the arrival cannot be before it (the server checks it too).
  return ZJourneyStep.superRefine((values, ctx) => {
    const problem = arrivalDateProblem(values.arrivalDate, birthDate, todayIso());
    if (problem) ctx.addIssue({ code: 'custom', path: ['arrivalDate'], message: problem });
  });
}

function Fields({ step, form }: { step: IntakeStep; form: UseFormReturnType<StepValues[IntakeStep]> }) {
  // Each case narrows the form to its step's values; the step decides which values it holds.
  const as = <S extends IntakeStep>() => form as unknown as UseFormReturnType<StepValues[S]>;
  switch (step) {
    case 'person':
      return <PersonFields form={as<'person'>()} />;
    case 'languages':
      return <LanguagesFields form={as<'languages'>()} />;
    case 'journey':
      return <JourneyFields form={as<'journey'>()} />;
    case 'legal':
      return <LegalFields form={as<'legal'>()} />;
    case 'family':
      return <FamilyFields form={as<'family'>()} />;
    case 'contact':
      return <ContactFields form={as<'contact'>()} />;
    case 'screening':
      return <ScreeningFields form={as<'screening'>()} />;
  }
}

export interface StepFormProps<S extends IntakeStep> {
  step: S;
  initial: StepValues[S] | undefined;
  /** Her birth date, when known, for the arrival-date check. */
  birthDate?: string | null;
  /** Saves the checked values; throws the ApiError of a refusal. */
  onSave: (values: StepValues[S]) => Promise<unknown>;
  /** Prefix of the server's field names for this form ("data.journey." for section records). */
  fieldPrefix?: string;
  /** Errors the caller shows itself (e.g. a conflict); return true when handled. */
  onOtherError?: (error: unknown) => boolean;
  /** The buttons, given whether a save is under way. */
  actions: (saving: boolean) => ReactNode;
  id?: string;
}

export function StepForm<S extends IntakeStep>({
  step,
  initial,
  birthDate = null,
  onSave,
  fieldPrefix = '',
  onOtherError,
  actions,
  id,
}: StepFormProps<S>) {
  const errorMessage = useErrorMessage();
  const schema = useMemo(() => schemaFor(step, birthDate), [step, birthDate]);
  const form = useForm<StepValues[IntakeStep]>({
    mode: 'controlled',
    initialValues: structuredClone(initial ?? EMPTY_STEPS[step]),
    validate: zod4Resolver(schema),
  });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    setFailure(null);
    try {
      await onSave(schema.parse(values) as StepValues[S]);
    } catch (error) {
      const fieldIssues = isApiError(error, 'VALIDATION_FAILED')
        ? error.details.filter((issue) => issue.field.startsWith(fieldPrefix) && issue.field !== fieldPrefix)
        : [];
      if (fieldIssues.length > 0) {
        for (const issue of fieldIssues)
          form.setFieldError(issue.field.slice(fieldPrefix.length), issue.message);
      } else if (!onOtherError?.(error)) {
        setFailure(error);
      }
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate id={id}>
      <Stack gap="lg">
        <Fields step={step} form={form} />
        {failure !== null && (
          <Text c="red.8" size="sm" role="alert">
            {isApiError(failure) && failure.code === 'VALIDATION_FAILED'
              ? failure.message
              : errorMessage(failure)}
          </Text>
        )}
        {actions(saving)}
      </Stack>
    </form>
  );
}
