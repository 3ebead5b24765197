/** The printed table and the JSON document of one benchmark run. Aggregates only. */
import type { LatencySummary } from './stats.js';

export interface ScenarioResult {
  key: string;
  label: string;
  path: string;
  api: LatencySummary;
  sql: LatencySummary;
}

export interface RunMetadata {
  date: string;
  participants: number;
  measuredOrganizationParticipants: number;
  organizations: number;
  staff: number;
  durationSeconds: number;
  connections: number;
  seedSeconds: number;
  node: string;
  postgres: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

export function buildJson(meta: RunMetadata, results: ScenarioResult[], sessionLookup: LatencySummary) {
  return {
    tool: 'cope-bench',
    version: 1,
    ...meta,
    notes: {
      api: 'autocannon against buildApp() in a worker thread; cookie session of a coordinator (MFA done)',
      sql: 'same SQL through pg.Pool in a tenant transaction (begin, set local role cope_app, set_config, data queries, commit); no session lookup',
      sessionLookup: 'the per-request session lookup transaction of the API (resolveSession), measured alone',
      latency: 'milliseconds, nearest-rank percentiles over every successful request',
    },
    endpoints: results.map((r) => ({
      key: r.key,
      label: r.label,
      path: r.path,
      api: r.api,
      sql: r.sql,
      ratio: {
        p50: ratio(r.api.p50Ms, r.sql.p50Ms),
        p95: ratio(r.api.p95Ms, r.sql.p95Ms),
        p99: ratio(r.api.p99Ms, r.sql.p99Ms),
        throughputSqlOverApi: ratio(r.sql.perSecond, r.api.perSecond),
      },
    })),
    sessionLookup,
  };
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const triple = (s: LatencySummary) => `${fixed(s.p50Ms, 2)} / ${fixed(s.p95Ms, 2)} / ${fixed(s.p99Ms, 2)}`;

export function formatTable(
  meta: RunMetadata,
  results: ScenarioResult[],
  sessionLookup: LatencySummary,
): string {
  const header = [
    'endpoint',
    'API p50 / p95 / p99 ms',
    'API req/s',
    'SQL p50 / p95 / p99 ms',
    'SQL q/s',
    'API/SQL p50',
  ];
  const rows = results.map((r) => [
    r.label,
    triple(r.api),
    fixed(r.api.perSecond, 0),
    triple(r.sql),
    fixed(r.sql.perSecond, 0),
    `${fixed(ratio(r.api.p50Ms, r.sql.p50Ms) ?? Number.NaN, 2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const failures = results.flatMap((r) =>
    r.api.failures + r.sql.failures > 0 ? [`${r.key}: API ${r.api.failures}, SQL ${r.sql.failures}`] : [],
  );
  return [
    '',
    `${meta.date} · ${meta.participants} participants (${meta.measuredOrganizationParticipants} in the measured organization) · ` +
      `${meta.durationSeconds} s per side · ${meta.connections} connection${meta.connections === 1 ? '' : 's'}`,
    `Node ${meta.node} · PostgreSQL ${meta.postgres} · ${meta.cpus} × ${meta.cpuModel} · ${meta.memoryGiB} GiB`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    `Session lookup transaction alone (runs before every API request; SQL): p50 / p95 / p99 ${triple(sessionLookup)} ms, ` +
      `${fixed(sessionLookup.perSecond, 0)} q/s`,
    failures.length > 0 ? `FAILED REQUESTS: ${failures.join('; ')}` : 'No failed requests.',
    '',
  ].join('\n');
}
