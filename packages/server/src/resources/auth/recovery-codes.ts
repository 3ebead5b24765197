/**
 * Recovery codes: ten single-use codes that stand in for the authenticator app when it is lost.
 *
 * Each code carries 80 random bits (16 characters of Crockford's base32), so a plain SHA-256 is
 * the right hash: argon2's slowness protects secrets people choose, which are guessable; 2^80
 * random codes cannot be searched even with the hashes in hand. A fast, unsalted hash also lets
 * a presented code be found by equality and marked used in one conditional UPDATE, which is what
 * makes "single use" hold when two requests race.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { recoveryCode } from '../../db/schema.js';
import type { TenantDb, Tx } from '../../db/tenant.js';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

/** 16 characters, 5 random bits each (32 symbols: a byte masked to 5 bits has no bias). */
function newCode(): string {
  return [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
}

/** Shown as four groups of four, easier to copy by hand: 7K3M-Q9TX-… */
const formatCode = (code: string) => code.match(/.{4}/g)?.join('-') ?? code;

/** The hash of a code already normalised by ZRecoveryCode (upper case, no separators). */
const hashCode = (normalised: string) => createHash('sha256').update(normalised).digest('hex');

interface Owner {
  organizationId: string;
  userId: string;
}

/** Replaces every code of the user with ten new ones; returns them formatted, for showing once. */
export async function replaceRecoveryCodes(tx: Tx, owner: Owner): Promise<string[]> {
  await tx.delete(recoveryCode).where(eq(recoveryCode.userId, owner.userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.insert(recoveryCode).values(
    codes.map((code) => ({
      id: randomUUID(),
      organizationId: owner.organizationId,
      userId: owner.userId,
      codeHash: hashCode(code),
    })),
  );
  return codes.map(formatCode);
}

/** Marks the code used if it is one of the user's unused codes; false otherwise. */
export async function consumeRecoveryCode(tx: Tx, userId: string, normalised: string): Promise<boolean> {
  const used = await tx
    .update(recoveryCode)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCode.userId, userId),
        eq(recoveryCode.codeHash, hashCode(normalised)),
        isNull(recoveryCode.usedAt),
      ),
    )
    .returning({ id: recoveryCode.id });
  return used.length > 0;
}

export async function recoveryCodesLeft(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(recoveryCode)
    .where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
  return Number(row?.n ?? 0);
}

/** New codes from the profile: the old ones stop working at once. */
export async function regenerateRecoveryCodes(db: TenantDb, owner: Owner): Promise<string[]> {
  return db.run({ organizationId: owner.organizationId, userId: owner.userId }, async (tx) => {
    const codes = await replaceRecoveryCodes(tx, owner);
    await recordAudit(tx, {
      organizationId: owner.organizationId,
      actorUserId: owner.userId,
      action: 'auth.recovery_codes_generated',
      resourceType: 'staff_user',
      resourceId: owner.userId,
    });
    return codes;
  });
}
