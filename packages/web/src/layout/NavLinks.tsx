import { NavLink, Stack } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconChecklist,
  IconReportAnalytics,
  IconSettings,
  IconShieldCheck,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { TaskCountBadges } from '../tasks/TaskCountBadges';

interface Item {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean | 'true' }>;
}

export function NavLinks({
  isAdministrator,
  onNavigate,
}: {
  isAdministrator: boolean;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items: Item[] = [
    { to: '/participants', label: t('nav.participants'), icon: IconUsers },
    { to: '/tasks', label: t('nav.tasks'), icon: IconChecklist },
    { to: '/safety', label: t('nav.safety'), icon: IconShieldCheck },
    { to: '/groups', label: t('nav.groups'), icon: IconUsersGroup },
    { to: '/network', label: t('nav.network'), icon: IconBuildingCommunity },
    { to: '/reports', label: t('nav.reports'), icon: IconReportAnalytics },
  ];
  if (isAdministrator) items.push({ to: '/admin', label: t('nav.admin'), icon: IconSettings });

  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map(({ to, label, icon: Icon }) => {
        const active = pathname === to || pathname.startsWith(`${to}/`);
        return (
          <li key={to}>
            <NavLink
              component={Link}
              to={to}
              label={label}
              active={active}
              aria-current={active ? 'page' : undefined}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden="true" />}
              rightSection={to === '/tasks' ? <TaskCountBadges /> : undefined}
              onClick={onNavigate}
              variant="light"
              style={{ borderRadius: 8 }}
              fw={active ? 600 : 500}
            />
          </li>
        );
      })}
    </Stack>
  );
}
