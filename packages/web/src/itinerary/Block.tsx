/** One titled block of an itinerary part (her plan, her progress): a bordered section with an h3. */
import { Paper, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

export function Block({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      component="section"
      aria-labelledby={id}
      data-testid={testId}
    >
      <Text component="h3" id={id} fz="md" fw={600} m={0} mb="md">
        {title}
      </Text>
      {children}
    </Paper>
  );
}
