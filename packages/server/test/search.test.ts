/** Exact-name search through blind indexes, confirmed by decryption, through HTTP. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, LOG_SERIALIZERS } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { App } from '../src/http/context.js';
import { findPossibleDuplicates } from '../src/resources/participants/search.js';
import { computeBlindIndex } from '../src/security/keyring.js';
import { signIn } from './app.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';
import { createParticipants } from './security-helpers.js';

/** A name that falls in the same 12-bit bucket as `target`, found by trying numbered names. */
async function collidingName(database: TestDatabase, organizationId: string, target: string) {
  const key = await database.db.run({ organizationId, userId: null }, (tx) =>
    database.keyring.currentOrganizationKey(tx, organizationId, 'index'),
  );
  const wanted = computeBlindIndex(key.key, key.version, 'name', target);
  for (let i = 0; i < 200_000; i++) {
    const candidate = `Collider Number ${i}`;
    if (computeBlindIndex(key.key, key.version, 'name', candidate) === wanted) return candidate;
  }
  throw new Error('no colliding name found');
}

describe.each(DATABASE_KINDS)('participant search on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  const logs: string[] = [];
  let a: TestOrganization;
  let b: TestOrganization;
  let coordinator: string;
  let jose: { id: string; caseCode: string };
  let collider: { id: string; caseCode: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // The real request logger, writing into memory, to check that searched names never reach it.
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    app = await buildApp({
      config: loadConfig({ DATA_DIR: '/nonexistent' }, []),
      database: database.handle,
      keyring: database.keyring,
      logger: { level: 'info', serializers: LOG_SERIALIZERS, stream },
    });
    await app.ready();
    a = await createOrganization(database, { roles: ['coordinator', 'social_worker', 'lawyer'] });
    b = await createOrganization(database);
    const colliderName = await collidingName(database, a.id, 'José Pérez');
    [jose, collider] = (await createParticipants(database, a.id, [
      { preferredName: 'José Pérez', legalName: 'María José Pérez Gómez' },
      { preferredName: colliderName },
      { preferredName: 'Josefa Perezosa' },
    ])) as [{ id: string; caseCode: string }, { id: string; caseCode: string }];
    await createParticipants(database, b.id, [{ preferredName: 'José Pérez' }]);
    coordinator = await signIn(app, a.staff.coordinator ?? raise());
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const search = (name: string, cookie = coordinator) =>
    app.inject({
      method: 'GET',
      url: `/api/participants/search?name=${encodeURIComponent(name)}`,
      headers: { cookie },
    });
  const ids = async (name: string, cookie = coordinator) =>
    ((await search(name, cookie)).json().items as { id: string }[]).map((item) => item.id);

  it('finds her whatever the case, accents and spacing, in the list summary shape', async () => {
    const response = await search('jose perez');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({
        id: jose.id,
        caseCode: jose.caseCode,
        preferredName: 'José Pérez',
        status: 'active',
      }),
    ]);
    expect(await ids('  JOSÉ   PÉREZ ')).toEqual([jose.id]);
  });

  it('matches whole names only: no prefix or partial matches', async () => {
    expect(await ids('José')).toEqual([]);
    expect(await ids('Jose Perez Gomez')).toEqual([]);
  });

  it('confirms bucket candidates by decryption: a colliding name is not returned', async () => {
    const [row] = await database.ownerQuery<{ same: boolean }>(
      'select (select name_index from participant where id = $1) && (select name_index from participant where id = $2) as same',
      [jose.id, collider.id],
    );
    expect(row?.same).toBe(true);
    expect(await ids('José Pérez')).toEqual([jose.id]);
  });

  it('finds by legal name only for viewers who may see the legal identity', async () => {
    expect(await ids('maria jose perez gomez')).toEqual([jose.id]);
    // A team member sees the alias only ('limited'): the legal name must not lead to her.
    const lawyer = a.staff.lawyer ?? raise();
    await database.ownerQuery(
      'insert into case_team_member (organization_id, participant_id, user_id) values ($1, $2, $3)',
      [a.id, jose.id, lawyer.id],
    );
    const lawyerCookie = await signIn(app, lawyer);
    expect(await ids('María José Pérez Gómez', lawyerCookie)).toEqual([]);
    const byAlias = (await search('José Pérez', lawyerCookie)).json().items;
    expect(byAlias).toEqual([expect.objectContaining({ id: jose.id, preferredName: 'José Pérez' })]);
  });

  it('returns nothing whose identity the viewer may not see', async () => {
    const worker = await signIn(app, a.staff.social_worker ?? raise());
    expect(await ids('José Pérez', worker)).toEqual([]);
  });

  it("never returns another organization's participant", async () => {
    const other = await createOrganization(database, { roles: ['coordinator'] });
    const cookie = await signIn(app, other.staff.coordinator ?? raise());
    expect(await ids('José Pérez', cookie)).toEqual([]);
  });

  it('is audited without the name, and the name never reaches the request log', async () => {
    const before = logs.length;
    await search('José Pérez');
    const events = await database.ownerQuery<{
      action: string;
      resource_type: string;
      reason: string | null;
    }>(
      `select action, resource_type, reason from audit_event
        where organization_id = $1 and resource_type = 'participant_search' order by seq desc limit 1`,
      [a.id],
    );
    expect(events[0]).toEqual({
      action: 'participant.list',
      resource_type: 'participant_search',
      reason: null,
    });
    const written = logs.slice(before).join('');
    expect(written).toContain('/api/participants/search');
    expect(written).not.toMatch(/jos|p%C3%A9rez|perez/i);
    const all = await database.ownerQuery<{ row: string }>(
      'select row_to_json(e)::text as row from audit_event e where organization_id = $1',
      [a.id],
    );
    expect(all.map((e) => e.row).join('\n')).not.toMatch(/jos[eé]|p[eé]rez/i);
  });

  it('asks for a name of at least two characters', async () => {
    const response = await search('J');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('name');
  });

  it('refuses an administrator without a case role', async () => {
    const other = await createOrganization(database, { roles: ['administrator'] });
    const cookie = await signIn(app, other.staff.administrator ?? raise());
    expect((await search('José Pérez', cookie)).statusCode).toBe(403);
  });

  it('finds possible duplicates at intake by any of her names', async () => {
    const found = await database.db.run({ organizationId: a.id, userId: null }, (tx) =>
      findPossibleDuplicates(tx, database.keyring, a.id, ['maria jose perez gomez', 'Someone Else']),
    );
    expect(found).toEqual([{ id: jose.id, caseCode: jose.caseCode }]);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected staff member');
}
