/**
 * The case's integration itinerary tab: her needs across the fourteen spheres, her plan, and her
 * progress (monitoring). The open part lives in the address (?tab=itinerary&part=plan).
 */
import type { TParticipantDetail } from '@cope/contracts';
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MonitoringPanel } from '../monitoring/MonitoringPanel';
import { NeedsPanel } from '../needs/NeedsPanel';
import { PlanPanel } from '../plan/PlanPanel';

const PARTS = ['needs', 'plan', 'progress'] as const;
type Part = (typeof PARTS)[number];

function usePart(): [Part, (part: Part) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('part');
  const part = (PARTS as readonly string[]).includes(value ?? '') ? (value as Part) : 'needs';
  const setPart = (next: Part) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set('part', next);
        return copy;
      },
      { replace: true, preventScrollReset: true },
    );
  return [part, setPart];
}

export function ItineraryPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const [part, setPart] = usePart();
  return (
    <Tabs
      value={part}
      onChange={(value) => value && setPart(value as Part)}
      keepMounted={false}
      variant="pills"
    >
      <Tabs.List mb="md" aria-label={t('itinerary.partsLabel')}>
        <Tabs.Tab value="needs">{t('itinerary.parts.needs')}</Tabs.Tab>
        <Tabs.Tab value="plan">{t('itinerary.parts.plan')}</Tabs.Tab>
        <Tabs.Tab value="progress">{t('itinerary.parts.progress')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="needs">
        <NeedsPanel participant={participant} />
      </Tabs.Panel>
      <Tabs.Panel value="plan">
        <PlanPanel participant={participant} />
      </Tabs.Panel>
      <Tabs.Panel value="progress">
        <MonitoringPanel participant={participant} />
      </Tabs.Panel>
    </Tabs>
  );
}
