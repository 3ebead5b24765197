/**
 * First-run setup: creates the first organization and its administrator in one transaction.
 * Allowed once: the `instance` row acts as the latch, so two racing requests cannot both win.
 */
import { randomUUID } from 'node:crypto';
import type { TSetupRequest } from '@cope/contracts';
import { instance, organization, staffUser } from '../../db/schema.js';
import type { TenantDb } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import type { Keyring } from '../../security/keyring.js';
import { hashPassword, PASSWORD_MESSAGES, passwordProblem } from '../../security/passwords.js';
import { createSession } from '../auth/sessions.js';

export async function runFirstSetup(
  db: TenantDb,
  keyring: Keyring,
  input: TSetupRequest,
  userAgent?: string,
): Promise<{ token: string }> {
  const problem = passwordProblem(input.adminPassword);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', PASSWORD_MESSAGES[problem], [
      { field: 'adminPassword', message: PASSWORD_MESSAGES[problem] },
    ]);
  }
  const passwordHash = await hashPassword(input.adminPassword);
  const organizationId = randomUUID();
  const userId = randomUUID();
  return db.run({ organizationId, userId }, async (tx) => {
    const latched = await tx
      .insert(instance)
      .values({ id: 1, mode: 'production' })
      .onConflictDoNothing()
      .returning({ id: instance.id });
    if (latched.length === 0) {
      throw new AppError('SETUP_ALREADY_DONE', 'This installation is already set up. Sign in instead.');
    }
    await tx.insert(organization).values({
      id: organizationId,
      name: input.organizationName,
      caseCodePrefix: input.caseCodePrefix,
    });
    await keyring.ensureOrganizationKeys(tx, organizationId);
    await tx.insert(staffUser).values({
      id: userId,
      organizationId,
      email: input.adminEmail,
      displayName: input.adminName,
      roles: ['administrator'],
      locale: input.locale,
      passwordHash,
    });
    const token = await createSession(tx, { organizationId, userId, mfaVerified: false, userAgent });
    return { token };
  });
}
