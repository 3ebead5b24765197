/** One sphere over her reviews: the professional's rating and her own, by date. */
import type { TRound } from '@cope/contracts';
import { isSphere, type ScaleStep, SPHERES, type Sphere } from '@cope/domain';
import { LineChart } from '@mantine/charts';
import { Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDayFormatter } from '../itinerary/dates';
import { useSphereLabels } from '../itinerary/spheres';
import { useStepLabels } from './labels';

export function SphereTimeline({ rounds, initial }: { rounds: TRound[]; initial?: Sphere }) {
  const { t } = useTranslation();
  const labels = useSphereLabels();
  const steps = useStepLabels();
  const formatDay = useDayFormatter();
  const [sphere, setSphere] = useState<Sphere>(initial ?? 'housing');
  const rows = rounds.map((round) => ({
    id: round.id,
    date: formatDay(round.heldOn),
    professional: (round.professional?.[sphere]?.step ?? null) as ScaleStep | null,
    reason: round.professional?.[sphere]?.reason ?? '',
    self: (round.self?.[sphere]?.step ?? null) as ScaleStep | null,
  }));
  const cell = (step: ScaleStep | null) => (step ? `${step} · ${steps[step]}` : t('monitoring.charts.none'));

  return (
    <Stack gap="sm">
      <Select
        label={t('monitoring.timeline.sphere')}
        data={SPHERES.map((value) => ({ value, label: labels[value] }))}
        value={sphere}
        onChange={(value) => isSphere(value) && setSphere(value)}
        allowDeselect={false}
        maw={360}
      />
      {rounds.length > 1 ? (
        // The table below carries the same numbers for screen readers.
        <div aria-hidden="true">
          <LineChart
            h={240}
            data={rows}
            dataKey="date"
            series={[
              { name: 'professional', label: t('monitoring.timeline.yours'), color: 'petrol.7' },
              {
                name: 'self',
                label: t('monitoring.timeline.hers'),
                color: 'orange.8',
                strokeDasharray: '6 4',
              },
            ]}
            curveType="linear"
            connectNulls
            withLegend
            yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5], allowDecimals: false }}
            accessibilityLayer={false}
          />
        </div>
      ) : (
        <Text size="sm">{t('monitoring.timeline.onlyOne')}</Text>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder>
          <Table.Caption>{t('monitoring.timeline.caption', { sphere: labels[sphere] })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('monitoring.timeline.date')}</Table.Th>
              <Table.Th scope="col">{t('monitoring.timeline.yours')}</Table.Th>
              <Table.Th scope="col">{t('monitoring.timeline.why')}</Table.Th>
              <Table.Th scope="col">{t('monitoring.timeline.hers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" fw={500}>
                  {row.date}
                </Table.Th>
                <Table.Td>{cell(row.professional)}</Table.Td>
                <Table.Td>{row.reason}</Table.Td>
                <Table.Td>{cell(row.self)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
