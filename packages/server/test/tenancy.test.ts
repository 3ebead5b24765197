/**
 * Tenant isolation is a database guarantee: these tests talk to the database as the
 * application role with hand-written SQL, on PGlite and (when configured) PostgreSQL.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type TenantDb, type Tx } from '../src/db/tenant.js';
import { createSession } from '../src/resources/auth/sessions.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';

const TENANT_TABLES = ['organization', 'staff_user', 'auth_session', 'case_code_counter', 'participant'];

const rows = (tx: Tx, query: SQL) => queryRows(tx, query);

describe.each(DATABASE_KINDS)('tenant isolation on %s', (kind) => {
  let database: TestDatabase;
  let db: TenantDb;
  let a: TestOrganization;
  let b: TestOrganization;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
    a = await createOrganization(database, { participants: ['Alda Testova'] });
    b = await createOrganization(database, { participants: ['Bea Probosi', 'Cira Muestri'] });
    const member = b.staff.coordinator;
    if (!member) throw new Error('factory made no coordinator');
    await db.run({ organizationId: b.id, userId: member.id }, (tx) =>
      createSession(tx, { organizationId: b.id, userId: member.id, mfaVerified: true }),
    );
  });
  afterAll(() => database?.destroy());

  it('runs application queries as cope_app, not as the owner', async () => {
    const [who] = await db.run({ organizationId: a.id, userId: null }, (tx) =>
      rows(tx, sql`select current_user as role`),
    );
    expect(who?.role).toBe('cope_app');
  });

  it.each(TENANT_TABLES)('returns no rows of %s without a tenant context', async (table) => {
    const found = await db.run({ organizationId: null, userId: null }, (tx) =>
      rows(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`),
    );
    expect(found[0]?.n).toBe(0);
    // The owner sees that the table does hold data: the zero above is isolation, not emptiness.
    const [all] = await database.ownerQuery<{ n: number }>(`select count(*)::int as n from ${table}`);
    expect(Number(all?.n)).toBeGreaterThan(0);
  });

  it('shows an organization only its own participants, even with a hand-written query', async () => {
    const seen = await db.run({ organizationId: a.id, userId: null }, (tx) =>
      rows(tx, sql`select organization_id from participant`),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((row) => row.organization_id === a.id)).toBe(true);
    const targeted = await db.run({ organizationId: a.id, userId: null }, (tx) =>
      rows(tx, sql`select * from participant where organization_id = ${b.id}`),
    );
    expect(targeted).toHaveLength(0);
  });

  it("cannot update or delete another organization's rows", async () => {
    const target = b.participants[0]?.id;
    await db.run({ organizationId: a.id, userId: null }, async (tx) => {
      const updated = await rows(
        tx,
        sql`update participant set status = 'closed' where id = ${target} returning id`,
      );
      expect(updated).toHaveLength(0);
      const deleted = await rows(
        tx,
        sql`delete from participant where organization_id = ${b.id} returning id`,
      );
      expect(deleted).toHaveLength(0);
      const renamed = await rows(
        tx,
        sql`update organization set name = 'taken' where id = ${b.id} returning id`,
      );
      expect(renamed).toHaveLength(0);
    });
    const [still] = await database.ownerQuery<{ status: string }>(
      'select status from participant where id = $1',
      [target],
    );
    expect(still?.status).toBe('active');
  });

  it('cannot insert rows into another organization or move a row there', async () => {
    await expect(
      db.run({ organizationId: a.id, userId: null }, (tx) =>
        tx.execute(
          sql`insert into participant (id, organization_id, case_code, status) values (gen_random_uuid(), ${b.id}, 'X-1', 'active')`,
        ),
      ),
    ).rejects.toThrow();
    await expect(
      db.run({ organizationId: a.id, userId: null }, (tx) =>
        tx.execute(sql`update participant set organization_id = ${b.id} where organization_id = ${a.id}`),
      ),
    ).rejects.toThrow();
  });

  it('cannot leave the application role or switch tenant settings off inside policies', async () => {
    // Policies read the setting through nullif(...): an empty value matches nothing.
    const found = await db.run({ organizationId: a.id, userId: null }, async (tx) => {
      await tx.execute(sql`select set_config('app.org_id', '', true)`);
      return rows(tx, sql`select id from participant`);
    });
    expect(found).toHaveLength(0);
  });

  it('lets sign-in see exactly one account: the one whose email was typed', async () => {
    const email = a.staff.coordinator?.email ?? '';
    const found = await db.lookup({ signInEmail: email }, (tx) =>
      rows(tx, sql`select email from staff_user`),
    );
    expect(found.map((row) => row.email)).toEqual([email]);
    const none = await db.lookup({}, (tx) => rows(tx, sql`select email from staff_user`));
    expect(none).toHaveLength(0);
  });

  it('has row-level security enabled and forced on every table, and the app role owns none', async () => {
    const tables = await database.ownerQuery<{
      relname: string;
      rls: boolean;
      forced: boolean;
      owner: string;
    }>(
      `select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced, pg_get_userbyid(c.relowner) as owner
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(TENANT_TABLES.length);
    for (const table of tables) {
      expect({ table: table.relname, rls: table.rls, forced: table.forced }).toEqual({
        table: table.relname,
        rls: true,
        forced: true,
      });
      expect(table.owner).not.toBe('cope_app');
    }
    const views = await database.ownerQuery<{ relname: string; options: string[] | null }>(
      `select c.relname, c.reloptions as options from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'v'`,
    );
    for (const view of views) expect(view.options ?? []).toContain('security_invoker=true');
  });

  it('gives the app role no superuser, no bypass and no login of its own', async () => {
    const [role] = await database.ownerQuery<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcreaterole: boolean;
    }>(`select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = 'cope_app'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false });
  });
});
