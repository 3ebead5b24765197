/**
 * The only way request code touches the database. Each unit of work is one transaction that
 * switches to the role cope_app and sets the tenant context with set_config(..., true), so the
 * settings vanish at commit and a query outside this wrapper never sees organization data.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface TenantContext {
  organizationId: string | null;
  userId: string | null;
}

/** Keyed look-ups that row-level security allows before the organization is known. */
export interface LookupContext {
  signInEmail?: string;
  sessionTokenHash?: string;
  invitationTokenHash?: string;
}

export class TenantDb {
  constructor(private readonly db: Db) {}

  /** Runs `work` as cope_app with the given organization and user. */
  run<T>(context: TenantContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`set local role cope_app`);
      await tx.execute(
        sql`select set_config('app.org_id', ${context.organizationId ?? ''}, true),
                   set_config('app.user_id', ${context.userId ?? ''}, true)`,
      );
      return work(tx);
    });
  }

  /** Runs `work` as cope_app with no organization yet, allowing only the given keyed look-ups. */
  lookup<T>(keys: LookupContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`set local role cope_app`);
      await tx.execute(
        sql`select set_config('app.sign_in_email', ${keys.signInEmail ?? ''}, true),
                   set_config('app.session_token_hash', ${keys.sessionTokenHash ?? ''}, true),
                   set_config('app.invitation_token_hash', ${keys.invitationTokenHash ?? ''}, true)`,
      );
      return work(tx);
    });
  }
}

/** Switches an open lookup transaction to a tenant once the organization is known. */
export async function enterTenant(tx: Tx, context: TenantContext): Promise<void> {
  await tx.execute(
    sql`select set_config('app.org_id', ${context.organizationId ?? ''}, true),
               set_config('app.user_id', ${context.userId ?? ''}, true)`,
  );
}

/** Rows of a hand-written query; both drivers return `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
