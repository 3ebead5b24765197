/**
 * `npm run bench`: seeds a throw-away PostgreSQL database, then measures the main read
 * endpoints through HTTP and the same queries directly through pg, and reports both.
 * Progress goes to standard error; the table to standard output (or standard error when
 * `--json` alone sends JSON to standard output). Only aggregate numbers are ever printed.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/client.js';
import { hashToken } from '../src/security/tokens.js';
import { type ApiServer, apiGet, measureApi, startApiServer } from './api.js';
import { type BenchDatabase, createBenchDatabase, serverVersion } from './database.js';
import { HELP, OptionsError, parseOptions } from './options.js';
import { buildJson, formatTable, type RunMetadata, type ScenarioResult } from './report.js';
import { buildScenarios } from './scenarios.js';
import { createBenchSession, seedBenchData } from './seed.js';
import { measureSql, sessionLookupSql } from './sql.js';

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Everything opened so far, released in reverse on success, error or Ctrl-C. */
const opened: {
  benchDb?: BenchDatabase;
  database?: DatabaseHandle;
  server?: ApiServer;
  pool?: pg.Pool;
  keep: boolean;
} = { keep: false };

/** `fast` (Ctrl-C): no graceful closing; DROP DATABASE … WITH (FORCE) ends open connections. */
async function cleanUp(fast = false): Promise<void> {
  const { server, pool, database, benchDb } = opened;
  opened.server = undefined;
  opened.pool = undefined;
  opened.database = undefined;
  const quietly = (work: Promise<unknown> | undefined) => work?.catch(() => {});
  if (fast) {
    await quietly(server?.terminate());
  } else {
    await quietly(server?.close());
    await quietly(pool?.end());
    await quietly(database?.close());
  }
  if (!benchDb) return;
  if (opened.keep) {
    log(`Kept database ${benchDb.name}: ${benchDb.url}`);
  } else {
    await benchDb.drop();
    log(`Dropped database ${benchDb.name}.`);
  }
  opened.benchDb = undefined;
}

function onSignal(signal: NodeJS.Signals): void {
  log(`\n${signal}: stopping and cleaning up…`);
  // Dropping the database ends the connections of queries still in flight; their errors only
  // say so, and the process is about to exit.
  process.on('uncaughtException', () => {});
  void cleanUp(true).finally(() => process.exit(130));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  opened.keep = options.keep;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const postgres = await serverVersion(options.databaseUrl);
  const benchDb = await createBenchDatabase(options.databaseUrl);
  opened.benchDb = benchDb;
  log(`Created database ${benchDb.name} on PostgreSQL ${postgres}.`);

  const database = await openDatabase({ databaseUrl: benchDb.url, dataDir: os.tmpdir(), poolSize: 4 });
  opened.database = database;
  await database.migrate();
  log(`Seeding ${options.participants} participants…`);
  // A throw-away master key: the seeder seals with it and the server thread opens with it.
  const masterKey = randomBytes(32);
  const seed = await seedBenchData(database.system, options.participants, masterKey);
  const tenant = { organizationId: seed.measured.id, userId: seed.coordinatorId };
  const token = await createBenchSession(database.system, tenant.organizationId, tenant.userId);
  log(
    `Seeded ${seed.organizations.length} organizations, ` +
      `${seed.organizations.reduce((n, org) => n + org.staff, 0)} staff in ${seed.seconds.toFixed(1)} s (vacuum analyze included).`,
  );

  const server = await startApiServer(benchDb.url, options.connections, masterKey.toString('base64'));
  opened.server = server;
  const pool = new pg.Pool({ connectionString: benchDb.url, max: options.connections });
  pool.on('error', () => {});
  opened.pool = pool;

  const scenarios = buildScenarios({
    pool,
    tenant,
    participants: seed.measured.participants,
    sampleParticipantIds: seed.sampleParticipantIds,
  });
  for (const scenario of scenarios) {
    const body = await apiGet(server, token, scenario.apiPaths[0] ?? '/');
    if (!(await scenario.agrees(body))) {
      throw new Error(`${scenario.key}: the API and the direct SQL do not return the same rows`);
    }
  }
  log('Checked: every endpoint answers 200 and returns the same rows as its direct SQL.');

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    log(
      `Measuring ${scenario.label}: API ${options.durationSeconds} s, then SQL ${options.durationSeconds} s…`,
    );
    const api = await measureApi(
      server,
      token,
      scenario.apiPaths,
      options.connections,
      options.durationSeconds,
    );
    const sql = await measureSql(options.connections, options.durationSeconds, (i) => scenario.sql(i));
    const path = scenario.apiPaths.length > 1 ? '/api/participants/:id' : (scenario.apiPaths[0] ?? '');
    results.push({ key: scenario.key, label: scenario.label, path, api, sql });
  }
  log(`Measuring the session lookup transaction alone: ${options.durationSeconds} s…`);
  const tokenHash = hashToken(token);
  const sessionLookup = await measureSql(options.connections, options.durationSeconds, () =>
    sessionLookupSql(pool, tokenHash),
  );

  const cpus = os.cpus();
  const meta: RunMetadata = {
    date: new Date().toISOString(),
    participants: options.participants,
    measuredOrganizationParticipants: seed.measured.participants,
    organizations: seed.organizations.length,
    staff: seed.organizations.reduce((n, org) => n + org.staff, 0),
    durationSeconds: options.durationSeconds,
    connections: options.connections,
    seedSeconds: Math.round(seed.seconds * 10) / 10,
    node: process.version,
    postgres,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
  };
  const table = formatTable(meta, results, sessionLookup);
  const json = `${JSON.stringify(buildJson(meta, results, sessionLookup), null, 2)}\n`;
  if (options.json === 'stdout') {
    process.stderr.write(table);
    process.stdout.write(json);
  } else {
    process.stdout.write(table);
    if (options.json) {
      writeFileSync(options.json.file, json);
      log(`Wrote ${options.json.file}.`);
    }
  }
  if (results.some((r) => r.api.failures + r.sql.failures > 0)) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  if (error instanceof OptionsError) {
    log(error.message);
    process.exitCode = 2;
  } else {
    log(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
} finally {
  await cleanUp();
}
