/**
 * The direct side: the same SQL the API issues (text copied from what Drizzle generates for
 * queries.ts, sessions.ts and service.ts), sent through a plain pg.Pool inside the same kind
 * of tenant transaction TenantDb.run opens: begin; set local role cope_app; set_config(org,
 * user); <data queries>; commit. Driven by a closed loop of N workers for a fixed time.
 */
import type { CaseStatus } from '@cope/domain';
import { getTableColumns, type Table } from 'drizzle-orm';
import type pg from 'pg';
import { authSession, organization, staffUser } from '../src/db/schema.js';
import { type LatencySummary, summarize } from './stats.js';

const WARMUP_SECONDS = 1;

export interface Tenant {
  organizationId: string;
  userId: string;
}

export interface ListQuery {
  status?: CaseStatus;
  /** scope=mine: her own cases as reference professional. */
  referenceUserId?: string;
  /** A sphere needing attention (its code). */
  attention?: string;
  /** Only cases where this user is reference or team member (filters that reach her own cases). */
  teamOf?: string;
  sort: 'opened_at' | 'risk_level' | 'next_due';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT_COLUMNS = {
  opened_at: '"participant"."opened_at"',
  risk_level: '"participant"."risk_rank"',
  next_due: '"participant"."next_due_on"',
} as const;

const LIST_COLUMNS =
  '"participant"."id", "participant"."case_code", "participant"."preferred_name_enc", "participant"."status", ' +
  '"participant"."risk_level", "participant"."opened_at", "staff_user"."id", "staff_user"."display_name"';

// Whole-row selects list every column of the schema, as Drizzle does: taken from the schema so
// the SQL side follows it when columns are added.
const columnsOf = (table: Table) => Object.values(getTableColumns(table)).map((column) => column.name);
const STAFF_COLUMNS = columnsOf(staffUser);
const ORGANIZATION_COLUMNS = columnsOf(organization);
const SESSION_COLUMNS = columnsOf(authSession);
const qualified = (table: string, columns: string[]) => columns.map((c) => `"${table}"."${c}"`).join(', ');

/** Rows come back as arrays, as Drizzle asks node-postgres for them. */
type Row = unknown[];

async function query(client: pg.PoolClient, text: string, values: unknown[] = []): Promise<Row[]> {
  const result = await client.query<Row>({ text, values, rowMode: 'array' });
  return result.rows;
}

async function transaction<T>(
  pool: pg.Pool,
  settings: [string, string][],
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local role cope_app');
    const calls = settings.map(([name], i) => `set_config('${name}', $${i + 1}, true)`).join(',\n  ');
    await client.query(
      `select ${calls}`,
      settings.map(([, value]) => value),
    );
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export function inTenant<T>(
  pool: pg.Pool,
  tenant: Tenant,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return transaction(
    pool,
    [
      ['app.org_id', tenant.organizationId],
      ['app.user_id', tenant.userId],
    ],
    work,
  );
}

/** listParticipants: one page and the total, filtered by organization (and reference, status). */
export async function listParticipantsSql(client: pg.PoolClient, organizationId: string, q: ListQuery) {
  const values: unknown[] = [organizationId];
  const filters = ['"participant"."organization_id" = $1'];
  if (q.referenceUserId) {
    values.push(q.referenceUserId);
    filters.push(`"participant"."reference_user_id" = $${values.length}`);
  }
  if (q.status) {
    values.push(q.status);
    filters.push(`"participant"."status" = $${values.length}`);
  }
  if (q.attention) {
    values.push(q.attention);
    filters.push(`$${values.length} = any("participant"."attention_spheres")`);
  }
  if (q.teamOf) {
    values.push(q.teamOf);
    filters.push(
      `"participant"."id" in (select "participant_id" from "case_team_member" where "user_id" = $${values.length} ` +
        `union select "id" from "participant" where "reference_user_id" = $${values.length})`,
    );
  }
  const where = filters.length > 1 ? `(${filters.join(' and ')})` : filters.join('');
  const direction = q.order === 'asc' ? 'asc' : 'desc';
  const offset = (q.page - 1) * q.pageSize;
  const pageValues = offset > 0 ? [q.pageSize, offset] : [q.pageSize];
  const paging =
    offset > 0 ? `limit $${values.length + 1} offset $${values.length + 2}` : `limit $${values.length + 1}`;
  const rows = await query(
    client,
    `select ${LIST_COLUMNS} from "participant" left join "staff_user" on "staff_user"."id" = "participant"."reference_user_id" ` +
      `where ${where} order by ${SORT_COLUMNS[q.sort]} ${direction}${q.sort === 'next_due' ? ' nulls last' : ''}, "participant"."id" ${direction} ${paging}`,
    [...values, ...pageValues],
  );
  const [total] = await query(client, `select count(*) from "participant" where ${where}`, values);
  return { ids: rows.map((row) => String(row[0])), total: Number(total?.[0] ?? 0) };
}

/** getParticipant: one row by id (row-level security keeps it inside the organization). */
export async function getParticipantSql(
  client: pg.PoolClient,
  participantId: string,
): Promise<string | null> {
  const [row] = await query(
    client,
    `select ${LIST_COLUMNS} from "participant" left join "staff_user" on "staff_user"."id" = "participant"."reference_user_id" ` +
      'where "participant"."id" = $1 limit $2',
    [participantId, 1],
  );
  return row ? String(row[0]) : null;
}

/**
 * overdueAcrossOrganization (GET /api/tasks/overdue): open tasks due before today, the longest
 * overdue first, with the case code, the holder and, for assessment tasks, the latest change.
 */
export async function overdueTasksSql(client: pg.PoolClient, organizationId: string, today: string) {
  const rows = await query(
    client,
    `select "task"."id", "participant"."case_code", "staff_user"."display_name", case
       when "task"."kind" in ('risk_assessment', 'risk_reassessment')
       then (select "risk_trigger"."kind" from "risk_trigger"
         where "risk_trigger"."organization_id" = "task"."organization_id"
           and "risk_trigger"."participant_id" = "task"."participant_id"
           and "risk_trigger"."resolved_by_assessment_id" is null
           and "risk_trigger"."occurred_at" >= "task"."created_at"
         order by "risk_trigger"."occurred_at" desc limit 1)
       end
     from "task" inner join "staff_user" on "staff_user"."id" = "task"."assignee_user_id"
     left join "participant" on "participant"."id" = "task"."participant_id"
     where ("task"."organization_id" = $1 and "task"."done_at" is null and "task"."due_on" < $2::date)
     order by "task"."due_on" asc, "task"."created_at" asc limit $3`,
    [organizationId, today, 501],
  );
  return rows.map((row) => String(row[0]));
}

/** describeViewer (GET /api/auth/me): the user and the organization. */
export async function describeViewerSql(client: pg.PoolClient, tenant: Tenant): Promise<string | null> {
  const [user] = await query(
    client,
    `select ${STAFF_COLUMNS.map((c) => `"${c}"`).join(', ')} from "staff_user" where "staff_user"."id" = $1 limit $2`,
    [tenant.userId, 1],
  );
  await query(
    client,
    `select ${ORGANIZATION_COLUMNS.map((c) => `"${c}"`).join(', ')} from "organization" where "organization"."id" = $1`,
    [tenant.organizationId],
  );
  return user ? String(user[0]) : null;
}

/**
 * resolveSession without the periodic last_seen_at update: what every API request runs, in its
 * own transaction, before the route's data transaction. Measured separately, not added.
 */
export function sessionLookupSql(pool: pg.Pool, tokenHash: string): Promise<string | null> {
  const settings: [string, string][] = [
    ['app.sign_in_email', ''],
    ['app.session_token_hash', tokenHash],
  ];
  return transaction(pool, settings, async (client) => {
    const [session] = await query(
      client,
      `select ${SESSION_COLUMNS.map((c) => `"${c}"`).join(', ')} from "auth_session" ` +
        'where ("auth_session"."token_hash" = $1 and "auth_session"."ended_at" is null) limit $2',
      [tokenHash, 1],
    );
    if (!session) return null;
    const organizationId = session[SESSION_COLUMNS.indexOf('organization_id')];
    const userId = session[SESSION_COLUMNS.indexOf('user_id')];
    await query(client, "select set_config('app.org_id', $1, true),\n  set_config('app.user_id', $2, true)", [
      organizationId,
      userId,
    ]);
    const [row] = await query(
      client,
      `select ${qualified('staff_user', STAFF_COLUMNS)}, ${qualified('organization', ORGANIZATION_COLUMNS)} ` +
        'from "staff_user" inner join "organization" on "organization"."id" = "staff_user"."organization_id" ' +
        'where "staff_user"."id" = $1 limit $2',
      [userId, 1],
    );
    return row ? String(row[0]) : null;
  });
}

/** Runs `work(i)` from `workers` concurrent loops for the given time; each loop waits for its last call. */
async function closedLoop(workers: number, seconds: number, work: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = worker; performance.now() < deadline; i += workers) {
        const t0 = performance.now();
        try {
          await work(i);
          latencies.push(performance.now() - t0);
        } catch {
          failures++;
        }
      }
    }),
  );
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}

export async function measureSql(
  workers: number,
  durationSeconds: number,
  work: (i: number) => Promise<unknown>,
): Promise<LatencySummary> {
  await closedLoop(workers, WARMUP_SECONDS, work);
  const { latencies, failures, seconds } = await closedLoop(workers, durationSeconds, work);
  return summarize(latencies, failures, seconds);
}
