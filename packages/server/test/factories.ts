/**
 * Test factories: each test gets its own organization, staff and participants, so tests
 * never depend on each other's data and never truncate tables.
 */
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { caseTeamMember, organization, participant, staffUser } from '../src/db/schema.js';
import type { TenantDb } from '../src/db/tenant.js';
import { totpSecretRef } from '../src/resources/auth/service.js';
import { createParticipantRecord } from '../src/resources/participants/records.js';
import type { Keyring } from '../src/security/keyring.js';
import { hashPassword } from '../src/security/passwords.js';
import { newTotpSecret } from '../src/security/totp.js';

export const TEST_PASSWORD = 'a long test passphrase';
let passwordHash: Promise<string> | undefined;

export interface TestStaff {
  id: string;
  email: string;
  totpSecret: string;
  roles: StaffRole[];
}

export interface TestOrganization {
  id: string;
  prefix: string;
  staff: Record<string, TestStaff>;
  participants: { id: string; caseCode: string; preferredName: string }[];
}

export async function createOrganization(
  { db, keyring }: { db: TenantDb; keyring: Keyring },
  options: { roles?: StaffRole[]; participants?: string[] } = {},
): Promise<TestOrganization> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const id = randomUUID();
  const prefix = `T${randomUUID()
    .slice(0, 5)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')}`;
  const roles = options.roles ?? ['coordinator', 'administrator'];
  return db.run({ organizationId: id, userId: null }, async (tx) => {
    await tx.insert(organization).values({ id, name: `Test organization ${prefix}`, caseCodePrefix: prefix });
    await keyring.ensureOrganizationKeys(tx, id);
    const staff: Record<string, TestStaff> = {};
    for (const role of roles) {
      const member: TestStaff = {
        id: randomUUID(),
        email: `${role}.${prefix.toLowerCase()}@test.example`,
        totpSecret: newTotpSecret(),
        roles: [role],
      };
      await tx.insert(staffUser).values({
        id: member.id,
        organizationId: id,
        email: member.email,
        displayName: `${role} of ${prefix}`,
        roles: member.roles,
        passwordHash: hash,
        totpSecretEnc: await keyring.sealForOrganization(tx, id, totpSecretRef(member.id), member.totpSecret),
        mfaEnrolledAt: new Date(),
      });
      staff[role] = member;
    }
    const participants = [];
    for (const preferredName of options.participants ?? []) {
      const row = await createParticipantRecord(tx, keyring, {
        organizationId: id,
        preferredName,
        status: 'active',
        riskLevel: 'medium',
      });
      participants.push({ ...row, preferredName });
    }
    return { id, prefix, staff, participants };
  });
}

/** One more staff member in an existing organization. */
export async function addStaff(
  { db, keyring }: { db: TenantDb; keyring: Keyring },
  organizationId: string,
  role: StaffRole,
  label: string,
): Promise<TestStaff> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const member: TestStaff = {
    id: randomUUID(),
    email: `${label}.${randomUUID().slice(0, 8)}@test.example`,
    totpSecret: newTotpSecret(),
    roles: [role],
  };
  await db.run({ organizationId, userId: null }, async (tx) => {
    await tx.insert(staffUser).values({
      id: member.id,
      organizationId,
      email: member.email,
      displayName: `${label}`,
      roles: member.roles,
      passwordHash: hash,
      totpSecretEnc: await keyring.sealForOrganization(
        tx,
        organizationId,
        totpSecretRef(member.id),
        member.totpSecret,
      ),
      mfaEnrolledAt: new Date(),
    });
  });
  return member;
}

/** Puts staff on a participant's case team; `reference` also becomes the reference professional. */
export async function assignTeam(
  { db }: { db: TenantDb },
  organizationId: string,
  participantId: string,
  members: { userId: string; reference?: boolean }[],
): Promise<void> {
  await db.run({ organizationId, userId: null }, async (tx) => {
    for (const member of members) {
      await tx.insert(caseTeamMember).values({ organizationId, participantId, userId: member.userId });
      if (member.reference) {
        await tx
          .update(participant)
          .set({ referenceUserId: member.userId })
          .where(eq(participant.id, participantId));
      }
    }
  });
}
