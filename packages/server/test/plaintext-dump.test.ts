/**
 * What a stolen database reveals: seed participants (names, legal names, birth dates, section
 * records, a withdrawn consent with its note and signed scan, a handover note) and staff TOTP
 * secrets, then read the database as an attacker would — `pg_dump` of a PostgreSQL database,
 * every file of an embedded PGlite data directory, every row of every table as text — and look
 * for the plaintext. Each test first finds a value that IS stored in clear (the organization's
 * name), so it proves it can see plaintext before it asserts the identities are not there.
 * After an erasure, nothing of hers can be opened by anyone: her key is gone.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { queryRows, TenantDb } from '../src/db/tenant.js';
import { Keyring } from '../src/security/keyring.js';
import { masterKeyFromBytes } from '../src/security/master-key.js';
import { createTestApp, signIn } from './app.js';
import { type HerFileValues, seedHerFile } from './case-file-helpers.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases.js';
import { createOrganization } from './factories.js';
import { createParticipants, type Identity, simulateStepUp, writeHeaders } from './security-helpers.js';

const run = promisify(execFile);

// Distinctive values: none can occur in a dump by chance.
const IDENTITIES: (Identity & { file: HerFileValues })[] = [
  {
    preferredName: 'Quillonia Varst',
    legalName: 'Quillonia Brightwater Varstova',
    birthDate: '1987-02-13',
    file: fileValues('Quillonia', '+34 611 908 172'),
  },
  {
    preferredName: 'Yezmira Oduvane',
    legalName: 'Yezmira Kélà Oduvanesse',
    birthDate: '1979-11-29',
    file: fileValues('Yezmira', '+39 347 551 0093'),
  },
  {
    preferredName: 'Ñusta Halvorbeck',
    legalName: 'Ñusta Ximena Halvorbeck Ruiz',
    birthDate: '2001-06-07',
    file: fileValues('Ñusta', '+40 723 118 554'),
  },
];

function fileValues(name: string, phone: string): HerFileValues {
  return {
    phone,
    codeWord: `${name}-zephyrine-codeword`,
    withdrawalNote: `${name} withdrew consent at the Thursday drop-in`,
    handoverNote: `${name} trusts the evening volunteer; handover agreed`,
    scanText: `${name} signature scan marker`,
  };
}

/** Everything that must not be readable, with the lower-case forms the blind index normalises to. */
function secretsOf(totpSecrets: string[]): string[] {
  const values = IDENTITIES.flatMap((p) => [
    p.preferredName,
    p.legalName ?? '',
    p.birthDate ?? '',
    ...Object.values(p.file),
  ]);
  return [...values, ...values.map((v) => v.toLowerCase()), ...totpSecrets].filter((v) => v.length > 0);
}

async function seed(database: Pick<TestDatabase, 'db' | 'keyring'>) {
  const org = await createOrganization(database, {
    roles: ['coordinator', 'administrator', 'social_worker'],
  });
  const created = await createParticipants(database, org.id, IDENTITIES);
  const worker = org.staff.social_worker?.id ?? '';
  const coordinator = org.staff.coordinator?.id ?? '';
  for (const [i, p] of created.entries()) {
    const values = IDENTITIES[i]?.file;
    if (values)
      await seedHerFile(
        database,
        org.id,
        p.id,
        { authorId: worker, fromId: coordinator, toId: worker },
        values,
      );
  }
  const [name] = await database.db.run({ organizationId: org.id, userId: null }, (tx) =>
    queryRows<{ name: string }>(tx, sql`select name from organization`),
  );
  return { control: name?.name ?? '', totpSecrets: Object.values(org.staff).map((s) => s.totpSecret) };
}

function expectOnlyControl(haystack: Buffer, control: string, secrets: string[]) {
  // The control is stored in clear: if it is not found, the test cannot see anything.
  expect(control).toMatch(/^Test organization /);
  expect(haystack.includes(Buffer.from(control, 'utf8'))).toBe(true);
  const found = secrets.filter((value) => haystack.includes(Buffer.from(value, 'utf8')));
  expect(found).toEqual([]);
}

describe.runIf(process.env.TEST_DATABASE_URL)('plaintext in a PostgreSQL dump', () => {
  it('pg_dump shows no name, birth date or TOTP secret', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const { control, totpSecrets } = await seed(database);
      const [current] = await database.ownerQuery<{ name: string }>('select current_database() as name');
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${current?.name}`;
      const { stdout } = await run('pg_dump', ['--dbname', url.toString()], {
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'buffer',
      });
      expectOnlyControl(stdout, control, secretsOf(totpSecrets));
    } finally {
      await database.destroy();
    }
  });
});

describe('plaintext in an embedded (PGlite) data directory', () => {
  it('no file under the data directory holds a name, birth date or TOTP secret', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cope-dump-'));
    try {
      const handle = await openDatabase({ dataDir });
      await handle.migrate();
      const keyring = new Keyring(masterKeyFromBytes(randomBytes(32)));
      const { control, totpSecrets } = await seed({ db: new TenantDb(handle.system), keyring });
      await handle.close();
      const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) =>
        e.isFile(),
      );
      expect(files.length).toBeGreaterThan(10);
      const contents = await Promise.all(files.map((f) => readFile(path.join(f.parentPath, f.name))));
      expectOnlyControl(Buffer.concat(contents), control, secretsOf(totpSecrets));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** Every row of every table, as PostgreSQL prints it: what a thief with a plain dump reads. */
async function everyRowAsText(database: TestDatabase): Promise<Buffer> {
  const tables = await database.ownerQuery<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['case_record', 'attachment', 'consent']));
  const rows: string[] = [];
  for (const { name } of tables) {
    const found = await database.ownerQuery<{ row: string }>(`select t::text as row from "${name}" t`);
    rows.push(...found.map((r) => r.row));
  }
  return Buffer.from(rows.join('\n'), 'utf8');
}

describe.each(DATABASE_KINDS)('the erased identity in a database dump on %s', (kind) => {
  it('is in no table, before or after erasure, and nothing of hers can be opened once erased', async () => {
    const t = await createTestApp(kind);
    try {
      const org = await createOrganization(t.database, { roles: ['coordinator', 'social_worker'] });
      const [herIdentity, otherIdentity] = IDENTITIES as [(typeof IDENTITIES)[0], (typeof IDENTITIES)[0]];
      const [her, other] = await createParticipants(t.database, org.id, [herIdentity, otherIdentity]);
      if (!her || !other) throw new Error('participants were not created');
      const staff = {
        authorId: org.staff.social_worker?.id ?? '',
        fromId: org.staff.coordinator?.id ?? '',
        toId: org.staff.social_worker?.id ?? '',
      };
      const hers = await seedHerFile(t.database, org.id, her.id, staff, herIdentity.file);
      await seedHerFile(t.database, org.id, other.id, staff, otherIdentity.file);
      const coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
      const noteBody = `${herIdentity.preferredName} lives near the old market`;
      const note = await t.app.inject({
        method: 'POST',
        url: `/api/participants/${her.id}/sections/identity/notes`,
        headers: writeHeaders(coordinator),
        payload: { body: noteBody },
      });
      expect(note.statusCode).toBe(201);
      const [organization] = await t.database.ownerQuery<{ name: string }>(
        'select name from organization where id = $1',
        [org.id],
      );
      const control = organization?.name ?? '';
      const secrets = [...secretsOf([]), noteBody];
      expectOnlyControl(await everyRowAsText(t.database), control, secrets);

      await simulateStepUp(t.database, coordinator);
      const erased = await t.app.inject({
        method: 'POST',
        url: `/api/participants/${her.id}/erase`,
        headers: writeHeaders(coordinator),
        payload: { reason: 'Her request of 3 March, taken at the office.' },
      });
      expect(erased.statusCode).toBe(200);
      expectOnlyControl(await everyRowAsText(t.database), control, secrets);

      // What is left of hers is ciphertext bound to a key that no longer exists.
      const [key] = await t.database.ownerQuery<{ wrapped_key: string | null }>(
        'select wrapped_key from participant_key where participant_id = $1',
        [her.id],
      );
      expect(key?.wrapped_key).toBeNull();
      const leftovers = await t.database.ownerQuery<{ ref: string; id: string; sealed: string }>(
        `select 'case_note|body' as ref, id::text, body_enc as sealed from case_note where participant_id = $1
         union all select 'reference_handover|note', id::text, note_enc from reference_handover where participant_id = $1
         union all select 'consent|withdrawal_note', id::text, withdrawal_note_enc from consent
                    where participant_id = $1 and withdrawal_note_enc is not null
         union all select 'participant|' || c, id::text, v from participant,
                    lateral (values ('preferred_name', preferred_name_enc), ('legal_name', legal_name_enc),
                                    ('birth_date', birth_date_enc)) as cols(c, v)
                    where id = $1 and v is not null`,
        [her.id],
      );
      expect(leftovers.map((l) => l.ref).sort()).toEqual([
        'case_note|body',
        'consent|withdrawal_note',
        'reference_handover|note',
      ]);
      expect(leftovers.find((l) => l.ref === 'reference_handover|note')?.id).toBe(hers.handoverId);
      await t.database.db.run({ organizationId: org.id, userId: null }, async (tx) => {
        expect(await t.database.keyring.participantKey(tx, org.id, her.id)).toBeNull();
        const otherKey = await t.database.keyring.participantKey(tx, org.id, other.id);
        for (const leftover of leftovers) {
          const [table = '', column = ''] = leftover.ref.split('|');
          const ref = { table, column, recordId: leftover.id };
          // Neither another woman's key nor the organization's own key opens it.
          expect(() => t.database.keyring.openWithKey(otherKey ?? raise(), ref, leftover.sealed)).toThrow();
          await expect(
            t.database.keyring.openForOrganization(tx, org.id, ref, leftover.sealed),
          ).rejects.toThrow();
        }
      });
    } finally {
      await t.close();
    }
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
