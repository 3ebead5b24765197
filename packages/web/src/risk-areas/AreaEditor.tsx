/**
 * Drawing or changing one risk area: its outline from clicks on the map or typed points (the
 * keyboard way in), a label and a category. The points box is the one record of the outline, so
 * what was clicked can be read, corrected and checked before saving.
 */
import type { TRiskArea, TRiskAreaSaved } from '@cope/contracts';
import { polygonProblem, RISK_AREA_CATEGORIES, type RiskAreaCategory } from '@cope/domain';
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { createArea, updateArea, useInvalidateSafety } from './api';
import { useCategoryLabels } from './labels';
import { dropLastPoint, formatPoints, type ParsedPoints } from './points';

type Field = 'label' | 'category' | 'polygon';

export interface AreaEditorProps {
  /** The area being changed; null to draw a new one. */
  area: TRiskArea | null;
  /** The outline text, shared with the map (clicks append lines). */
  pointsText: string;
  onPointsTextChange: (text: string) => void;
  parsed: ParsedPoints;
  onSaved: (saved: TRiskAreaSaved) => void;
  onCancel: () => void;
}

export function initialPointsText(area: TRiskArea | null): string {
  return area ? formatPoints(area.polygon) : '';
}

export function AreaEditor({
  area,
  pointsText,
  onPointsTextChange,
  parsed,
  onSaved,
  onCancel,
}: AreaEditorProps) {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  const errorMessage = useErrorMessage();
  const invalidate = useInvalidateSafety();
  const [label, setLabel] = useState(area?.label ?? '');
  const [category, setCategory] = useState<RiskAreaCategory>(area?.category ?? 'network_activity');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const save = useMutation({
    mutationFn: () => {
      const body = { label: label.trim(), category, polygon: parsed.points };
      return area ? updateArea(area.id, body) : createArea(body);
    },
    onSuccess: async (saved) => {
      await invalidate();
      onSaved(saved);
    },
  });
  const serverIssue = (field: Field) =>
    isApiError(save.error) ? save.error.fieldIssue(field)?.message : undefined;

  const polygonMessage = (): string | undefined => {
    if (parsed.badLines.length > 0) {
      return t('riskAreas.editor.badLines', { lines: parsed.badLines.join(', ') });
    }
    const problem = polygonProblem(parsed.points);
    if (problem === 'too_few_points') return t('riskAreas.editor.tooFewPoints');
    if (problem === 'self_intersecting') return t('riskAreas.editor.selfIntersecting');
    if (problem === 'invalid_coordinate') return t('riskAreas.editor.invalidCoordinate');
    return undefined;
  };

  const submit = () => {
    const next: Partial<Record<Field, string>> = {};
    if (label.trim().length < 2) next.label = t('riskAreas.editor.labelMissing');
    const outline = polygonMessage();
    if (outline) next.polygon = outline;
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  const fieldError = (field: Field) => errors[field] ?? serverIssue(field);
  const otherError =
    save.isError && !serverIssue('label') && !serverIssue('category') && !serverIssue('polygon');

  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <div>
            <Title order={3} size="h5">
              {area ? t('riskAreas.editor.editTitle', { label: area.label }) : t('riskAreas.editor.newTitle')}
            </Title>
            <Text size="sm" c="dark.5" mt={4}>
              {t('riskAreas.editor.howTo')}
            </Text>
          </div>
          <TextInput
            label={t('riskAreas.editor.label')}
            description={t('riskAreas.editor.labelHelp')}
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            required
            maxLength={120}
            error={fieldError('label')}
          />
          <NativeSelect
            label={t('riskAreas.editor.category')}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value as RiskAreaCategory)}
            data={RISK_AREA_CATEGORIES.map((value) => ({ value, label: categories[value] }))}
            error={fieldError('category')}
          />
          <Textarea
            label={t('riskAreas.editor.points')}
            description={t('riskAreas.editor.pointsHelp')}
            value={pointsText}
            onChange={(event) => onPointsTextChange(event.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={12}
            ff="monospace"
            required
            error={fieldError('polygon')}
          />
          <Text size="sm" aria-live="polite">
            {t('riskAreas.editor.pointCount', { count: parsed.points.length })}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              size="xs"
              disabled={parsed.points.length === 0}
              onClick={() => onPointsTextChange(dropLastPoint(pointsText))}
            >
              {t('riskAreas.editor.undo')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={pointsText.trim() === ''}
              onClick={() => onPointsTextChange('')}
            >
              {t('riskAreas.editor.clear')}
            </Button>
          </Group>
          {otherError && (
            <Text c="red.8" size="sm" role="alert">
              {errorMessage(save.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('riskAreas.editor.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('riskAreas.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
