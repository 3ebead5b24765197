/** On the case page of a case still in intake: where to continue it, for those who run intakes. */
import { INTAKE_ROLES, type TParticipantDetail } from '@cope/contracts';
import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meQuery } from '../auth/api';

export function ResumeIntakeNotice({ participant }: { participant: TParticipantDetail }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery);
  const runsIntakes = me.data?.user.roles.some((role) => INTAKE_ROLES.includes(role)) ?? false;
  if (participant.status !== 'intake' || !runsIntakes) return null;
  return (
    <Alert color="petrol" variant="light" role="note" mb="md" maw={960}>
      <Text size="sm">
        {t('intake.page.resumeNotice')}{' '}
        <Anchor component={Link} to={`/participants/${participant.id}/intake`} fw={600}>
          {t('intake.page.resumeLink')}
        </Anchor>
      </Text>
    </Alert>
  );
}
