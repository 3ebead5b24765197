/**
 * Her progress as a star: the fourteen spheres around, steps 1 (crisis, at the centre) to 5
 * outwards. Two comparisons: her first review against the latest (the professional's ratings),
 * and her own view against the professional's in the latest review. A sphere left without a step
 * is a gap in its line, never a point at the centre, and is named under the chart. The same
 * numbers can be read as a table.
 */
import type { TRound } from '@cope/contracts';
import { type ScaleStep, SPHERES, type Sphere } from '@cope/domain';
import { RadarChart } from '@mantine/charts';
import { SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDayFormatter } from '../itinerary/dates';
import { useSphereLabels } from '../itinerary/spheres';
import { useShortSphereLabels, useStepLabels } from './labels';
import { GappedRadarShape } from './radar-shape';

type View = 'time' | 'views';
type Series = 'first' | 'latest' | 'self';

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
  // On a phone the star is smaller, so the sphere names around it stay on screen.
  const narrow = useMediaQuery('(max-width: 36em)');
  const first = rounds[0];
  const latest = rounds.at(-1);
  if (!first || !latest) return null;
  const several = rounds.length > 1;
  const herRating = latest.self !== null && !latest.selfDeclined;

  // A sphere without a step stays null: a gap in its line, not a point at "crisis".
  const data = SPHERES.map((sphere) => ({
    sphere: short[sphere],
    first: stepOf(first, 'professional', sphere),
    latest: stepOf(latest, 'professional', sphere),
    self: stepOf(latest, 'self', sphere),
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
  const notRated = series.flatMap((item) => {
    const spheres = SPHERES.filter((_, index) => data[index]?.[item.name as Series] === null);
    return spheres.length > 0
      ? [{ name: item.name, label: item.label, spheres: spheres.map((sphere) => full[sphere]).join(', ') }]
      : [];
  });

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
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        maw={520}
      />
      {view === 'time' && !several && <Text size="sm">{t('monitoring.charts.onlyOne')}</Text>}
      {view === 'views' && !herRating && <Text size="sm">{t('monitoring.charts.noSelf')}</Text>}
      <div role="img" aria-label={t('monitoring.charts.radarLabel')} data-testid="progress-radar">
        <RadarChart
          h={narrow ? 340 : 420}
          radarChartProps={{ outerRadius: narrow ? '58%' : '80%' }}
          data={data}
          dataKey="sphere"
          series={series}
          withLegend
          withPolarRadiusAxis
          // Steps 1 (the centre) to 5; the numbers run between the first sphere and the last,
          // clear of their names.
          polarRadiusAxisProps={{
            type: 'number',
            domain: [1, 5],
            ticks: [1, 2, 3, 4, 5],
            allowDataOverflow: true,
            angle: 90 + 180 / SPHERES.length,
          }}
          radarProps={(item) => ({
            strokeWidth: 2,
            strokeDasharray: item.name === 'latest' ? undefined : '6 4',
            shape: GappedRadarShape,
          })}
          accessibilityLayer={false}
        />
      </div>
      <Text size="sm" c="dark.6">
        {t('monitoring.charts.lines')}
      </Text>
      {notRated.map((item) => (
        <Text key={item.name} size="sm" c="dark.6">
          {t('monitoring.charts.notRated', { series: item.label, spheres: item.spheres })}
        </Text>
      ))}
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
