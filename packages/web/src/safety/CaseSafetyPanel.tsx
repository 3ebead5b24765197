/**
 * The case's safety tab: the level in force and her assessments with the risk management plan,
 * the places recorded for her against the organization's risk areas, and her incident log.
 */
import type { TParticipantDetail } from '@cope/contracts';
import { Stack } from '@mantine/core';
import { IncidentsPanel } from '../incidents/IncidentsPanel';
import { RiskPanel } from '../risk/RiskPanel';
import { PlacesPanel } from '../risk-areas/PlacesPanel';

export function CaseSafetyPanel({ participant }: { participant: TParticipantDetail }) {
  return (
    <Stack gap="xl">
      <RiskPanel participant={participant} />
      <PlacesPanel participant={participant} />
      <IncidentsPanel participant={participant} />
    </Stack>
  );
}
