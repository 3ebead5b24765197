/**
 * Her places on the case's safety tab: home, training venue, workplace, each with a clear flag
 * when it lies inside or near one of the organization's risk areas; places she left are kept in
 * a collapsed history. Those who see her identity see the addresses and the map; the others see
 * the kinds of place and their flags only.
 */
import type { TParticipantDetail, TPlace } from '@cope/contracts';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconMapPin, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { useDateFormatter } from '../participants/labels';
import { endPlace, mapConfigQuery, placesQuery, riskAreasQuery, useInvalidateSafety } from './api';
import { FLAGGED_PLACE_COLOUR, usePlaceKindLabels } from './labels';
import { MapView } from './MapView';
import { type Coordinates, NO_COORDINATES, PlaceForm, pointOf } from './PlaceForm';

function Flags({ place }: { place: TPlace }) {
  const { t } = useTranslation();
  if (place.areaHits.length === 0) {
    return (
      <Text size="sm" c="dark.5">
        {t('riskAreas.places.noFlag')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {place.areaHits.map((hit) => {
        const label = hit.label ?? t('riskAreas.places.removedArea');
        return (
          <Group key={hit.areaId} gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle
              size={18}
              color={FLAGGED_PLACE_COLOUR}
              aria-hidden="true"
              style={{ flexShrink: 0 }}
            />
            <Text size="sm" fw={600} c="red.9">
              {hit.inside
                ? t('riskAreas.places.inside', { label })
                : t('riskAreas.places.near', { label, meters: hit.distanceMeters })}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

function PlaceItem({
  place,
  addressesVisible,
  onEnd,
  ending,
}: {
  place: TPlace;
  addressesVisible: boolean;
  onEnd?: () => void;
  ending: boolean;
}) {
  const { t } = useTranslation();
  const kinds = usePlaceKindLabels();
  const formatDate = useDateFormatter();
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 260px' }}>
          <Group gap="xs">
            <Badge variant="light" color="petrol" leftSection={<IconMapPin size={12} aria-hidden="true" />}>
              {kinds[place.kind]}
            </Badge>
            {addressesVisible && place.label && <Text fw={600}>{place.label}</Text>}
          </Group>
          <Flags place={place} />
          <Text size="xs" c="dark.5">
            {place.endedAt
              ? t('riskAreas.places.recordedEnded', {
                  date: formatDate(place.createdAt),
                  ended: formatDate(place.endedAt),
                  name: place.recordedBy.displayName,
                })
              : t('riskAreas.places.recorded', {
                  date: formatDate(place.createdAt),
                  name: place.recordedBy.displayName,
                })}
          </Text>
        </Stack>
        {onEnd && (
          <Button size="xs" variant="default" onClick={onEnd} loading={ending}>
            {t('riskAreas.places.end')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

export function PlacesPanel({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateSafety();
  const places = useQuery(placesQuery(participant.id));
  const canSeeMap = places.data?.addressesVisible === true;
  const areas = useQuery({ ...riskAreasQuery, enabled: canSeeMap });
  const config = useQuery({ ...mapConfigQuery, enabled: canSeeMap });
  const [adding, setAdding] = useState(false);
  const [coordinates, setCoordinates] = useState<Coordinates>(NO_COORDINATES);
  const [done, setDone] = useState('');
  const end = useMutation({
    mutationFn: (placeId: string) => endPlace(participant.id, placeId),
    onSuccess: async () => {
      await invalidate();
      setDone(t('riskAreas.places.ended'));
    },
  });

  const heading = (
    <div>
      <Title order={2} size="h4">
        {t('riskAreas.places.title')}
      </Title>
      <Text size="sm" c="dark.5" mt={4}>
        {t('riskAreas.places.intro')}
      </Text>
    </div>
  );
  if (places.isPending) return <LoadingState />;
  if (places.isError) {
    if (isApiError(places.error, 'FORBIDDEN')) {
      return (
        <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
          {heading}
          <Text size="sm" mt="md">
            {t('riskAreas.places.noAccess')}
          </Text>
        </Paper>
      );
    }
    return <ErrorState message={errorMessage(places.error)} onRetry={() => void places.refetch()} />;
  }
  const { items, addressesVisible, canRecord } = places.data;
  const current = items.filter((place) => place.endedAt === null);
  const history = items.filter((place) => place.endedAt !== null);
  const picked = adding ? pointOf(coordinates) : null;
  const mapPlaces = current.flatMap((place) =>
    place.point
      ? [
          {
            id: place.id,
            point: place.point,
            title: place.label ?? '',
            flagged: place.areaHits.length > 0,
          },
        ]
      : [],
  );

  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        {heading}
        {canRecord && !adding && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => {
              setDone('');
              setCoordinates(NO_COORDINATES);
              setAdding(true);
            }}
          >
            {t('riskAreas.places.add')}
          </Button>
        )}
      </Group>
      {!addressesVisible && (
        <Text size="sm" mb="md">
          {t('riskAreas.places.addressesHidden')}
        </Text>
      )}
      <Text size="sm" c="teal.9" role="status" mb={done ? 'sm' : 0}>
        {done}
      </Text>
      <Stack gap="md">
        {canSeeMap && config.data && areas.data && (
          <MapView
            config={config.data}
            areas={areas.data.items}
            places={mapPlaces}
            picked={picked}
            onMapClick={
              adding
                ? ([lng, lat]) => setCoordinates({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) })
                : undefined
            }
            label={adding ? t('riskAreas.places.mapPicking') : t('riskAreas.places.mapLabel')}
            height={320}
          />
        )}
        {adding && (
          <PlaceForm
            participantId={participant.id}
            coordinates={coordinates}
            onCoordinatesChange={setCoordinates}
            onCancel={() => setAdding(false)}
            onSaved={(place) => {
              setAdding(false);
              setDone(
                place.areaHits.length > 0 ? t('riskAreas.places.savedFlagged') : t('riskAreas.places.saved'),
              );
            }}
          />
        )}
        {current.length === 0 ? (
          <Text c="dark.5">{t('riskAreas.places.none')}</Text>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('riskAreas.places.currentList')}
          >
            {current.map((place) => (
              <PlaceItem
                key={place.id}
                place={place}
                addressesVisible={addressesVisible}
                onEnd={canRecord ? () => end.mutate(place.id) : undefined}
                ending={end.isPending && end.variables === place.id}
              />
            ))}
          </Stack>
        )}
        {end.isError && (
          <Text c="red.8" size="sm" role="alert">
            {errorMessage(end.error)}
          </Text>
        )}
        {history.length > 0 && (
          <details>
            <summary style={{ cursor: 'pointer', fontWeight: 600 }}>
              {t('riskAreas.places.history', { count: history.length })}
            </summary>
            <Stack component="ul" gap="sm" mt="sm" mb={0} mx={0} p={0} style={{ listStyle: 'none' }}>
              {history.map((place) => (
                <PlaceItem key={place.id} place={place} addressesVisible={addressesVisible} ending={false} />
              ))}
            </Stack>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
