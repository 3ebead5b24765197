import type { TStaffMember } from '@cope/contracts';
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TStaffMember['status'], string> = {
  invited: 'blue',
  second_factor_pending: 'yellow',
  active: 'green',
  disabled: 'gray',
};

/** Where an account stands, with the second factors she has and any open set-up link. */
export function StatusBadge({ member }: { member: TStaffMember }) {
  const { t } = useTranslation();
  const labels: Record<TStaffMember['status'], string> = {
    invited: t('admin.statuses.invited'),
    second_factor_pending: t('admin.statuses.secondFactorPending'),
    active: t('admin.statuses.active'),
    disabled: t('admin.statuses.disabled'),
  };
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={COLORS[member.status]} c="dark.7">
        {labels[member.status]}
      </Badge>
      {member.secondFactor.passkeys > 0 && (
        <Text size="xs" c="dark.4">
          {t('admin.passkeys', { count: member.secondFactor.passkeys })}
        </Text>
      )}
      {member.pendingLink && (
        <Text size="xs" c="dark.4">
          {t('admin.linkOpen')}
        </Text>
      )}
    </Stack>
  );
}
