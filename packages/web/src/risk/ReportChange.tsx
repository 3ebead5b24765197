/**
 * "Report a change": she moved, started testifying, was contacted… Her assessment becomes out of
 * date at once and a reassessment falls due today for her reference professional.
 */
import { REPORTABLE_CHANGES, type ReportableChange } from '@cope/contracts';
import { Button, Group, Select, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/use-error-message';
import { reportChange, useInvalidateRisk } from './api';
import { useTriggerLabels } from './labels';

export function ReportChange({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const labels = useTriggerLabels();
  const invalidate = useInvalidateRisk();
  const [kind, setKind] = useState<ReportableChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const report = useMutation({
    mutationFn: (change: ReportableChange) => reportChange(participantId, change),
    onSuccess: async (_status, change) => {
      setDone(t('risk.change.done', { what: labels[change] }));
      setKind(null);
      await invalidate();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setDone('');
        if (!kind) {
          setError(t('risk.change.required'));
          return;
        }
        setError(null);
        report.mutate(kind);
      }}
      noValidate
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('risk.change.label')}
          description={t('risk.change.help')}
          placeholder={t('risk.change.placeholder')}
          data={REPORTABLE_CHANGES.map((value) => ({ value, label: labels[value] }))}
          value={kind}
          onChange={(value) => setKind(REPORTABLE_CHANGES.find((c) => c === value) ?? null)}
          error={error}
          w={{ base: '100%', sm: 420 }}
        />
        <Button type="submit" variant="default" loading={report.isPending}>
          {t('risk.change.submit')}
        </Button>
      </Group>
      {report.isError && (
        <Text c="red.8" size="sm" mt={4} role="alert">
          {errorMessage(report.error)}
        </Text>
      )}
      <Text size="sm" mt={4} role="status">
        {done}
      </Text>
    </form>
  );
}
