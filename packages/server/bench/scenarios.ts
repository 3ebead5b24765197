/**
 * The measured endpoints, each paired with its direct-SQL equivalent and a check that both
 * return the same rows (compared in memory, never printed).
 */
import type pg from 'pg';
import {
  describeViewerSql,
  getParticipantSql,
  inTenant,
  type ListQuery,
  listParticipantsSql,
  overdueTasksSql,
  type Tenant,
} from './sql.js';

export const PAGE_SIZE = 25;

const today = () => new Date().toISOString().slice(0, 10);
/** Upper bound of `page` in ZParticipantListQuery. */
// The API refuses pages past 400 (ZParticipantListQuery): the deepest page a user can reach.
const MAX_PAGE = 400;

export interface Scenario {
  key: string;
  label: string;
  /** Request paths, cycled through by every connection (query string included). */
  apiPaths: string[];
  /** The data transaction the endpoint runs, issued directly; `i` picks among rotating ids. */
  sql(i: number): Promise<unknown>;
  /** True when the API body and the direct SQL agree (same ids, same total). */
  agrees(apiBody: unknown): Promise<boolean>;
}

export interface ScenarioContext {
  pool: pg.Pool;
  tenant: Tenant;
  /** Participants of the measured organization. */
  participants: number;
  sampleParticipantIds: string[];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function listIds(body: unknown): string[] {
  const items = field(body, 'items');
  return Array.isArray(items) ? items.map((item) => String(field(item, 'id'))) : [];
}

function sameList(body: unknown, sql: { ids: string[]; total: number }): boolean {
  const ids = listIds(body);
  return field(body, 'total') === sql.total && ids.length > 0 && ids.join() === sql.ids.join();
}

export function deepPage(participants: number): number {
  return Math.min(MAX_PAGE, Math.max(2, Math.floor(participants / PAGE_SIZE / 2)));
}

function listScenario(
  ctx: ScenarioContext,
  key: string,
  label: string,
  path: string,
  q: ListQuery,
): Scenario {
  const run = () =>
    inTenant(ctx.pool, ctx.tenant, (client) => listParticipantsSql(client, ctx.tenant.organizationId, q));
  return { key, label, apiPaths: [path], sql: run, agrees: async (body) => sameList(body, await run()) };
}

export function buildScenarios(ctx: ScenarioContext): Scenario[] {
  const page = deepPage(ctx.participants);
  const ids = ctx.sampleParticipantIds;
  const idAt = (i: number) => ids[i % ids.length] ?? '';
  return [
    listScenario(ctx, 'list_default', 'list, page 1 (opened_at desc)', '/api/participants', {
      sort: 'opened_at',
      order: 'desc',
      page: 1,
      pageSize: PAGE_SIZE,
    }),
    listScenario(
      ctx,
      'list_active_by_risk',
      'list, status=active, risk desc',
      '/api/participants?status=active&sort=risk_level&order=desc',
      { status: 'active', sort: 'risk_level', order: 'desc', page: 1, pageSize: PAGE_SIZE },
    ),
    listScenario(
      ctx,
      'list_deep_page',
      `list, page ${page} (offset ${(page - 1) * PAGE_SIZE})`,
      `/api/participants?page=${page}`,
      {
        sort: 'opened_at',
        order: 'desc',
        page,
        pageSize: PAGE_SIZE,
      },
    ),
    listScenario(ctx, 'list_mine', 'list, my cases (scope=mine)', '/api/participants?scope=mine', {
      referenceUserId: ctx.tenant.userId,
      sort: 'opened_at',
      order: 'desc',
      page: 1,
      pageSize: PAGE_SIZE,
    }),
    listScenario(
      ctx,
      'list_attention',
      'list, sphere needing attention (attention=housing, her own cases)',
      '/api/participants?attention=housing',
      {
        attention: 'housing',
        teamOf: ctx.tenant.userId,
        sort: 'opened_at',
        order: 'desc',
        page: 1,
        pageSize: PAGE_SIZE,
      },
    ),
    listScenario(
      ctx,
      'list_next_due',
      'list, next due first (sort=next_due)',
      '/api/participants?sort=next_due&order=asc',
      { sort: 'next_due', order: 'asc', page: 1, pageSize: PAGE_SIZE },
    ),
    {
      key: 'detail',
      label: `detail (${ids.length} rotating ids)`,
      apiPaths: ids.map((id) => `/api/participants/${id}`),
      sql: (i) => inTenant(ctx.pool, ctx.tenant, (client) => getParticipantSql(client, idAt(i))),
      agrees: async (body) =>
        field(body, 'id') === idAt(0) &&
        (await inTenant(ctx.pool, ctx.tenant, (client) => getParticipantSql(client, idAt(0)))) === idAt(0),
    },
    {
      key: 'tasks_overdue',
      label: 'overdue across the organization (coordinator)',
      apiPaths: ['/api/tasks/overdue'],
      sql: () =>
        inTenant(ctx.pool, ctx.tenant, (client) =>
          overdueTasksSql(client, ctx.tenant.organizationId, today()),
        ),
      agrees: async (body) => {
        const ids = listIds(body);
        const direct = await inTenant(ctx.pool, ctx.tenant, (client) =>
          overdueTasksSql(client, ctx.tenant.organizationId, today()),
        );
        return ids.length > 0 && ids.join() === direct.slice(0, 500).join();
      },
    },
    {
      key: 'auth_me',
      label: 'auth/me',
      apiPaths: ['/api/auth/me'],
      sql: () => inTenant(ctx.pool, ctx.tenant, (client) => describeViewerSql(client, ctx.tenant)),
      agrees: async (body) =>
        field(field(body, 'user'), 'id') === ctx.tenant.userId &&
        (await inTenant(ctx.pool, ctx.tenant, (client) => describeViewerSql(client, ctx.tenant))) ===
          ctx.tenant.userId,
    },
  ];
}
