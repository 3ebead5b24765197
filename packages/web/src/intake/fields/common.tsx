/** Small inputs shared by the step forms: answers that may stay unsaid, choice lists, ages. */
import type { TriState } from '@cope/domain';
import { ActionIcon, Button, Checkbox, Group, NumberInput, Radio, SimpleGrid } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../vocab';

/** Yes / no, or nothing said: she may decline the question. */
export function YesNoField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: 'yes' | 'no' | null;
  onChange: (value: 'yes' | 'no' | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const vocab = useVocabulary();
  return (
    <Radio.Group
      label={label}
      value={value ?? ''}
      onChange={(next) => onChange(next === 'yes' || next === 'no' ? next : null)}
      error={error}
    >
      <Group gap="lg" mt={6}>
        <Radio value="yes" label={vocab.yesNo.yes} />
        <Radio value="no" label={vocab.yesNo.no} />
        <Radio value="" label={t('intake.answer.notSaid')} />
      </Group>
    </Radio.Group>
  );
}

/** Yes / no / not known: "not known" is never read as "no". */
export function TriStateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: TriState;
  onChange: (value: TriState) => void;
  error?: string | undefined;
}) {
  const vocab = useVocabulary();
  return (
    <Radio.Group label={label} value={value} onChange={(next) => onChange(next as TriState)} error={error}>
      <Group gap="lg" mt={6}>
        <Radio value="yes" label={vocab.tri.yes} />
        <Radio value="no" label={vocab.tri.no} />
        <Radio value="unknown" label={vocab.tri.unknown} />
      </Group>
    </Radio.Group>
  );
}

/** Several choices among a short vocabulary, as checkboxes in columns. */
export function ChoiceList<K extends string>({
  label,
  description,
  choices,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  choices: { value: K; label: string }[];
  value: K[];
  onChange: (value: K[]) => void;
  error?: string | undefined;
}) {
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      onChange={(next) => onChange(next as K[])}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs" mt={8}>
        {choices.map((choice) => (
          <Checkbox key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

/** A whole number of years, or empty. */
export function AgeField({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}) {
  return (
    <NumberInput
      label={label}
      description={description}
      value={value ?? ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : null)}
      allowDecimal={false}
      allowNegative={false}
      min={0}
      max={130}
      error={error}
      w={{ base: '100%', xs: 200 }}
    />
  );
}

/** An error of a form field as Mantine holds it (a node), as a string for the inputs above. */
export const errorText = (error: unknown): string | undefined =>
  typeof error === 'string' && error !== '' ? error : undefined;

/** Removes one item of a repeatable answer (a phone, a document, a dependant). */
export function RemoveItemButton({
  label,
  onClick,
  alignWithInput = false,
}: {
  label: string;
  onClick: () => void;
  /** Sits beside a labelled input: pushed down to the input's line. */
  alignWithInput?: boolean;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="red.8"
      size={alignWithInput ? 'lg' : undefined}
      mt={alignWithInput ? 26 : undefined}
      aria-label={label}
      onClick={onClick}
    >
      <IconTrash size={18} aria-hidden="true" />
    </ActionIcon>
  );
}

/** Adds one more item to a repeatable answer. */
export function AddItemButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} aria-hidden="true" />}
        onClick={onClick}
      >
        {label}
      </Button>
    </Group>
  );
}
