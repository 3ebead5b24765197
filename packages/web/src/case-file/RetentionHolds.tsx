/**
 * Retention holds on her file: reasons it must be kept (open legal proceedings…) and cannot be
 * erased until an administrator clears them. Her reference professional or a coordinator places
 * one; the note is stored in clear, so the form asks for no names.
 */
import { type TParticipantDetail, type TRetentionHold, ZRetentionHoldRequest } from '@cope/contracts';
import { RETENTION_HOLD_REASONS, type RetentionHoldReason } from '@cope/domain';
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { holdsQuery, placeHold } from './api';
import { ClearHoldModal } from './ClearHoldModal';
import { useHoldReasonLabels } from './labels';

export function HoldItem({
  hold,
  onClear,
  showCase = false,
}: {
  hold: TRetentionHold;
  onClear?: () => void;
  /** Lists across cases name the case (by code only). */
  showCase?: boolean;
}) {
  const { t } = useTranslation();
  const reasons = useHoldReasonLabels();
  const formatDate = useDateFormatter();
  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 240px' }}>
          {showCase && (
            <Text size="sm">
              {t('caseFile.review.case')}{' '}
              <Text span ff="monospace" fw={600} inherit>
                {hold.caseCode}
              </Text>
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{reasons[hold.reason]}</Text>
            <Badge
              variant="outline"
              bg={hold.active ? '#fff4d1' : '#eef0f2'}
              c={hold.active ? '#5c3d00' : '#343a40'}
              style={{ borderColor: hold.active ? '#e8c765' : '#ced4da' }}
            >
              {hold.active ? t('caseFile.holds.active') : t('caseFile.holds.cleared')}
            </Badge>
          </Group>
          {hold.note && <Text size="sm">{hold.note}</Text>}
          <Text size="sm" c="dark.4">
            {t('caseFile.holds.placed', { name: hold.createdBy, date: formatDate(hold.createdAt) })}
          </Text>
          {hold.clearedAt && (
            <Text size="sm" c="dark.4">
              {t('caseFile.holds.clearedBy', {
                name: hold.clearedBy ?? '—',
                date: formatDate(hold.clearedAt),
                reason: hold.clearedReason ?? '',
              })}
            </Text>
          )}
        </Stack>
        {onClear && hold.active && (
          <Button variant="default" onClick={onClear}>
            {t('caseFile.holds.clear')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function PlaceHoldModal({
  participantId,
  opened,
  onClose,
  onPlaced,
}: {
  participantId: string;
  opened: boolean;
  onClose: () => void;
  onPlaced: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const reasons = useHoldReasonLabels();
  const [reason, setReason] = useState<RetentionHoldReason | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const messages = { reason: t('caseFile.holds.reasonError'), note: t('caseFile.holds.noteError') };

  const place = useMutation({
    mutationFn: () => placeHold(participantId, { reason: reason ?? 'other', note: note.trim() || undefined }),
    onSuccess: async () => {
      setReason(null);
      setNote('');
      onPlaced();
      await queryClient.invalidateQueries({ queryKey: holdsQuery(participantId).queryKey });
    },
    onError: (error) => {
      if (!isApiError(error, 'VALIDATION_FAILED')) return;
      setErrors({
        reason: error.fieldIssue('reason') ? messages.reason : undefined,
        note: error.fieldIssue('note') ? messages.note : undefined,
      });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZRetentionHoldRequest.safeParse({
      reason: reason ?? undefined,
      note: note.trim() || undefined,
    });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setErrors({
        reason: fields.has('reason') ? messages.reason : undefined,
        note: fields.has('note') ? messages.note : undefined,
      });
      return;
    }
    setErrors({});
    place.mutate();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('caseFile.holds.addTitle')}
      closeButtonProps={{ 'aria-label': t('caseFile.holds.cancel') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('caseFile.holds.addIntro')}</Text>
          <Select
            label={t('caseFile.holds.reasonLabel')}
            data={RETENTION_HOLD_REASONS.map((value) => ({ value, label: reasons[value] }))}
            value={reason}
            onChange={(value) => setReason(value as RetentionHoldReason | null)}
            required
            error={errors.reason}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('caseFile.holds.noteLabel')}
            description={t('caseFile.holds.noteHelp')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            required={reason === 'other'}
            error={errors.note}
          />
          {place.isError && !isApiError(place.error, 'VALIDATION_FAILED') && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(place.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('caseFile.holds.cancel')}
            </Button>
            <Button type="submit" loading={place.isPending}>
              {t('caseFile.holds.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RetentionHolds({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const holds = useQuery(holdsQuery(participant.id));
  const [adding, setAdding] = useState(false);
  const [clearing, setClearing] = useState<TRetentionHold | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      mt="lg"
      component="section"
      aria-labelledby="holds-title"
    >
      <Text fw={600} fz="lg" component="h2" id="holds-title">
        {t('caseFile.holds.title')}
      </Text>
      <Text size="sm" c="dark.5" mt={4} mb="md">
        {t('caseFile.holds.intro')}
      </Text>
      {holds.isPending && <LoadingState />}
      {holds.isError && (
        <ErrorState message={errorMessage(holds.error)} onRetry={() => void holds.refetch()} />
      )}
      {holds.data?.items.length === 0 && <Text c="dark.4">{t('caseFile.holds.none')}</Text>}
      {holds.data && holds.data.items.length > 0 && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {holds.data.items.map((hold) => (
            <HoldItem
              key={hold.id}
              hold={hold}
              onClear={participant.abilities.retentionClear ? () => setClearing(hold) : undefined}
            />
          ))}
        </Stack>
      )}
      {done && (
        <Text role="status" mt="md" c="teal.9">
          {done}
        </Text>
      )}
      {participant.abilities.retentionHold && (
        <Button variant="default" mt="md" onClick={() => setAdding(true)}>
          {t('caseFile.holds.add')}
        </Button>
      )}
      <PlaceHoldModal
        participantId={participant.id}
        opened={adding}
        onClose={() => setAdding(false)}
        onPlaced={() => {
          setAdding(false);
          setDone(t('caseFile.holds.placedDone'));
        }}
      />
      <ClearHoldModal
        hold={clearing}
        onClose={() => setClearing(null)}
        onCleared={() => {
          setClearing(null);
          setDone(t('caseFile.clear.done'));
        }}
      />
    </Paper>
  );
}
