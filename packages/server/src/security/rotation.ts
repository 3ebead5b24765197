/**
 * Key rotation, run by `npm run admin -- rotate-keys` and `rotate-master-key`.
 *
 * Data keys: a new organization data-key version is created first, so every key made from then
 * on uses it; existing participant data keys are then re-wrapped in small batches, each its own
 * short tenant transaction, so the application keeps serving; staff TOTP secrets are re-sealed;
 * only then is the old version retired. Reads work throughout because every wrapped key and
 * sealed value records the version that wrapped it. Her data keys themselves never change, so
 * nothing sealed with them has to be rewritten.
 *
 * Master key: every organization key (all purposes and versions) is re-wrapped with the new
 * master key and marked with its id. The running server must then restart with the new key.
 */
import { and, asc, eq, gt, isNotNull, isNull, lt, max, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Db } from '../db/client.js';
import { organization, organizationKey, participantKey, staffUser } from '../db/schema.js';
import { queryRows, type TenantDb, type Tx } from '../db/tenant.js';
import { totpSecretRef } from '../resources/auth/service.js';
import { ownerSeesAllOrganizations } from './key-check.js';
import { type Keyring, parseSealed, wrapParticipantKey } from './keyring.js';

export const DEFAULT_BATCH_SIZE = 500;

export class RotationError extends Error {}

const asSystem = (organizationId: string) => ({ organizationId, userId: null });

/**
 * Every organization, read through the owner connection: the documented cross-organization
 * exception. Refuses rather than silently rotating nothing when that account cannot see them all.
 */
export async function listOrganizationIds(system: Db): Promise<string[]> {
  if (!(await ownerSeesAllOrganizations(system))) {
    throw new RotationError(
      'The database account cannot read across organizations (row-level security is forced). ' +
        'Run this with an account that has BYPASSRLS, or name one organization with --organization <id>.',
    );
  }
  const rows = await system.select({ id: organization.id }).from(organization).orderBy(asc(organization.id));
  return rows.map((row) => row.id);
}

export async function organizationExists(db: TenantDb, organizationId: string): Promise<boolean> {
  const rows = await db.run(asSystem(organizationId), (tx) =>
    tx.select({ id: organization.id }).from(organization).where(eq(organization.id, organizationId)),
  );
  return rows.length > 0;
}

/** Creates the next data-key version; from its commit on, new keys and secrets use it. */
export async function startDataKeyRotation(
  db: TenantDb,
  keyring: Keyring,
  organizationId: string,
): Promise<{ from: number; to: number } | null> {
  return db.run(asSystem(organizationId), async (tx) => {
    const [row] = await tx
      .select({ version: max(organizationKey.version) })
      .from(organizationKey)
      .where(and(eq(organizationKey.organizationId, organizationId), eq(organizationKey.purpose, 'data')));
    if (row?.version === null || row?.version === undefined) return null;
    const to = row.version + 1;
    await keyring.createOrganizationKeyVersion(tx, organizationId, 'data', to);
    return { from: row.version, to };
  });
}

/**
 * Re-wraps up to `batchSize` data keys still wrapped by an older version, in participant-id
 * order after `afterId`. The update only replaces the exact wrapped key it read, so a key
 * destroyed meanwhile (erasure) is never brought back.
 */
export async function rewrapParticipantKeyBatch(
  db: TenantDb,
  keyring: Keyring,
  organizationId: string,
  to: number,
  afterId: string | null,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<{ rewrapped: number; lastId: string | null }> {
  return db.run(asSystem(organizationId), async (tx) => {
    const rows = await tx
      .select()
      .from(participantKey)
      .where(
        and(
          eq(participantKey.organizationId, organizationId),
          lt(participantKey.organizationKeyVersion, to),
          isNotNull(participantKey.wrappedKey),
          afterId ? gt(participantKey.participantId, afterId) : undefined,
        ),
      )
      .orderBy(asc(participantKey.participantId))
      .limit(batchSize);
    if (rows.length === 0) return { rewrapped: 0, lastId: null };
    const newKey = await keyring.organizationKey(tx, organizationId, 'data', to);
    const ids: string[] = [];
    const oldWrapped: string[] = [];
    const newWrapped: string[] = [];
    for (const row of rows) {
      const dataKey = await keyring.unwrapParticipantKey(tx, organizationId, row.participantId, row);
      if (!dataKey || !row.wrappedKey) continue;
      ids.push(row.participantId);
      oldWrapped.push(row.wrappedKey);
      newWrapped.push(wrapParticipantKey(newKey, to, row.participantId, dataKey));
    }
    // One statement per batch: no round trip per key.
    const updated = await queryRows(
      tx,
      sql`update participant_key as k
             set wrapped_key = t.wrapped, organization_key_version = ${to}
            from unnest(${sql.param(ids)}::uuid[], ${sql.param(oldWrapped)}::text[], ${sql.param(newWrapped)}::text[])
              as t(id, old, wrapped)
           where k.participant_id = t.id and k.wrapped_key = t.old
       returning k.participant_id`,
    );
    return { rewrapped: updated.length, lastId: rows[rows.length - 1]?.participantId ?? null };
  });
}

/** Re-seals staff TOTP secrets sealed with an older organization data key. */
export async function resealStaffSecretBatch(
  db: TenantDb,
  keyring: Keyring,
  organizationId: string,
  to: number,
  afterId: string | null,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<{ resealed: number; lastId: string | null }> {
  return db.run(asSystem(organizationId), async (tx) => {
    const rows = await tx
      .select({ id: staffUser.id, totpSecretEnc: staffUser.totpSecretEnc })
      .from(staffUser)
      .where(
        and(
          eq(staffUser.organizationId, organizationId),
          isNotNull(staffUser.totpSecretEnc),
          afterId ? gt(staffUser.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(staffUser.id))
      .limit(batchSize);
    let resealed = 0;
    for (const row of rows) {
      if (!row.totpSecretEnc || parseSealed(row.totpSecretEnc).version >= to) continue;
      const ref = totpSecretRef(row.id);
      const secret = await keyring.openForOrganization(tx, organizationId, ref, row.totpSecretEnc);
      const updated = await tx
        .update(staffUser)
        .set({ totpSecretEnc: await keyring.sealForOrganization(tx, organizationId, ref, secret) })
        .where(and(eq(staffUser.id, row.id), eq(staffUser.totpSecretEnc, row.totpSecretEnc)))
        .returning({ id: staffUser.id });
      resealed += updated.length;
    }
    return { resealed, lastId: rows[rows.length - 1]?.id ?? null };
  });
}

async function retireOlderDataKeys(tx: Tx, organizationId: string, to: number) {
  await tx
    .update(organizationKey)
    .set({ retiredAt: new Date() })
    .where(
      and(
        eq(organizationKey.organizationId, organizationId),
        eq(organizationKey.purpose, 'data'),
        lt(organizationKey.version, to),
        isNull(organizationKey.retiredAt),
      ),
    );
}

export interface DataKeyRotation {
  organizationId: string;
  from: number;
  to: number;
  participantKeys: number;
  staffSecrets: number;
}

/** The whole data-key rotation of one organization. Returns null when it has no keys yet. */
export async function rotateOrganizationDataKeys(
  db: TenantDb,
  keyring: Keyring,
  organizationId: string,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<DataKeyRotation | null> {
  const started = await startDataKeyRotation(db, keyring, organizationId);
  if (!started) return null;
  const { from, to } = started;
  const sweep = async () => {
    let keys = 0;
    let after: string | null = null;
    do {
      const batch = await rewrapParticipantKeyBatch(db, keyring, organizationId, to, after, batchSize);
      keys += batch.rewrapped;
      after = batch.lastId;
    } while (after);
    let secrets = 0;
    after = null;
    do {
      const batch = await resealStaffSecretBatch(db, keyring, organizationId, to, after, batchSize);
      secrets += batch.resealed;
      after = batch.lastId;
    } while (after);
    return { keys, secrets };
  };
  const first = await sweep();
  const summary = { organizationId, from, to, participantKeys: first.keys, staffSecrets: first.secrets };
  await db.run(asSystem(organizationId), async (tx) => {
    await retireOlderDataKeys(tx, organizationId, to);
  });
  // A transaction that read the old version just before the new one committed may have written
  // after the first sweep passed; a second sweep catches it (retired keys still open).
  const second = await sweep();
  summary.participantKeys += second.keys;
  summary.staffSecrets += second.secrets;
  await db.run(asSystem(organizationId), (tx) =>
    recordAudit(tx, {
      organizationId,
      actorUserId: null,
      action: 'keys.rotated',
      resourceType: 'organization_key',
      resourceId: `data.v${to}`,
      reason:
        `rotate-keys: data key v${from} → v${to}; re-wrapped ${summary.participantKeys} participant ` +
        `data keys and re-sealed ${summary.staffSecrets} staff secrets`,
    }),
  );
  return summary;
}

/**
 * Re-wraps one organization's keys (every purpose and version, retired ones too: backups and
 * stragglers may still need them) with a new master key, in one transaction. Keys already
 * wrapped by the new master are skipped, so an interrupted run can simply be repeated.
 */
export async function rotateOrganizationMasterKey(
  db: TenantDb,
  current: Keyring,
  next: Keyring,
  organizationId: string,
): Promise<number> {
  return db.run(asSystem(organizationId), async (tx) => {
    const rows = await tx
      .select()
      .from(organizationKey)
      .where(
        and(
          eq(organizationKey.organizationId, organizationId),
          ne(organizationKey.masterKeyId, next.masterKeyId),
        ),
      );
    for (const row of rows) {
      const key = await current.organizationKey(tx, organizationId, row.purpose, row.version);
      await tx
        .update(organizationKey)
        .set({
          wrappedKey: next.wrapOrganizationKey(key, organizationId, row.purpose, row.version),
          masterKeyId: next.masterKeyId,
        })
        .where(
          and(
            eq(organizationKey.organizationId, organizationId),
            eq(organizationKey.purpose, row.purpose),
            eq(organizationKey.version, row.version),
            eq(organizationKey.masterKeyId, row.masterKeyId),
          ),
        );
    }
    if (rows.length > 0) {
      await recordAudit(tx, {
        organizationId,
        actorUserId: null,
        action: 'keys.rotated',
        resourceType: 'master_key',
        resourceId: next.masterKeyId,
        reason: `rotate-master-key: re-wrapped ${rows.length} organization keys`,
      });
    }
    return rows.length;
  });
}
