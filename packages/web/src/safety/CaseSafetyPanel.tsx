/**
 * The case's safety tab: the level in force and her assessments with the risk management plan,
 * the places recorded for her against the organization's risk areas, and her incident log.
 * Whether the viewer may open her safety section is decided once, here, from the access the
 * server computed: without it no safety request is made (each would be a refusal on record).
 */
import type { TParticipantDetail } from '@cope/contracts';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IncidentsPanel } from '../incidents/IncidentsPanel';
import { ErrorState } from '../layout/PageStates';
import { RiskPanel } from '../risk/RiskPanel';
import { PlacesPanel } from '../risk-areas/PlacesPanel';

export function CaseSafetyPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const full = participant.sections.some((s) => s.section === 'safety' && s.access === 'full');
  if (!full) {
    return <ErrorState tone="info" title={t('risk.panel.title')} message={t('risk.panel.noAccess')} />;
  }
  return (
    <Stack gap="xl">
      <RiskPanel participant={participant} />
      <PlacesPanel participant={participant} />
      <IncidentsPanel participant={participant} />
    </Stack>
  );
}
