/**
 * One sphere's needs: her situation (the structured fields and a note), what she says she needs
 * in her own words, and the needs the professional identifies, kept visibly apart. Saved from
 * the version read: when a colleague saved in between, the form shows what they saved and keeps
 * what was typed here, ready to put back. Whether anything here is not saved yet (changed since
 * the version last read or saved, or kept aside after a colleague's save) is told to `onUnsaved`,
 * so the needs part can ask before it is left.
 */
import type { TSphereNeeds } from '@cope/contracts';
import { NEEDS_FIELDS, type Sphere } from '@cope/domain';
import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { useSphereLabels } from '../itinerary/spheres';
import { needsQuery, saveSphere, useInvalidateNeeds } from './api';
import { ConflictNotice, type ConflictState } from './ConflictNotice';
import { SituationFields } from './SituationFields';
import {
  changedFields,
  type Draft,
  type DraftProblem,
  draftFrom,
  draftProblems,
  mergeDrafts,
  TEXT_FIELDS,
  TEXT_MAX,
  toSave,
} from './sphere-draft';

type Errors = Partial<Record<string, string>>;

export function SphereForm({
  participantId,
  sphere,
  onUnsaved,
}: {
  participantId: string;
  sphere: TSphereNeeds;
  /** Told whether this form holds something not saved; told `false` when the form goes. */
  onUnsaved?: (sphere: Sphere, unsaved: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateNeeds();
  const name = useSphereLabels()[sphere.sphere];
  const [draft, setDraft] = useState<Draft>(() => draftFrom(sphere));
  // The saved version this form started from: what was changed here is measured against it.
  const [base, setBase] = useState<Draft>(() => draftFrom(sphere));
  const [version, setVersion] = useState(sphere.version);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const problemsRef = useRef<HTMLParagraphElement>(null);

  const problemText = useProblemText(sphere.sphere);

  const unsaved = conflict !== null || changedFields(sphere.sphere, base, draft).length > 0;
  useEffect(() => {
    onUnsaved?.(sphere.sphere, unsaved);
  }, [onUnsaved, sphere.sphere, unsaved]);
  useEffect(() => () => onUnsaved?.(sphere.sphere, false), [onUnsaved, sphere.sphere]);

  const save = useMutation({
    mutationFn: (body: { draft: Draft; version: number; base: Draft }) =>
      saveSphere(participantId, sphere.sphere, toSave(sphere.sphere, body.draft, body.version)),
    onSuccess: async (saved) => {
      setVersion(saved.version);
      setDraft(draftFrom(saved));
      setBase(draftFrom(saved));
      setStatus(t('needs.form.saved', { sphere: name }));
      await invalidate();
    },
    onError: async (error, sent) => {
      if (isApiError(error, 'VALIDATION_FAILED')) {
        const next: Errors = {};
        for (const issue of error.details) {
          const key = issue.field.startsWith('situation.')
            ? issue.field.slice('situation.'.length)
            : issue.field;
          next[key] = issue.message;
        }
        setErrors(next);
        return;
      }
      if (!isApiError(error, 'CONFLICT')) return;
      // Show what the colleague saved; keep what was typed here to put back on request. If that
      // cannot be read now, the refusal stays on screen as a plain message.
      const latest = await queryClient
        .fetchQuery({ ...needsQuery(participantId), staleTime: 0 })
        .catch(() => null);
      const theirs = latest?.spheres.find((item) => item.sphere === sphere.sphere);
      if (!theirs) return;
      setConflict({ base: sent.base, mine: sent.draft, theirs, details: error.rawDetails });
      setDraft(draftFrom(theirs));
      setBase(draftFrom(theirs));
      setVersion(theirs.version);
      save.reset();
    },
  });

  const edit = (change: (current: Draft) => Draft, field: string) => {
    setDraft(change);
    setStatus('');
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    for (const problem of draftProblems(sphere.sphere, draft)) next[problem.field] = problemText(problem);
    setErrors(next);
    setStatus('');
    if (Object.keys(next).length > 0) {
      problemsRef.current?.focus();
      return;
    }
    save.mutate({ draft, version, base });
  };

  const otherFailure =
    save.isError && !isApiError(save.error, 'VALIDATION_FAILED') ? errorMessage(save.error) : null;
  const fieldErrors = Object.keys(errors).length;
  // A refusal the server tied to no field of this form is said in words at the top.
  const placed = new Set<string>([...NEEDS_FIELDS[sphere.sphere].map((field) => field.key), ...TEXT_FIELDS]);
  const unplaced = Object.entries(errors)
    .filter(([key]) => !placed.has(key))
    .map(([, message]) => message);

  return (
    <form onSubmit={submit} noValidate aria-label={t('needs.form.label', { sphere: name })}>
      <Stack gap="md">
        {conflict && (
          <ConflictNotice
            sphere={sphere.sphere}
            conflict={conflict}
            onReapply={() => {
              setDraft(mergeDrafts(sphere.sphere, conflict.base, conflict.mine, draftFrom(conflict.theirs)));
              setConflict(null);
              setStatus(t('needs.form.reapplied'));
            }}
            onKeepTheirs={() => setConflict(null)}
          />
        )}
        <Text
          ref={problemsRef}
          tabIndex={-1}
          role={fieldErrors > 0 ? 'alert' : undefined}
          c="red.8"
          size="sm"
          fw={600}
          style={{ outline: 'none' }}
          hidden={fieldErrors === 0}
        >
          {fieldErrors > 0 ? [t('needs.form.problems'), ...unplaced].join(' ') : ''}
        </Text>
        <SituationFields
          sphere={sphere.sphere}
          situation={draft.situation}
          errors={errors}
          onChange={(key, value) =>
            edit((current) => ({ ...current, situation: { ...current.situation, [key]: value } }), key)
          }
        />
        <Textarea
          label={t('needs.form.situationNote')}
          description={t('needs.form.situationNoteHelp')}
          value={draft.situationNote}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((current) => ({ ...current, situationNote: value }), 'situationNote');
          }}
          error={errors.situationNote}
          autosize
          minRows={2}
          maxRows={10}
        />
        <Textarea
          label={t('needs.form.herWords')}
          description={t('needs.form.herWordsHelp')}
          value={draft.herWords}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((current) => ({ ...current, herWords: value }), 'herWords');
          }}
          error={errors.herWords}
          autosize
          minRows={2}
          maxRows={10}
        />
        <Textarea
          label={
            <Group gap={8} component="span" wrap="nowrap" style={{ display: 'inline-flex' }}>
              {t('needs.form.professionalNeeds')}
              <Badge variant="outline" color="gray" size="sm" c="dark.6" component="span">
                {t('needs.form.professionalBadge')}
              </Badge>
            </Group>
          }
          description={t('needs.form.professionalNeedsHelp')}
          value={draft.professionalNeeds}
          onChange={(e) => {
            const value = e.currentTarget.value;
            edit((current) => ({ ...current, professionalNeeds: value }), 'professionalNeeds');
          }}
          error={errors.professionalNeeds}
          autosize
          minRows={2}
          maxRows={10}
          styles={{ input: { borderStyle: 'dashed' } }}
        />
        {otherFailure && (
          <Text c="red.8" size="sm" role="alert">
            {otherFailure}
          </Text>
        )}
        <Group gap="md" align="center">
          <Button type="submit" loading={save.isPending}>
            {t('needs.form.save', { sphere: name })}
          </Button>
          <Text size="sm" c="teal.9" fw={500} role="status">
            {status}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

function useProblemText(sphere: Sphere): (problem: DraftProblem) => string {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (problem) => {
    switch (problem.problem) {
      case 'too_long':
        return t('needs.form.tooLong', { max: number(TEXT_MAX) });
      case 'not_an_option':
        return t('needs.form.notAnOption');
      case 'not_a_date':
        return t('needs.form.notADate');
      case 'not_a_number':
        return t('needs.form.notANumber');
      case 'out_of_range': {
        const field = NEEDS_FIELDS[sphere].find((candidate) => candidate.key === problem.field);
        return field?.kind === 'number'
          ? t('needs.form.outOfRange', { min: number(field.min), max: number(field.max) })
          : t('needs.form.notANumber');
      }
      default:
        return t('needs.form.unknownField');
    }
  };
}
