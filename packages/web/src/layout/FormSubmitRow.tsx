/**
 * The foot of a form: the server's refusal when it names no field (field errors show on their
 * fields), then the submit button, busy while the save is under way.
 */
import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';

export function FormSubmitRow({
  save,
  label,
  icon,
  size,
}: {
  save: { isError: boolean; error: unknown; isPending: boolean };
  label: string;
  icon?: ReactNode;
  size?: 'sm' | 'md';
}) {
  const errorMessage = useErrorMessage();
  return (
    <>
      {save.isError && !isApiError(save.error, 'VALIDATION_FAILED') && (
        <Text c="red.8" size="sm" role="alert">
          {errorMessage(save.error)}
        </Text>
      )}
      <Group>
        <Button type="submit" size={size} loading={save.isPending} leftSection={icon}>
          {label}
        </Button>
      </Group>
    </>
  );
}
