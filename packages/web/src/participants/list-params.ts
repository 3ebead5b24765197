/**
 * The list's filters, sort and page live in the address (so Back and reload keep them). Only
 * vocabulary values and numbers go there — never anything about a person.
 */
import { PARTICIPANT_SORTS } from '@cope/contracts';
import { CASE_STATUSES, type CaseStatus, RISK_LEVELS, type RiskLevel } from '@cope/domain';

export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface ListParams {
  status: CaseStatus | null;
  riskLevel: RiskLevel | null;
  sort: ParticipantSort;
  order: SortOrder;
  page: number;
}

export const PAGE_SIZE = 25;
export const DEFAULT_PARAMS: ListParams = {
  status: null,
  riskLevel: null,
  sort: 'opened_at',
  order: 'desc',
  page: 1,
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

export function readListParams(search: URLSearchParams): ListParams {
  const page = Number(search.get('page'));
  return {
    status: oneOf(CASE_STATUSES, search.get('status')),
    riskLevel: oneOf(RISK_LEVELS, search.get('riskLevel')),
    sort: oneOf(PARTICIPANT_SORTS, search.get('sort')) ?? DEFAULT_PARAMS.sort,
    order: oneOf(['asc', 'desc'] as const, search.get('order')) ?? DEFAULT_PARAMS.order,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Only what differs from the defaults, to keep addresses short. */
export function writeListParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.status) search.set('status', params.status);
  if (params.riskLevel) search.set('riskLevel', params.riskLevel);
  if (params.sort !== DEFAULT_PARAMS.sort || params.order !== DEFAULT_PARAMS.order) {
    search.set('sort', params.sort);
    search.set('order', params.order);
  }
  if (params.page > 1) search.set('page', String(params.page));
  return search;
}

/** The API query for these params. */
export function toApiQuery(params: ListParams): URLSearchParams {
  const query = new URLSearchParams({
    sort: params.sort,
    order: params.order,
    page: String(params.page),
    pageSize: String(PAGE_SIZE),
  });
  if (params.status) query.set('status', params.status);
  if (params.riskLevel) query.set('riskLevel', params.riskLevel);
  return query;
}
