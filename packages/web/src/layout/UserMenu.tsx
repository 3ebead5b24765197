import type { TMe } from '@cope/contracts';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRoleLabels } from '../auth/role-labels';
import { useSignOut } from '../auth/use-sign-out';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

export function UserMenu({ user }: { user: TMe['user'] }) {
  const { t } = useTranslation();
  const roleLabels = useRoleLabels();
  const signOut = useSignOut();
  const roles = user.roles.map((role) => roleLabels[role]).join(', ');
  return (
    <Menu position="bottom-end" width={260} shadow="md" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.label', { name: user.displayName })}
          px={6}
          py={4}
          style={{ borderRadius: 8 }}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar color="petrol" radius="xl" size={32} aria-hidden="true">
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
              {user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden="true" className="hide-on-phone" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text component="div" size="sm" fw={600} c="dark.8">
            {user.displayName}
          </Text>
          <Text component="div" size="xs" c="dark.4" style={{ wordBreak: 'break-all' }}>
            {user.email}
          </Text>
          <Text component="div" size="xs" c="dark.4" mt={4}>
            {roles}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to="/profile"
          leftSection={<IconUserShield size={16} aria-hidden="true" />}
        >
          {t('userMenu.profile')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() => void signOut('signed_out')}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
