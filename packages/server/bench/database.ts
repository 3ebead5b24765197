/**
 * A throw-away database for one benchmark run, created on the server named by the given URL
 * (which itself is only used to issue CREATE/DROP DATABASE) and migrated like production.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any connection still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `cope_bench_${randomBytes(5).toString('hex')}`;
  // The name is generated here from hex digits only, so quoting it is enough.
  await withAdmin(serverUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

export async function serverVersion(url: string): Promise<string> {
  return withAdmin(url, async (client) => {
    const result = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return result.rows[0]?.v ?? 'unknown';
  });
}
