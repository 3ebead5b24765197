import { CASE_SCOPES, type CaseScope } from '@cope/contracts';
import { Button, Group, Pagination, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
  hasFilters,
  type ListParams,
  NO_FILTERS,
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
  next_due: 'asc',
};

function ScopeChoice({ value, onChange }: { value: CaseScope; onChange: (scope: CaseScope) => void }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 30em)');
  const labels: Record<CaseScope, string> = {
    mine: t('caseTeam.list.scope.mine'),
    team: t('caseTeam.list.scope.team'),
    all: t('caseTeam.list.scope.all'),
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="case-scope-label">
        {t('caseTeam.list.scope.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="case-scope-label"
        data={CASE_SCOPES.map((scope) => ({ value: scope, label: labels[scope] }))}
        value={value}
        onChange={(next) => onChange(CASE_SCOPES.find((scope) => scope === next) ?? 'all')}
        // On a narrow phone the three choices stack, so that no label is cut off.
        orientation={narrow ? 'vertical' : 'horizontal'}
        w={{ base: '100%', xs: 'auto' }}
      />
    </Stack>
  );
}

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
  const filtered = hasFilters(params);
  const scope = params.scope ?? list.data?.scope;
  // A legal-situation or attention filter in an address opened by someone whose role may not use it.
  const legalRefused = isApiError(list.error, 'FORBIDDEN') && params.legalSituation !== null;
  const attentionRefused = isApiError(list.error, 'FORBIDDEN') && !legalRefused && params.attention !== null;
  const forbidden = isApiError(list.error, 'FORBIDDEN') && !legalRefused && !attentionRefused;
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (params.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(params.page * PAGE_SIZE, total);

  let content: ReactNode;
  if (list.isPending) {
    content = <LoadingState label={t('participants.loading')} />;
  } else if (legalRefused) {
    content = (
      <ErrorState
        tone="info"
        title={t('caseTeam.list.legalRefusedTitle')}
        message={t('caseTeam.list.legalRefused')}
      >
        <Button variant="default" size="xs" onClick={() => update({ legalSituation: null, page: 1 })}>
          {t('caseTeam.list.removeLegalFilter')}
        </Button>
      </ErrorState>
    );
  } else if (attentionRefused) {
    content = (
      <ErrorState
        tone="info"
        title={t('needs.list.attentionRefusedTitle')}
        message={t('needs.list.attentionRefused')}
      >
        <Button variant="default" size="xs" onClick={() => update({ attention: null, page: 1 })}>
          {t('needs.list.removeAttentionFilter')}
        </Button>
      </ErrorState>
    );
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
  } else if (list.data.items.length === 0 && !filtered && list.data.scope !== 'all') {
    content = (
      <Stack align="center" gap="sm" py={48} px="md">
        <IconUsers size={36} stroke={1.4} aria-hidden="true" color="var(--mantine-color-gray-6)" />
        <Text fw={600}>{t('caseTeam.list.emptyScopeTitle')}</Text>
        <Text c="dark.4" ta="center" maw={420}>
          {list.data.scope === 'mine' ? t('caseTeam.list.emptyMine') : t('caseTeam.list.emptyTeam')}
        </Text>
        <Button variant="light" onClick={() => update({ scope: 'all', page: 1 })}>
          {t('caseTeam.list.showAll')}
        </Button>
      </Stack>
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
          <Button variant="light" onClick={() => update({ ...NO_FILTERS, page: 1 })}>
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
        {!forbidden && <NameSearch mayOpenCases={list.data?.abilities.openCase ?? false} />}
        {!forbidden && scope && (
          <ScopeChoice value={scope} onChange={(next) => update({ scope: next, page: 1 })} />
        )}
        {/* Shown once the list has answered: a role without the list never asks for the staff directory. */}
        {list.data && (
          <ParticipantFilters
            filters={params}
            legalFilter={list.data.abilities.filterByLegalSituation}
            attentionSpheres={
              list.data.abilities.filterByAttention ? list.data.abilities.attentionFilterSpheres : []
            }
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
