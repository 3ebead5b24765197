import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Paper withBorder radius="lg" p="xl" maw={640}>
        <Stack align="flex-start">
          <Text>{t('notFound.message')}</Text>
          <Button component={Link} to="/participants" variant="light">
            {t('notFound.back')}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}

/** A page this person's roles do not open (the server refuses its data as well). */
export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notAllowed.title')} />
      <Paper withBorder radius="lg" p="xl" maw={640}>
        <Text>{t('notAllowed.message')}</Text>
      </Paper>
    </>
  );
}
