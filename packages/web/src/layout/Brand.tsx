import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';

/** Product mark and name. The name is the same in every language. */
export function Brand({
  size = 'md',
  compactOnPhone = false,
}: {
  size?: 'md' | 'lg';
  compactOnPhone?: boolean;
}) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon
        size={size === 'lg' ? 40 : 32}
        radius="md"
        aria-hidden="true"
        visibleFrom={compactOnPhone ? 'xs' : undefined}
      >
        <IconHeartHandshake size={size === 'lg' ? 24 : 20} stroke={1.6} />
      </ThemeIcon>
      <Text
        component="span"
        fw={650}
        fz={size === 'lg' ? 22 : compactOnPhone ? { base: 15, xs: 17 } : 17}
        c="petrol.9"
        style={{ whiteSpace: 'nowrap' }}
      >
        Cope &amp; Hope
      </Text>
    </Group>
  );
}
