/** Demo mode: a synthetic network, loaded once, refused on a database with real data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoRefusedError, demoParticipantNames, loadDemo } from '../src/demo/seed.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases.js';

describe.each(DATABASE_KINDS)('demo mode on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.destroy());

  it('loads two organizations, one account per role in each, and forty sealed participants', async () => {
    const logins = await loadDemo(database.db, database.keyring);
    expect(logins).toHaveLength(18);
    expect(new Set(logins.map((l) => l.organization)).size).toBe(2);
    const [count] = await database.ownerQuery<{ n: number; sealed: number; teams: number }>(
      `select count(*)::int as n,
              count(*) filter (where preferred_name_enc like 'v1.%')::int as sealed,
              (select count(distinct participant_id)::int from case_team_member) as teams
         from participant`,
    );
    expect(count).toEqual({ n: 40, sealed: 40, teams: expect.any(Number) });
    expect(Number(count?.teams)).toBeGreaterThan(30);
    const names = demoParticipantNames();
    expect(new Set(names).size).toBe(40);
  });

  it('starts again on its own data without duplicating it, with fresh passwords', async () => {
    const before = await database.ownerQuery<{ password_hash: string }>(
      `select password_hash from staff_user order by email limit 1`,
    );
    const logins = await loadDemo(database.db, database.keyring);
    expect(logins).toHaveLength(18);
    const [count] = await database.ownerQuery<{ n: number }>('select count(*)::int as n from participant');
    expect(count?.n).toBe(40);
    const after = await database.ownerQuery<{ password_hash: string }>(
      `select password_hash from staff_user order by email limit 1`,
    );
    expect(after[0]?.password_hash).not.toBe(before[0]?.password_hash);
  });

  it('refuses to load into a database that holds real data', async () => {
    const real = await createTestDatabase(kind);
    try {
      await real.ownerQuery(`insert into instance (id, mode) values (1, 'production')`);
      await expect(loadDemo(real.db, real.keyring)).rejects.toBeInstanceOf(DemoRefusedError);
      const [count] = await real.ownerQuery<{ n: number }>('select count(*)::int as n from organization');
      expect(count?.n).toBe(0);
    } finally {
      await real.destroy();
    }
  });
});
