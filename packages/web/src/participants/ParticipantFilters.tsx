import { CASE_STATUSES, type CaseStatus, RISK_LEVELS, type RiskLevel } from '@cope/domain';
import { Button, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRiskLabels, useStatusLabels } from './labels';

const ALL = 'all';

interface Props {
  status: CaseStatus | null;
  riskLevel: RiskLevel | null;
  onChange: (filters: { status: CaseStatus | null; riskLevel: RiskLevel | null }) => void;
}

export function ParticipantFilters({ status, riskLevel, onChange }: Props) {
  const { t } = useTranslation();
  const statusLabels = useStatusLabels();
  const riskLabels = useRiskLabels();
  const statusData = [
    { value: ALL, label: t('participants.allStatuses') },
    ...CASE_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
  ];
  const riskData = [
    { value: ALL, label: t('participants.allRiskLevels') },
    ...RISK_LEVELS.map((value) => ({ value, label: riskLabels[value] })),
  ];
  const filtered = status !== null || riskLevel !== null;

  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Select
        label={t('participants.status')}
        data={statusData}
        value={status ?? ALL}
        onChange={(value) => onChange({ status: CASE_STATUSES.find((s) => s === value) ?? null, riskLevel })}
        allowDeselect={false}
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('participants.riskLevel')}
        data={riskData}
        value={riskLevel ?? ALL}
        onChange={(value) => onChange({ status, riskLevel: RISK_LEVELS.find((r) => r === value) ?? null })}
        allowDeselect={false}
        w={{ base: '100%', xs: 240 }}
      />
      {filtered && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden="true" />}
          onClick={() => onChange({ status: null, riskLevel: null })}
        >
          {t('participants.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
