/** The audit trail: reads and refusals recorded, append-only, and tampering detected. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/audit/record.js';
import { verifyAuditTrail } from '../src/audit/verify.js';
import { openDatabase } from '../src/db/client.js';
import { TenantDb } from '../src/db/tenant.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';

const run = promisify(execFile);

describe.each(DATABASE_KINDS)('audit trail on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'administrator', 'peer_worker'],
      participants: ['Hela Auditova'],
    });
    cookie = await signIn(t.app, org.staff.coordinator ?? raise());
  });
  afterAll(() => t?.close());

  it('records reads of case data, not only writes', async () => {
    const id = org.participants[0]?.id;
    await t.app.inject({ method: 'GET', url: `/api/participants/${id}`, headers: { cookie } });
    await t.app.inject({
      method: 'GET',
      url: `/api/participants/${id}/sections/identity`,
      headers: { cookie },
    });
    const events = await t.database.ownerQuery<{
      action: string;
      resource_id: string;
      section: string | null;
    }>(
      'select action, resource_id, section from audit_event where organization_id = $1 and resource_id = $2 order by seq',
      [org.id, id],
    );
    expect(events).toEqual([
      { action: 'participant.read', resource_id: id, section: null },
      { action: 'section.read', resource_id: id, section: 'identity' },
    ]);
  });

  it('records refusals and alerts coordinators after repeated ones', async () => {
    const peer = await signIn(t.app, org.staff.peer_worker ?? raise());
    const id = org.participants[0]?.id;
    for (let i = 0; i < 5; i++) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/participants/${id}/sections/legal`,
        headers: { cookie: peer },
      });
      expect(response.statusCode).toBe(403);
    }
    const denied = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where actor_user_id = $1 and outcome = 'denied'`,
      [org.staff.peer_worker?.id],
    );
    expect(Number(denied[0]?.n)).toBe(5);
    const alerts = await t.database.ownerQuery<{ kind: string; recipient_user_id: string }>(
      `select kind, recipient_user_id from notification where organization_id = $1 and kind = 'repeated_denials'`,
      [org.id],
    );
    expect(alerts).toEqual([{ kind: 'repeated_denials', recipient_user_id: org.staff.coordinator?.id }]);
  });

  it('refuses UPDATE and DELETE to the application role and, by trigger, to the owner', async () => {
    const db = t.database.db;
    await expect(
      db.run({ organizationId: org.id, userId: null }, (tx) =>
        tx.execute(sql`update audit_event set reason = 'x'`),
      ),
    ).rejects.toThrow();
    await expect(
      db.run({ organizationId: org.id, userId: null }, (tx) => tx.execute(sql`delete from audit_event`)),
    ).rejects.toThrow();
    await expect(t.database.ownerQuery(`update audit_event set reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.database.ownerQuery('delete from audit_event')).rejects.toThrow(/append-only/);
  });

  it('finds the first tampered row when a superuser edits one', async () => {
    expect((await verifyAuditTrail(t.database.handle.system)).broken).toBeNull();
    const [victim] = await t.database.ownerQuery<{ id: number }>(
      'select id from audit_event where organization_id = $1 order by seq limit 1 offset 1',
      [org.id],
    );
    // A superuser can switch triggers off; the hash chain still gives her away.
    await t.database.ownerQuery(`set session_replication_role = replica`);
    await t.database.ownerQuery(`update audit_event set action = 'participant.list' where id = $1`, [
      victim?.id,
    ]);
    await t.database.ownerQuery(`set session_replication_role = origin`);
    const result = await verifyAuditTrail(t.database.handle.system);
    expect(result.broken).toMatchObject({
      id: Number(victim?.id),
      problem: 'content does not match its hash',
    });
  });
});

describe('npm run admin -- verify-audit', () => {
  it('exits 0 on an intact chain and 1 naming the row after tampering', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cope-audit-'));
    try {
      const handle = await openDatabase({ dataDir: dir });
      await handle.migrate();
      const db = new TenantDb(handle.system);
      const orgId = '00000000-0000-4000-8000-0000000000aa';
      await db.run({ organizationId: orgId, userId: null }, async (tx) => {
        await tx.execute(
          sql`insert into organization (id, name, case_code_prefix) values (${orgId}, 'Audit test', 'AUD')`,
        );
        for (let i = 0; i < 3; i++) {
          await recordAudit(tx, { organizationId: orgId, actorUserId: null, action: 'participant.list' });
        }
      });
      await handle.close();
      const cli = path.resolve(__dirname, '../src/cli/admin.ts');
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
      const ok = await run(process.execPath, ['--import', 'tsx', cli, 'verify-audit'], { env });
      expect(ok.stdout).toMatch(/intact: 3 events/);

      const again = await openDatabase({ dataDir: dir });
      await again.system.execute(sql`set session_replication_role = replica`);
      await again.system.execute(sql`delete from audit_event where seq = 2`);
      await again.close();
      const broken = await run(process.execPath, ['--import', 'tsx', cli, 'verify-audit'], { env }).catch(
        (error: { code: number; stdout: string }) => error,
      );
      expect('code' in broken ? broken.code : 0).toBe(1);
      expect(broken.stdout).toMatch(/BROKEN at event id \d+ .*sequence 3.*sequence 2 is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function raise(): never {
  throw new Error('factory did not create the expected staff member');
}
