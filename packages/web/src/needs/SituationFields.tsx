/**
 * The structured fields of one sphere (domain NEEDS_FIELDS): a choice is a select with the
 * options named, a date a date input, a number a number input showing its range. Every field
 * may stay empty: empty means "not asked yet", which is different from "not known".
 */
import { NEEDS_FIELDS, type NeedsField, type Sphere } from '@cope/domain';
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel, useNeedsFieldTexts } from './field-texts';
import type { Situation } from './sphere-draft';

interface Props {
  sphere: Sphere;
  situation: Situation;
  errors: Partial<Record<string, string>>;
  onChange: (key: string, value: string | number) => void;
}

export function SituationFields({ sphere, situation, errors, onChange }: Props) {
  const fields = NEEDS_FIELDS[sphere];
  if (fields.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {fields.map((field) => (
        <SituationField
          key={field.key}
          field={field}
          value={situation[field.key]}
          error={errors[field.key]}
          onChange={(value) => onChange(field.key, value)}
        />
      ))}
    </SimpleGrid>
  );
}

function SituationField({
  field,
  value,
  error,
  onChange,
}: {
  field: NeedsField;
  value: string | number | undefined;
  error: string | undefined;
  onChange: (value: string | number) => void;
}) {
  const { t, i18n } = useTranslation();
  const texts = useNeedsFieldTexts();
  const label = fieldLabel(texts, field);
  if (field.kind === 'choice') {
    const options = texts[field.key]?.options ?? {};
    return (
      <Select
        label={label}
        placeholder={t('needs.form.notAsked')}
        data={field.options.map((option) => ({ value: option, label: options[option] ?? option }))}
        value={typeof value === 'string' && value !== '' ? value : null}
        onChange={(next) => onChange(next ?? '')}
        clearable
        clearButtonProps={{ 'aria-label': t('needs.form.clear', { field: label }) }}
        error={error}
      />
    );
  }
  if (field.kind === 'date') {
    return (
      <TextInput
        type="date"
        label={label}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
      />
    );
  }
  return (
    <NumberInput
      label={label}
      description={t('needs.form.range', {
        min: field.min.toLocaleString(i18n.language),
        max: field.max.toLocaleString(i18n.language),
      })}
      value={value ?? ''}
      onChange={onChange}
      min={field.min}
      max={field.max}
      // Out of range stays as typed and is named on the field, rather than changed silently.
      clampBehavior="none"
      error={error}
    />
  );
}
