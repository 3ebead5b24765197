/** /profile: her account — second factors, passkeys and where she is signed in. */
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../auth/api';
import { PageHeader } from '../layout/PageHeader';
import { PasskeysSection } from './PasskeysSection';
import { RecoveryCodesSection } from './RecoveryCodesSection';
import { SessionsSection } from './SessionsSection';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  return (
    <>
      <PageHeader
        title={t('profile.title')}
        description={me.data ? t('profile.description', { email: me.data.user.email }) : undefined}
      />
      <Stack gap="lg" maw={900}>
        <RecoveryCodesSection />
        <PasskeysSection />
        <SessionsSection />
      </Stack>
    </>
  );
}
