import { Group, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { usePageTitle } from './page-title';

interface Props {
  title: string;
  /** Browser tab title when it should say less than the heading (tabs end up in history). */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * Heading of a signed-in page. It takes focus when the page opens, so keyboard and screen
 * reader users start at the new content instead of the top of the menu.
 */
export function PageHeader({ title, documentTitle, description, actions }: Props) {
  usePageTitle(documentTitle ?? title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md">
      <div>
        <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" mt={4} maw={720}>
            {description}
          </Text>
        )}
      </div>
      {actions}
    </Group>
  );
}
