/**
 * Adding a place for her: what kind of place, its address as she gave it, and its point — picked
 * on the map or typed as latitude and longitude (the keyboard way in). There is no address
 * look-up: nothing she says leaves the organization's server.
 */
import type { TPlace } from '@cope/contracts';
import { PLACE_KINDS, type PlaceKind } from '@cope/domain';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { recordPlace, useInvalidateSafety } from './api';
import { usePlaceKindLabels } from './labels';
import type { Point } from './points';

type Field = 'kind' | 'label' | 'point' | 'lat' | 'lng';

/** Latitude and longitude as typed (a string while half-typed, such as "-3."); a click on the map fills both. */
export interface Coordinates {
  lat: number | string;
  lng: number | string;
}

export const NO_COORDINATES: Coordinates = { lat: '', lng: '' };

/** A typed number; a decimal comma is read as a decimal point ("40,412"). Anything else is null. */
const numberOf = (value: number | string): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
};

type CoordinateProblem = 'lat' | 'lng';

/** Which typed coordinate is missing, not a number or off the map. */
function coordinateProblems(coordinates: Coordinates): CoordinateProblem[] {
  const lat = numberOf(coordinates.lat);
  const lng = numberOf(coordinates.lng);
  const problems: CoordinateProblem[] = [];
  if (lat === null || Math.abs(lat) > 90) problems.push('lat');
  if (lng === null || Math.abs(lng) > 180) problems.push('lng');
  return problems;
}

/** The point [longitude, latitude] when both numbers are there and on the map, else null. */
export function pointOf(coordinates: Coordinates): Point | null {
  const lat = numberOf(coordinates.lat);
  const lng = numberOf(coordinates.lng);
  if (lat === null || lng === null) return null;
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? [lng, lat] : null;
}

export interface PlaceFormProps {
  participantId: string;
  coordinates: Coordinates;
  onCoordinatesChange: (coordinates: Coordinates) => void;
  onSaved: (place: TPlace) => void;
  onCancel: () => void;
}

export function PlaceForm({
  participantId,
  coordinates,
  onCoordinatesChange,
  onSaved,
  onCancel,
}: PlaceFormProps) {
  const { t } = useTranslation();
  const kinds = usePlaceKindLabels();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateSafety();
  const [kind, setKind] = useState<PlaceKind>('home');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const save = useMutation({
    mutationFn: (point: Point) => recordPlace(participantId, { kind, label: label.trim(), point }),
    onSuccess: async (place) => {
      await invalidate();
      onSaved(place);
    },
  });
  const serverIssue = (field: Field) =>
    isApiError(save.error) ? save.error.fieldIssue(field)?.message : undefined;
  const fieldError = (field: Field) => errors[field] ?? serverIssue(field);

  const submit = () => {
    const next: Partial<Record<Field, string>> = {};
    if (label.trim().length < 2) next.label = t('riskAreas.placeForm.labelMissing');
    const point = pointOf(coordinates);
    const problems = coordinateProblems(coordinates);
    if (problems.includes('lat')) next.lat = t('riskAreas.placeForm.latitudeInvalid');
    if (problems.includes('lng')) next.lng = t('riskAreas.placeForm.longitudeInvalid');
    if (!point && problems.length === 0) next.point = t('riskAreas.placeForm.pointMissing');
    setErrors(next);
    if (Object.keys(next).length === 0 && point) save.mutate(point);
  };
  const otherError = save.isError && !serverIssue('kind') && !serverIssue('label') && !serverIssue('point');
  const pointError = fieldError('point');

  return (
    <Paper withBorder radius="md" p="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <div>
            <Title order={4} size="h5">
              {t('riskAreas.placeForm.title')}
            </Title>
            <Text size="sm" c="dark.5" mt={4}>
              {t('riskAreas.placeForm.howTo')}
            </Text>
          </div>
          <NativeSelect
            label={t('riskAreas.placeForm.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as PlaceKind)}
            data={PLACE_KINDS.map((value) => ({ value, label: kinds[value] }))}
            error={fieldError('kind')}
          />
          <TextInput
            label={t('riskAreas.placeForm.address')}
            description={t('riskAreas.placeForm.addressHelp')}
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            required
            maxLength={300}
            error={fieldError('label')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('riskAreas.placeForm.latitude')}
              description={t('riskAreas.placeForm.latitudeHelp')}
              value={String(coordinates.lat)}
              onChange={(event) => onCoordinatesChange({ ...coordinates, lat: event.currentTarget.value })}
              inputMode="decimal"
              autoComplete="off"
              required
              error={fieldError('lat') ?? (pointError ? ' ' : undefined)}
            />
            <TextInput
              label={t('riskAreas.placeForm.longitude')}
              description={t('riskAreas.placeForm.longitudeHelp')}
              value={String(coordinates.lng)}
              onChange={(event) => onCoordinatesChange({ ...coordinates, lng: event.currentTarget.value })}
              inputMode="decimal"
              autoComplete="off"
              required
              error={fieldError('lng') ?? (pointError ? ' ' : undefined)}
            />
          </SimpleGrid>
          {pointError && (
            <Text c="red.8" size="sm" role="alert">
              {pointError}
            </Text>
          )}
          {otherError && (
            <Text c="red.8" size="sm" role="alert">
              {errorMessage(save.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('riskAreas.placeForm.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('riskAreas.placeForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
