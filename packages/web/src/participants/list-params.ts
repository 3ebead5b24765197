/**
 * The list's scope, filters, sort and page live in the address (so Back and reload keep them).
 * Only vocabulary values, dates, numbers and a colleague's id go there — never anything about a
 * person supported.
 */
import { CASE_SCOPES, type CaseScope, PARTICIPANT_SORTS } from '@cope/contracts';
import {
  CASE_STATUSES,
  type CaseStatus,
  isIsoDate,
  LEGAL_SITUATIONS,
  type LegalSituation,
  RISK_LEVELS,
  type RiskLevel,
  SPHERES,
  type Sphere,
} from '@cope/domain';

export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface ListFilters {
  status: CaseStatus | null;
  riskLevel: RiskLevel | null;
  referenceUserId: string | null;
  legalSituation: LegalSituation | null;
  /** Cases with an open task due on or before this ISO date. */
  dueBy: string | null;
  /** Cases whose latest monitoring shows this sphere (or any sphere) needing attention. */
  attention: Sphere | 'any' | null;
}

export interface ListParams extends ListFilters {
  /** Null: the server's default for this person (her own cases, or all for coordinators). */
  scope: CaseScope | null;
  sort: ParticipantSort;
  order: SortOrder;
  page: number;
}

export const PAGE_SIZE = 25;
export const NO_FILTERS: ListFilters = {
  status: null,
  riskLevel: null,
  referenceUserId: null,
  legalSituation: null,
  dueBy: null,
  attention: null,
};
export const DEFAULT_PARAMS: ListParams = {
  ...NO_FILTERS,
  scope: null,
  sort: 'opened_at',
  order: 'desc',
  page: 1,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

export const hasFilters = (params: ListFilters) =>
  (Object.keys(NO_FILTERS) as (keyof ListFilters)[]).some((key) => params[key] !== null);

export function readListParams(search: URLSearchParams): ListParams {
  const page = Number(search.get('page'));
  const reference = search.get('reference');
  const dueBy = search.get('dueBy');
  return {
    scope: oneOf(CASE_SCOPES, search.get('scope')),
    status: oneOf(CASE_STATUSES, search.get('status')),
    riskLevel: oneOf(RISK_LEVELS, search.get('riskLevel')),
    referenceUserId: reference && UUID.test(reference) ? reference : null,
    legalSituation: oneOf(LEGAL_SITUATIONS, search.get('legal')),
    dueBy: dueBy && isIsoDate(dueBy) ? dueBy : null,
    attention: oneOf([...SPHERES, 'any'] as const, search.get('attention')),
    sort: oneOf(PARTICIPANT_SORTS, search.get('sort')) ?? DEFAULT_PARAMS.sort,
    order: oneOf(['asc', 'desc'] as const, search.get('order')) ?? DEFAULT_PARAMS.order,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Only what differs from the defaults, to keep addresses short. */
export function writeListParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.scope) search.set('scope', params.scope);
  if (params.status) search.set('status', params.status);
  if (params.riskLevel) search.set('riskLevel', params.riskLevel);
  if (params.referenceUserId) search.set('reference', params.referenceUserId);
  if (params.legalSituation) search.set('legal', params.legalSituation);
  if (params.dueBy) search.set('dueBy', params.dueBy);
  if (params.attention) search.set('attention', params.attention);
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
  if (params.scope) query.set('scope', params.scope);
  if (params.status) query.set('status', params.status);
  if (params.riskLevel) query.set('riskLevel', params.riskLevel);
  if (params.referenceUserId) query.set('referenceUserId', params.referenceUserId);
  if (params.legalSituation) query.set('legalSituation', params.legalSituation);
  if (params.dueBy) query.set('dueBy', params.dueBy);
  if (params.attention) query.set('attention', params.attention);
  return query;
}
