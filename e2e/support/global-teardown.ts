import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { DATABASES, PIDS } from './servers.js';

export default async function globalTeardown(): Promise<void> {
  if (existsSync(PIDS)) {
    for (const pid of JSON.parse(readFileSync(PIDS, 'utf8')) as number[]) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already stopped
      }
    }
  }
  if (!existsSync(DATABASES)) return;
  const { server, urls } = JSON.parse(readFileSync(DATABASES, 'utf8')) as {
    server: string | null;
    urls: string[];
  };
  if (!server) return;
  // Give the servers a moment to close their pools, then drop their databases.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  for (const url of urls) {
    await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  }
  await admin.end();
}
