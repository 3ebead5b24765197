import { Button, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { useErrorMessage } from '../api/use-error-message';
import { PageHeader } from '../layout/PageHeader';
import { ErrorState, LoadingState } from '../layout/PageStates';
import { participantListQuery } from './api';
import {
  type ListParams,
  PAGE_SIZE,
  type ParticipantSort,
  readListParams,
  writeListParams,
} from './list-params';
import { NameSearch } from './NameSearch';
import { ParticipantFilters } from './ParticipantFilters';
import { ParticipantsTable } from './ParticipantsTable';

// The direction a column starts in when first chosen: codes A→Z, the rest most urgent/recent first.
const FIRST_ORDER: Record<ParticipantSort, 'asc' | 'desc'> = {
  case_code: 'asc',
  opened_at: 'desc',
  risk_level: 'desc',
};

export function ParticipantsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useSearchParams();
  const params = readListParams(search);
  const list = useQuery(participantListQuery(params));

  const update = (next: Partial<ListParams>) => setSearch(writeListParams({ ...params, ...next }));
  const sortBy = (sort: ParticipantSort) =>
    update({
      sort,
      order: params.sort === sort ? (params.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[sort],
      page: 1,
    });
  const filtered = params.status !== null || params.riskLevel !== null;
  const forbidden = isApiError(list.error, 'FORBIDDEN');
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (params.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(params.page * PAGE_SIZE, total);

  let content: ReactNode;
  if (list.isPending) {
    content = <LoadingState label={t('participants.loading')} />;
  } else if (list.isError) {
    content = forbidden ? (
      <ErrorState
        tone="info"
        title={t('participants.forbiddenTitle')}
        message={t('participants.forbidden')}
      />
    ) : (
      <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
    );
  } else if (list.data.items.length === 0) {
    content = (
      <Stack align="center" gap="sm" py={48} px="md">
        <IconUsers size={36} stroke={1.4} aria-hidden="true" color="var(--mantine-color-gray-6)" />
        <Text fw={600}>{filtered ? t('participants.emptyFilteredTitle') : t('participants.emptyTitle')}</Text>
        <Text c="dark.4" ta="center" maw={420}>
          {filtered ? t('participants.emptyFiltered') : t('participants.empty')}
        </Text>
        {filtered && (
          <Button variant="light" onClick={() => update({ status: null, riskLevel: null, page: 1 })}>
            {t('participants.clearFilters')}
          </Button>
        )}
      </Stack>
    );
  } else {
    content = (
      <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
        <ParticipantsTable
          items={list.data.items}
          sort={params.sort}
          order={params.order}
          onSort={sortBy}
          listSearch={search.toString()}
        />
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t('participants.title')} description={t('participants.description')} />
      <Stack gap="md">
        {!forbidden && <NameSearch />}
        {!forbidden && (
          <ParticipantFilters
            status={params.status}
            riskLevel={params.riskLevel}
            onChange={(filters) => update({ ...filters, page: 1 })}
          />
        )}
        <Text size="sm" c="dark.5" role="status" aria-live="polite" aria-busy={list.isFetching}>
          {list.isSuccess && total > 0 ? t('participants.showing', { first, last, count: total }) : ''}
        </Text>
        {forbidden ? (
          content
        ) : (
          <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
            {content}
          </Paper>
        )}
        {list.isSuccess && pages > 1 && (
          <Group component="nav" aria-label={t('participants.pagination')} justify="center">
            <Pagination
              total={pages}
              value={Math.min(params.page, pages)}
              onChange={(page) => update({ page })}
              getItemProps={(page) => ({ 'aria-label': t('participants.page', { page }) })}
              getControlProps={(control) => ({
                'aria-label':
                  control === 'first'
                    ? t('participants.firstPage')
                    : control === 'last'
                      ? t('participants.lastPage')
                      : control === 'previous'
                        ? t('participants.previousPage')
                        : t('participants.nextPage'),
              })}
              siblings={1}
              boundaries={1}
            />
          </Group>
        )}
      </Stack>
    </>
  );
}
