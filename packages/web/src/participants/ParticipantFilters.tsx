import { CASE_STATUSES, LEGAL_SITUATIONS, RISK_LEVELS, SPHERES, type Sphere } from '@cope/domain';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { staffDirectoryQuery } from '../case-team/api';
import { useLegalSituationLabels } from '../case-team/labels';
import { useSphereLabels } from '../itinerary/spheres';
import { useRiskLabels, useStatusLabels } from './labels';
import { hasFilters, type ListFilters, NO_FILTERS } from './list-params';

const ALL = 'all';

interface Props {
  filters: ListFilters;
  /** The server lets this person filter by legal situation (coordinators, lawyers). */
  legalFilter: boolean;
  /**
   * The spheres she may filter on by "needing attention" (the organization's matrix for reviews
   * and for each sphere's section); empty: the filter is not offered.
   */
  attentionSpheres: readonly Sphere[];
  onChange: (filters: Partial<ListFilters>) => void;
}

const width = { base: '100%', xs: 220 };

export function ParticipantFilters({ filters, legalFilter, attentionSpheres, onChange }: Props) {
  const { t } = useTranslation();
  const statusLabels = useStatusLabels();
  const riskLabels = useRiskLabels();
  const legalLabels = useLegalSituationLabels();
  const sphereLabels = useSphereLabels();
  const directory = useQuery(staffDirectoryQuery);
  const statusData = [
    { value: ALL, label: t('participants.allStatuses') },
    ...CASE_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
  ];
  const riskData = [
    { value: ALL, label: t('participants.allRiskLevels') },
    ...RISK_LEVELS.map((value) => ({ value, label: riskLabels[value] })),
  ];
  const referenceData = [
    { value: ALL, label: t('caseTeam.list.anyReference') },
    ...(directory.data?.items ?? [])
      .filter((person) => person.canBeReference || person.id === filters.referenceUserId)
      .map((person) => ({ value: person.id, label: person.displayName })),
  ];
  const legalData = [
    { value: ALL, label: t('caseTeam.list.anyLegalSituation') },
    ...LEGAL_SITUATIONS.map((value) => ({ value, label: legalLabels[value] })),
  ];
  const attentionData = [
    { value: ALL, label: t('needs.list.attentionAll') },
    { value: 'any', label: t('needs.list.attentionAny') },
    ...attentionSpheres.map((value) => ({ value, label: sphereLabels[value] })),
  ];

  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Select
        label={t('participants.status')}
        data={statusData}
        value={filters.status ?? ALL}
        onChange={(value) => onChange({ status: CASE_STATUSES.find((s) => s === value) ?? null })}
        allowDeselect={false}
        w={width}
      />
      <Select
        label={t('participants.riskLevel')}
        data={riskData}
        value={filters.riskLevel ?? ALL}
        onChange={(value) => onChange({ riskLevel: RISK_LEVELS.find((r) => r === value) ?? null })}
        allowDeselect={false}
        w={width}
      />
      <Select
        label={t('participants.referenceProfessional')}
        data={referenceData}
        value={filters.referenceUserId ?? ALL}
        onChange={(value) => onChange({ referenceUserId: value && value !== ALL ? value : null })}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('caseTeam.list.nobodyFound')}
        w={width}
      />
      {legalFilter && (
        <Select
          label={t('caseTeam.list.legalSituation')}
          data={legalData}
          value={filters.legalSituation ?? ALL}
          onChange={(value) =>
            onChange({ legalSituation: LEGAL_SITUATIONS.find((s) => s === value) ?? null })
          }
          allowDeselect={false}
          w={width}
        />
      )}
      <TextInput
        type="date"
        label={t('caseTeam.list.dueBy')}
        value={filters.dueBy ?? ''}
        onChange={(event) => onChange({ dueBy: event.currentTarget.value || null })}
        w={width}
      />
      {attentionSpheres.length > 0 && (
        <Select
          label={t('needs.list.attention')}
          data={attentionData}
          value={filters.attention ?? ALL}
          onChange={(value) =>
            onChange({ attention: ([...SPHERES, 'any'] as const).find((s) => s === value) ?? null })
          }
          allowDeselect={false}
          w={width}
        />
      )}
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden="true" />}
          onClick={() => onChange(NO_FILTERS)}
        >
          {t('participants.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
