/**
 * Opens the database: embedded PGlite under DATA_DIR, or a PostgreSQL server when a URL is
 * given. Both drivers sit behind one Drizzle type, so no feature can work on one and not the
 * other. The handle is split in two on purpose:
 * - `tenant` runs work as the role cope_app inside a transaction that carries the
 *   organization context (row-level security applies);
 * - `system` is the owner connection, used only by migrations, health checks and jobs that
 *   must cross organizations (demo seeding, benchmarks). Request handlers never receive it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as baseSchema from './schema.js';
import * as caseSchema from './schema-case.js';
import * as itinerarySchema from './schema-itinerary.js';
import * as safetySchema from './schema-safety.js';

const schema = { ...baseSchema, ...caseSchema, ...safetySchema, ...itinerarySchema };

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

const APPLIED_SQL = 'select count(*)::int as n from drizzle.__drizzle_migrations';

export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  /** Owner connection: migrations, readiness and explicitly cross-organization jobs only. */
  system: Db;
  migrate(): Promise<void>;
  /** Number of migrations recorded as applied (readiness check). */
  appliedMigrations(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** Embedded database in memory only (tests). */
  memory?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A broken idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const system = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      system,
      migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      appliedMigrations: async () => {
        const result = await pool.query<{ n: number }>(APPLIED_SQL);
        return result.rows[0]?.n ?? 0;
      },
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if (options.memory) {
    client = await PGlite.create();
  } else {
    const dir = path.resolve(options.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  }
  const system = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    system,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    appliedMigrations: async () => {
      const result = await client.query<{ n: number }>(APPLIED_SQL);
      return result.rows[0]?.n ?? 0;
    },
    close: () => client.close(),
  };
}
