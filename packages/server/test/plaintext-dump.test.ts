/**
 * What a stolen database reveals: seed participants (names, legal names, birth dates) and staff
 * TOTP secrets, then read the database as an attacker would — `pg_dump` of a PostgreSQL
 * database, or every file of an embedded PGlite data directory — and look for the plaintext.
 * Each test first finds a value that IS stored in clear (the organization's name), so it proves
 * it can see plaintext before it asserts the identities are not there.
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
import { createTestDatabase, type TestDatabase } from './databases.js';
import { createOrganization } from './factories.js';
import { createParticipants, type Identity } from './security-helpers.js';

const run = promisify(execFile);

// Distinctive values: none can occur in a dump by chance.
const IDENTITIES: Identity[] = [
  { preferredName: 'Quillonia Varst', legalName: 'Quillonia Brightwater Varstova', birthDate: '1987-02-13' },
  { preferredName: 'Yezmira Oduvane', legalName: 'Yezmira Kélà Oduvanesse', birthDate: '1979-11-29' },
  { preferredName: 'Ñusta Halvorbeck', legalName: 'Ñusta Ximena Halvorbeck Ruiz', birthDate: '2001-06-07' },
];

/** Everything that must not be readable, with the lower-case forms the blind index normalises to. */
function secretsOf(totpSecrets: string[]): string[] {
  const values = IDENTITIES.flatMap((p) => [p.preferredName, p.legalName ?? '', p.birthDate ?? '']);
  return [...values, ...values.map((v) => v.toLowerCase()), ...totpSecrets].filter((v) => v.length > 0);
}

async function seed(database: Pick<TestDatabase, 'db' | 'keyring'>) {
  const org = await createOrganization(database, {
    roles: ['coordinator', 'administrator', 'social_worker'],
  });
  await createParticipants(database, org.id, IDENTITIES);
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
