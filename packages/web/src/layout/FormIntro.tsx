import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The heading and one-line introduction that open every sign-in and set-up form. */
export function FormIntro({ title, intro }: { title: ReactNode; intro: ReactNode }) {
  return (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" mt={4}>
        {intro}
      </Text>
    </div>
  );
}
