/**
 * Test databases: every suite that touches data runs on embedded PGlite and, when
 * TEST_DATABASE_URL is set, on a throw-away database of that PostgreSQL server as well.
 */
import { randomBytes } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/client.js';
import { queryRows, TenantDb } from '../src/db/tenant.js';
import { Keyring } from '../src/security/keyring.js';
import { masterKeyFromBytes } from '../src/security/master-key.js';

export type DatabaseKind = 'pglite' | 'postgres';

export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The app's way in: as cope_app, per organization. */
  db: TenantDb;
  /** An envelope-encryption keyring with a throw-away master key. */
  keyring: Keyring;
  /** Superuser/owner SQL, bypassing row-level security: for tampering and catalog checks. */
  ownerQuery<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: '', memory: true });
    await handle.migrate();
    return {
      handle,
      ...appParts(handle),
      ownerQuery: async (text, params) => {
        // Drizzle wraps driver errors; tests match the database's own message.
        return queryRows<never>(handle.system, rawSql(text, params)).catch((error: unknown) => {
          throw error instanceof Error && error.cause instanceof Error ? error.cause : error;
        });
      },
      destroy: () => handle.close(),
    };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `cope_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 4 });
  await handle.migrate();
  const owner = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // Dropping the database ends connections still closing; that is expected, not a failure.
  owner.on('error', () => {});
  return {
    handle,
    ...appParts(handle),
    ownerQuery: async (text, params) => (await owner.query(text, params)).rows,
    destroy: async () => {
      await owner.end();
      await handle.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Plain SQL with $1-style parameters, for owner-level test queries. */
function rawSql(text: string, params: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${params[Number(part) - 1]}`);
  });
  return sql.join(chunks, sql.raw(''));
}

function appParts(handle: DatabaseHandle) {
  return { db: new TenantDb(handle.system), keyring: new Keyring(masterKeyFromBytes(randomBytes(32))) };
}
