/**
 * Starts two real servers: one in demo mode, one empty (first run). They use embedded PGlite,
 * or — when E2E_DATABASE_URL names a PostgreSQL server — a fresh database each on that server,
 * so the journeys run on both databases. The web app must be built first (npm test does it).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DEMO_URL, FRESH_URL } from '../../playwright.config.js';
import { DATABASES, DEMO_LOG, DEMO_LOGINS, E2E_TMP, FRESH_LOG, PIDS, parseDemoLogins } from './servers.js';

async function freshDatabase(serverUrl: string | undefined, label: string): Promise<string> {
  if (!serverUrl) return '';
  const name = `cope_e2e_${label}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function start(url: string, log: string, dataDir: string, databaseUrl: string, extraArgs: string[]): number {
  const out = openSync(log, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', ...extraArgs], {
    env: {
      ...process.env,
      PORT: new URL(url).port,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  child.unref();
  if (!child.pid) throw new Error('could not start the server');
  return child.pid;
}

async function waitForHealth(url: string, log: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`server at ${url} did not become ready:\n${readFileSync(log, 'utf8').slice(-3000)}`);
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync('packages/web/dist/index.html')) {
    throw new Error('Build the web app first: npm run build');
  }
  rmSync(E2E_TMP, { recursive: true, force: true });
  mkdirSync(E2E_TMP, { recursive: true });
  const server = process.env.E2E_DATABASE_URL || undefined;
  const databases = [await freshDatabase(server, 'demo'), await freshDatabase(server, 'fresh')];
  writeFileSync(DATABASES, JSON.stringify({ server: server ?? null, urls: databases.filter(Boolean) }));
  const pids = [
    start(DEMO_URL, DEMO_LOG, path.join(E2E_TMP, 'demo-data'), databases[0] ?? '', ['--demo']),
    start(FRESH_URL, FRESH_LOG, path.join(E2E_TMP, 'fresh-data'), databases[1] ?? '', []),
  ];
  writeFileSync(PIDS, JSON.stringify(pids));
  await Promise.all([waitForHealth(DEMO_URL, DEMO_LOG), waitForHealth(FRESH_URL, FRESH_LOG)]);
  const logins = parseDemoLogins(readFileSync(DEMO_LOG, 'utf8'));
  if (logins.length < 9) throw new Error('demo mode did not print the demo logins');
  writeFileSync(DEMO_LOGINS, JSON.stringify(logins));
}
