/**
 * Her needs (integration itinerary): her own ranking of what matters most, then the fourteen
 * spheres in their fixed order, each opening on its form beside "What helps". Whether the
 * viewer may open her needs section is decided here from the access the server computed:
 * without it no needs request is made (each would be a refusal on record). Leaving the part
 * while a sphere's form holds something not saved asks first (one guard for all the spheres).
 */
import type { TNeedsOverview, TParticipantDetail, TSphereNeeds } from '@cope/contracts';
import { BASIC_NEED_SPHERES, type Sphere, unmetBasicNeedSources } from '@cope/domain';
import { Accordion, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { LeaveGuard } from '../itinerary/LeaveGuard';
import { useSphereLabels } from '../itinerary/spheres';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { needsQuery } from './api';
import { PrioritiesEditor } from './PrioritiesEditor';
import { SphereCard } from './SphereCard';

export function NeedsPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const full = participant.sections.some((s) => s.section === 'needs' && s.access === 'full');
  if (!full) {
    return <ErrorState tone="info" title={t('needs.panel.title')} message={t('needs.panel.noAccess')} />;
  }
  return <NeedsContent participantId={participant.id} />;
}

function NeedsContent({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const overview = useQuery(needsQuery(participantId));
  const headingId = useId();

  if (overview.isPending) return <LoadingState />;
  if (overview.isError) {
    // Access ended since the case was loaded (a share withdrawn): said plainly, not as an error.
    if (isApiError(overview.error, 'FORBIDDEN')) {
      return <ErrorState tone="info" title={t('needs.panel.title')} message={t('needs.panel.noAccess')} />;
    }
    return <ErrorState message={errorMessage(overview.error)} onRetry={() => void overview.refetch()} />;
  }

  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <div>
        <Text component="h2" id={headingId} fz="lg" fw={600} m={0}>
          {t('needs.panel.title')}
        </Text>
        <Text size="sm" c="dark.5" maw={720}>
          {t('needs.panel.intro')}
        </Text>
      </div>
      <PrioritiesEditor
        participantId={participantId}
        priorities={overview.data.priorities}
        canEdit={overview.data.abilities.edit}
      />
      <SphereList participantId={participantId} overview={overview.data} />
    </Stack>
  );
}

function SphereList({ participantId, overview }: { participantId: string; overview: TNeedsOverview }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState<Sphere | null>(null);
  // Spheres opened so far keep their form (and anything typed) when another one is opened.
  const [visited, setVisited] = useState<ReadonlySet<Sphere>>(new Set());
  // Spheres whose form holds something not saved: leaving the part asks first.
  const [unsaved, setUnsaved] = useState<ReadonlySet<Sphere>>(new Set());
  const onUnsaved = useCallback((sphere: Sphere, now: boolean) => {
    setUnsaved((current) => {
      if (current.has(sphere) === now) return current;
      const next = new Set(current);
      if (now) next.add(sphere);
      else next.delete(sphere);
      return next;
    });
  }, []);
  const names = useSphereLabels();
  // Only a sphere open to the viewer is marked, judged on its own values (health care is two
  // spheres: only the one that shows the gap is marked). A closed sphere is never marked: the
  // server sends only the needs she may know of, and a mark would say which closed sphere holds one.
  const flagged = new Set(overview.unmetBasicNeeds);
  const unmet = (sphere: TSphereNeeds) =>
    sphere.access === 'full' &&
    sphere.situation !== null &&
    unmetBasicNeedSources({ [sphere.sphere]: sphere.situation }).some(
      (source) => source.sphere === sphere.sphere && flagged.has(source.need),
    );

  return (
    <section aria-labelledby={headingId}>
      <LeaveGuard
        dirty={unsaved.size > 0}
        texts={{
          title: t('needs.leave.title'),
          message: t('needs.leave.message', {
            spheres: overview.spheres
              .filter((item) => unsaved.has(item.sphere))
              .map((item) => names[item.sphere])
              .join(', '),
          }),
          stay: t('needs.leave.stay'),
          leave: t('needs.leave.leave'),
          close: t('needs.leave.close'),
        }}
      />
      <Text component="h3" id={headingId} fz="md" fw={600} m={0} mb="xs">
        {t('needs.panel.spheres')}
      </Text>
      <Accordion
        variant="separated"
        radius="md"
        order={4}
        value={open}
        onChange={(value) => {
          const sphere = overview.spheres.find((item) => item.sphere === value)?.sphere ?? null;
          setOpen(sphere);
          if (sphere) setVisited((current) => new Set(current).add(sphere));
        }}
      >
        {overview.spheres.map((sphere) => {
          const rank = overview.priorities.indexOf(sphere.sphere);
          return (
            <SphereCard
              key={sphere.sphere}
              participantId={participantId}
              sphere={sphere}
              canEdit={overview.abilities.edit}
              basic={BASIC_NEED_SPHERES.includes(sphere.sphere)}
              unmet={unmet(sphere)}
              rank={rank >= 0 ? rank + 1 : null}
              opened={visited.has(sphere.sphere)}
              onUnsaved={onUnsaved}
            />
          );
        })}
      </Accordion>
    </section>
  );
}
