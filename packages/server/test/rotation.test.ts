/** Key rotation and the master-key check, on PGlite and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpSecretRef } from '../src/resources/auth/service.js';
import { identityRef, openPreferredNames } from '../src/resources/participants/records.js';
import { checkMasterKey } from '../src/security/key-check.js';
import { Keyring } from '../src/security/keyring.js';
import { masterKeyFromBytes } from '../src/security/master-key.js';
import {
  listOrganizationIds,
  rewrapParticipantKeyBatch,
  rotateOrganizationDataKeys,
  rotateOrganizationMasterKey,
  startDataKeyRotation,
} from '../src/security/rotation.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';
import { createParticipants } from './security-helpers.js';

const NAMES = ['Ada Rotada', 'Bea Rotada', 'Cia Rotada', 'Dua Rotada', 'Eva Rotada'];

describe.each(DATABASE_KINDS)('key rotation on %s', (kind) => {
  // A master key of our own, so a second keyring with an empty cache can read back.
  const master = masterKeyFromBytes(randomBytes(32));
  const keyring = new Keyring(master);
  const fresh = () => new Keyring(master);
  let database: TestDatabase;
  let org: TestOrganization;
  let untouched: TestOrganization;

  beforeAll(async () => {
    database = { ...(await createTestDatabase(kind)), keyring };
    org = await createOrganization(database, { participants: NAMES });
    untouched = await createOrganization(database, { participants: ['Zoe Quieta'] });
  });
  afterAll(() => database?.destroy());

  const wrappedKeys = async (organizationId: string) =>
    new Map(
      (
        await database.ownerQuery<{
          participant_id: string;
          wrapped_key: string;
          organization_key_version: number;
        }>(
          'select participant_id, wrapped_key, organization_key_version from participant_key where organization_id = $1',
          [organizationId],
        )
      ).map((r) => [r.participant_id, r]),
    );
  const dataKeyVersions = (organizationId: string) =>
    database.ownerQuery<{ version: number; retired: boolean }>(
      `select version, retired_at is not null as retired from organization_key
        where organization_id = $1 and purpose = 'data' order by version`,
      [organizationId],
    );
  /**
   * Reads everything back through the app's own path, with the given keyring. (The owner reads
   * come first: PGlite has one connection, so they cannot run inside the tenant transaction.)
   */
  const readAll = async (reader: Keyring, o: TestOrganization) => {
    const rows = await database.ownerQuery<{ id: string; preferred_name_enc: string }>(
      'select id, preferred_name_enc from participant where organization_id = $1',
      [o.id],
    );
    const staff = Object.values(o.staff);
    const sealed = await database.ownerQuery<{ id: string; totp_secret_enc: string }>(
      'select id, totp_secret_enc from staff_user where organization_id = $1',
      [o.id],
    );
    const sealedOf = new Map(sealed.map((r) => [r.id, r.totp_secret_enc]));
    return database.db.run({ organizationId: o.id, userId: null }, async (tx) => {
      const names = await openPreferredNames(
        tx,
        reader,
        o.id,
        rows.map((r) => ({ id: r.id, preferredNameEnc: r.preferred_name_enc })),
      );
      const secrets = [];
      for (const member of staff) {
        const stored = sealedOf.get(member.id) ?? '';
        secrets.push(await reader.openForOrganization(tx, o.id, totpSecretRef(member.id), stored));
      }
      return { names: [...names.values()].sort(), secrets };
    });
  };

  it('reads keep working half-way through, when keys are wrapped by two versions', async () => {
    const before = await wrappedKeys(org.id);
    const started = await startDataKeyRotation(database.db, keyring, org.id);
    expect(started).toEqual({ from: 1, to: 2 });
    const batch = await rewrapParticipantKeyBatch(database.db, keyring, org.id, 2, null, 2);
    expect(batch.rewrapped).toBe(2);
    const during = await wrappedKeys(org.id);
    expect([...during.values()].filter((k) => k.organization_key_version === 2)).toHaveLength(2);
    const read = await readAll(fresh(), org);
    expect(read.names).toEqual([...NAMES].sort());
    expect(read.secrets).toEqual(Object.values(org.staff).map((s) => s.totpSecret));
    expect(before.size).toBe(NAMES.length);
  });

  it('rotates: every key re-wrapped with the new version, old versions retired, all still decrypts', async () => {
    const before = await wrappedKeys(org.id);
    const otherBefore = await wrappedKeys(untouched.id);
    const secretsBefore = await database.ownerQuery<{ totp_secret_enc: string }>(
      'select totp_secret_enc from staff_user where organization_id = $1 order by id',
      [org.id],
    );
    const done = await rotateOrganizationDataKeys(database.db, keyring, org.id, 2);
    expect(done).toMatchObject({ from: 2, to: 3, participantKeys: NAMES.length });
    expect(done?.staffSecrets).toBe(Object.keys(org.staff).length);

    const after = await wrappedKeys(org.id);
    for (const [id, key] of after) {
      expect(key.organization_key_version).toBe(3);
      expect(key.wrapped_key).not.toBe(before.get(id)?.wrapped_key);
    }
    expect(await dataKeyVersions(org.id)).toEqual([
      { version: 1, retired: true },
      { version: 2, retired: true },
      { version: 3, retired: false },
    ]);
    const secretsAfter = await database.ownerQuery<{ totp_secret_enc: string }>(
      'select totp_secret_enc from staff_user where organization_id = $1 order by id',
      [org.id],
    );
    secretsAfter.forEach((s, i) => {
      expect(s.totp_secret_enc).toMatch(/^v1\.3\./);
      expect(s.totp_secret_enc).not.toBe(secretsBefore[i]?.totp_secret_enc);
    });

    const read = await readAll(fresh(), org);
    expect(read.names).toEqual([...NAMES].sort());
    expect(read.secrets).toEqual(Object.values(org.staff).map((s) => s.totpSecret));
    // Another organization is left alone.
    expect(await wrappedKeys(untouched.id)).toEqual(otherBefore);
    expect(await dataKeyVersions(untouched.id)).toEqual([{ version: 1, retired: false }]);

    const [audit] = await database.ownerQuery<{
      action: string;
      resource_id: string;
      actor_user_id: string | null;
    }>(
      `select action, resource_id, actor_user_id from audit_event
        where organization_id = $1 and action = 'keys.rotated' order by seq desc limit 1`,
      [org.id],
    );
    expect(audit).toEqual({ action: 'keys.rotated', resource_id: 'data.v3', actor_user_id: null });
  });

  it('seals new participants with the current version after rotation', async () => {
    const [created] = await createParticipants(database, org.id, [{ preferredName: 'Fay Nueva' }]);
    const keys = await wrappedKeys(org.id);
    expect(keys.get(created?.id ?? '')?.organization_key_version).toBe(3);
  });

  it('never brings back a destroyed data key', async () => {
    const [victim] = await createParticipants(database, untouched.id, [{ preferredName: 'Gia Borrada' }]);
    const id = victim?.id ?? '';
    await database.db.run({ organizationId: untouched.id, userId: null }, (tx) =>
      keyring.destroyParticipantKey(tx, id),
    );
    await rotateOrganizationDataKeys(database.db, keyring, untouched.id);
    const [row] = await database.ownerQuery<{ wrapped_key: string | null }>(
      'select wrapped_key from participant_key where participant_id = $1',
      [id],
    );
    expect(row?.wrapped_key).toBeNull();
    const read = await readAll(fresh(), untouched);
    expect(read.names).toContain('Zoe Quieta');
    expect(read.names).toContain(null);
  });

  it('checks the master key against every stored organization key', async () => {
    const loaded = { source: 'COPE_MASTER_KEY', createdNow: false };
    expect(await checkMasterKey(database.handle.system, keyring, loaded)).toMatchObject({ status: 'ok' });
    const stranger = new Keyring(masterKeyFromBytes(randomBytes(32)));
    const wrong = await checkMasterKey(database.handle.system, stranger, loaded);
    expect(wrong.status).toBe('wrong_key');
    expect(wrong.status === 'wrong_key' && wrong.message).toMatch(/COPE_MASTER_KEY/);
    const { unreadable } = await stranger.verifyMasterKey(database.handle.system);
    expect(new Set(unreadable.map((k) => k.organizationId))).toEqual(new Set([org.id, untouched.id]));
  });

  it('re-wraps every organization key with a new master key', async () => {
    const next = new Keyring(masterKeyFromBytes(randomBytes(32)));
    const ids = await listOrganizationIds(database.handle.system);
    expect(ids).toEqual(expect.arrayContaining([org.id, untouched.id]));
    for (const id of [org.id, untouched.id]) {
      const count = await rotateOrganizationMasterKey(database.db, keyring, next, id);
      expect(count).toBeGreaterThan(0);
      // Repeating an interrupted run is harmless: nothing is left to re-wrap.
      expect(await rotateOrganizationMasterKey(database.db, keyring, next, id)).toBe(0);
    }
    const masters = await database.ownerQuery<{ master_key_id: string }>(
      'select distinct master_key_id from organization_key where organization_id in ($1, $2)',
      [org.id, untouched.id],
    );
    expect(masters).toEqual([{ master_key_id: next.masterKeyId }]);
    expect((await readAll(next, org)).names).toEqual([...NAMES, 'Fay Nueva'].sort());
    const old = fresh();
    await expect(readAll(old, org)).rejects.toThrow(/another master key/);
    const [rotated] = await database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where organization_id = $1 and resource_type = 'master_key'`,
      [org.id],
    );
    expect(rotated?.n).toBe(1);
  });
});

// identityRef is part of what the rotation must not disturb: the field's binding stays v1.
it('binds sealed identity fields to their row, so a moved ciphertext does not open', () => {
  const keyring = new Keyring(masterKeyFromBytes(randomBytes(32)));
  const key = randomBytes(32);
  const sealed = keyring.sealWithKey(key, identityRef('a', 'preferred_name'), 'Hana');
  expect(keyring.openWithKey(key, identityRef('a', 'preferred_name'), sealed)).toBe('Hana');
  expect(() => keyring.openWithKey(key, identityRef('b', 'preferred_name'), sealed)).toThrow();
  expect(() => keyring.openWithKey(key, identityRef('a', 'legal_name'), sealed)).toThrow();
});
