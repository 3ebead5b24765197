/**
 * Her progress as a star: the fourteen spheres around, steps 1 to 5 outwards. Two comparisons:
 * her first review against the latest (the professional's ratings), and her own view against the
 * professional's in the latest review. The same numbers can be read as a table.
 */
import type { TRound } from '@cope/contracts';
import { type ScaleStep, SPHERES, type Sphere } from '@cope/domain';
import { RadarChart } from '@mantine/charts';
import { SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSphereLabels } from '../itinerary/spheres';
import { useDayFormatter, useShortSphereLabels, useStepLabels } from './labels';

type View = 'time' | 'views';

const stepOf = (round: TRound | undefined, rater: 'professional' | 'self', sphere: Sphere) =>
  (round?.[rater]?.[sphere]?.step ?? null) as ScaleStep | null;

/** `rounds`: her complete rounds, oldest first (at least one). */
export function ProgressCharts({ rounds }: { rounds: TRound[] }) {
  const { t } = useTranslation();
  const short = useShortSphereLabels();
  const full = useSphereLabels();
  const steps = useStepLabels();
  const formatDay = useDayFormatter();
  const [view, setView] = useState<View>('time');
  const [asTable, setAsTable] = useState(false);
  const first = rounds[0];
  const latest = rounds.at(-1);
  if (!first || !latest) return null;
  const several = rounds.length > 1;
  const herRating = latest.self !== null && !latest.selfDeclined;

  const data = SPHERES.map((sphere) => ({
    sphere: short[sphere],
    first: stepOf(first, 'professional', sphere) ?? 0,
    latest: stepOf(latest, 'professional', sphere) ?? 0,
    self: stepOf(latest, 'self', sphere) ?? 0,
  }));
  const firstLabel = t('monitoring.charts.firstSeries', { date: formatDay(first.heldOn) });
  const latestLabel = t('monitoring.charts.latestSeries', { date: formatDay(latest.heldOn) });
  const selfLabel = t('monitoring.charts.selfSeries', { date: formatDay(latest.heldOn) });
  const series =
    view === 'time'
      ? [
          ...(several ? [{ name: 'first', label: firstLabel, color: 'gray.6' }] : []),
          { name: 'latest', label: latestLabel, color: 'petrol.7', opacity: 0.25 },
        ]
      : [
          { name: 'latest', label: latestLabel, color: 'petrol.7', opacity: 0.25 },
          ...(herRating ? [{ name: 'self', label: selfLabel, color: 'orange.8', opacity: 0.15 }] : []),
        ];
  const cell = (step: ScaleStep | null) => (step ? `${step} · ${steps[step]}` : t('monitoring.charts.none'));

  return (
    <Stack gap="sm">
      <SegmentedControl
        value={view}
        onChange={(value) => setView(value as View)}
        data={[
          { value: 'time', label: t('monitoring.charts.firstVsLatest') },
          { value: 'views', label: t('monitoring.charts.herVsYours') },
        ]}
        aria-label={t('monitoring.charts.compare')}
        maw={520}
      />
      {view === 'time' && !several && <Text size="sm">{t('monitoring.charts.onlyOne')}</Text>}
      {view === 'views' && !herRating && <Text size="sm">{t('monitoring.charts.noSelf')}</Text>}
      <div role="img" aria-label={t('monitoring.charts.radarLabel')} data-testid="progress-radar">
        <RadarChart
          h={420}
          data={data}
          dataKey="sphere"
          series={series}
          withLegend
          withPolarRadiusAxis
          // The step numbers run between the first sphere and the last, clear of their names.
          polarRadiusAxisProps={{ domain: [0, 5], tickCount: 6, angle: 90 + 180 / SPHERES.length }}
          radarProps={(item) => ({
            strokeWidth: 2,
            strokeDasharray: item.name === 'latest' ? undefined : '6 4',
          })}
          accessibilityLayer={false}
        />
      </div>
      <Text size="sm" c="dark.6">
        {t('monitoring.charts.lines')}
      </Text>
      <Switch
        checked={asTable}
        onChange={(event) => setAsTable(event.currentTarget.checked)}
        label={t('monitoring.charts.showTable')}
      />
      {asTable && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Caption>{t('monitoring.charts.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('monitoring.charts.sphere')}</Table.Th>
                <Table.Th scope="col">{several ? firstLabel : latestLabel}</Table.Th>
                {several && <Table.Th scope="col">{latestLabel}</Table.Th>}
                <Table.Th scope="col">{selfLabel}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SPHERES.map((sphere) => (
                <Table.Tr key={sphere}>
                  <Table.Th scope="row" fw={500}>
                    {full[sphere]}
                  </Table.Th>
                  <Table.Td>{cell(stepOf(first, 'professional', sphere))}</Table.Td>
                  {several && <Table.Td>{cell(stepOf(latest, 'professional', sphere))}</Table.Td>}
                  <Table.Td>{cell(stepOf(latest, 'self', sphere))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
