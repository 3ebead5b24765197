/**
 * The synthetic demo network: two organizations, one staff account per role in each, and
 * about forty participants in varied situations. Refuses to touch a database that holds real
 * (non-demo) data. Each start issues fresh passwords and prints them with the TOTP secrets.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CASE_STATUSES, RISK_LEVELS, type Section, STAFF_ROLES, type StaffRole } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { caseNote, caseTeamMember, instance, organization, staffUser } from '../db/schema.js';
import type { TenantDb, Tx } from '../db/tenant.js';
import { totpSecretRef } from '../resources/auth/service.js';
import { createParticipantRecord } from '../resources/participants/records.js';
import type { Keyring } from '../security/keyring.js';
import { hashPassword } from '../security/passwords.js';
import { newTotpSecret } from '../security/totp.js';
import { pick, seededRandom, syntheticFirstName, syntheticLastName } from './names.js';
import { seedConsents } from './seed-consents.js';
import { seedCaseItinerary } from './seed-itinerary.js';
import { seedRecords } from './seed-records.js';
import { seedCaseSafety, seedOrganizationSafety } from './seed-safety.js';

export const DEMO_ORGANIZATIONS = [
  {
    id: '00000000-0000-4000-8000-00000000a001',
    name: 'Harbour Women’s Network (demo)',
    prefix: 'HWN',
    domain: 'harbour.example',
    participants: 24,
  },
  {
    id: '00000000-0000-4000-8000-00000000b001',
    name: 'Casa Aurora (demo)',
    prefix: 'AUR',
    domain: 'aurora.example',
    participants: 16,
  },
] as const;

export const DEMO_SEED = 20_260_401;

export interface DemoLogin {
  organization: string;
  role: StaffRole;
  email: string;
  password: string;
  totpSecret: string;
}

export class DemoRefusedError extends Error {}

const CASE_WORKERS: StaffRole[] = [
  'social_worker',
  'psychologist',
  'social_educator',
  'lawyer',
  'coordinator',
];

/** Names of the demo participants, in seeding order (tests look for them in logs and dumps). */
export function demoParticipantNames(): string[] {
  const random = seededRandom(DEMO_SEED);
  const total = DEMO_ORGANIZATIONS.reduce((n, org) => n + org.participants, 0);
  return Array.from({ length: total }, () => `${syntheticFirstName(random)} ${syntheticLastName(random)}`);
}

export async function loadDemo(db: TenantDb, keyring: Keyring, now = new Date()): Promise<DemoLogin[]> {
  const [existing] = await db.run({ organizationId: null, userId: null }, (tx) => tx.select().from(instance));
  if (existing && existing.mode !== 'demo') {
    throw new DemoRefusedError(
      'This database holds real data. Demo mode only runs on an empty database or one made by demo mode. ' +
        'Use another DATA_DIR (or DATABASE_URL) for the demo.',
    );
  }
  const fresh = !existing;
  if (fresh) {
    await db.run({ organizationId: null, userId: null }, (tx) =>
      tx.insert(instance).values({ id: 1, mode: 'demo' }),
    );
  }
  const names = demoParticipantNames();
  const random = seededRandom(DEMO_SEED + 1);
  // Intake answers draw from their own sequence, so the people and teams above stay the same.
  const recordsRandom = seededRandom(DEMO_SEED + 2);
  // Consents draw on their own sequence, so adding them changes no one else's synthetic data.
  const consentsRandom = seededRandom(DEMO_SEED + 3);
  const safetyRandom = seededRandom(DEMO_SEED + 4);
  const itineraryRandom = {
    needs: seededRandom(DEMO_SEED + 5),
    plan: seededRandom(DEMO_SEED + 6),
    monitoring: seededRandom(DEMO_SEED + 7),
  };
  const logins: DemoLogin[] = [];
  for (const org of DEMO_ORGANIZATIONS) {
    const accounts = await Promise.all(
      STAFF_ROLES.map(async (role) => {
        const password = `demo-${randomBytes(9).toString('base64url')}`;
        return {
          role,
          email: `${role.replace('_', '.')}@${org.domain}`,
          password,
          hash: await hashPassword(password),
        };
      }),
    );
    await db.run({ organizationId: org.id, userId: null }, async (tx) => {
      if (fresh) {
        await tx.insert(organization).values({ id: org.id, name: org.name, caseCodePrefix: org.prefix });
        await keyring.ensureOrganizationKeys(tx, org.id);
      }
      const staffIds = new Map<StaffRole, string>();
      for (const account of accounts) {
        const [current] = await tx.select().from(staffUser).where(eq(staffUser.email, account.email));
        const totpSecret = current?.totpSecretEnc
          ? await keyring.openForOrganization(tx, org.id, totpSecretRef(current.id), current.totpSecretEnc)
          : newTotpSecret();
        if (current) {
          await tx.update(staffUser).set({ passwordHash: account.hash }).where(eq(staffUser.id, current.id));
          staffIds.set(account.role, current.id);
        } else {
          const id = randomUUID();
          await tx.insert(staffUser).values({
            id,
            organizationId: org.id,
            email: account.email,
            displayName: `${syntheticFirstName(random)} ${syntheticLastName(random)}`,
            roles: [account.role],
            passwordHash: account.hash,
            totpSecretEnc: await keyring.sealForOrganization(tx, org.id, totpSecretRef(id), totpSecret),
            mfaEnrolledAt: now,
          });
          staffIds.set(account.role, id);
        }
        logins.push({
          organization: org.name,
          role: account.role,
          email: account.email,
          password: account.password,
          totpSecret,
        });
      }
      if (!fresh) return;
      await seedOrganizationSafety(tx, org.id, staffIds.get('coordinator') ?? '');
      for (let i = 0; i < org.participants; i++) {
        const openedAt = new Date(now.getTime() - Math.floor(random() * 700) * 86_400_000);
        const riskLevel = random() < 0.1 ? null : pick(random, RISK_LEVELS);
        const referenceUserId =
          staffIds.get(i % 3 === 0 ? 'social_worker' : pick(random, CASE_WORKERS)) ?? null;
        const preferredName = names.shift() ?? 'Unnamed';
        const birthYear = 1975 + Math.floor(random() * 30);
        const legalName = `${preferredName} ${syntheticLastName(random)}`;
        const birthDate = `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const status = pick(random, CASE_STATUSES);
        const protectedWitness = i % 7 === 3;
        // A case has a level only once she was assessed; one in four cases past intake waits for
        // her first full assessment.
        const assessed = riskLevel !== null && status !== 'intake' && referenceUserId !== null && i % 4 !== 1;
        const created = await createParticipantRecord(tx, keyring, {
          organizationId: org.id,
          preferredName,
          legalName,
          birthDate,
          isProtectedWitness: protectedWitness,
          status,
          riskLevel: assessed ? riskLevel : null,
          referenceUserId,
          isDemo: true,
          openedAt,
        });
        const team = await seedTeamAndNotes(tx, keyring, org.id, created, staffIds, referenceUserId, random);
        await seedRecords(
          tx,
          keyring,
          {
            organizationId: org.id,
            participantId: created.id,
            dataKey: created.dataKey,
            status,
            protectedWitness,
            identity: { preferredName, legalName, birthDate },
            authorUserId: referenceUserId ?? staffIds.get('social_worker') ?? '',
            openedAt,
          },
          recordsRandom,
        );
        // A case past intake has her consent to record keeping, explained by her reference.
        if (status !== 'intake' && referenceUserId) {
          await seedConsents(tx, keyring, org.id, created.id, referenceUserId, consentsRandom);
        }
        if (assessed && riskLevel && referenceUserId) {
          await seedCaseSafety(
            tx,
            keyring,
            {
              organizationId: org.id,
              participantId: created.id,
              dataKey: created.dataKey,
              riskLevel,
              referenceUserId,
              openedAt,
            },
            safetyRandom,
            now,
          );
        }
        // Most cases past intake have an itinerary; every sixth (among the social worker's own
        // cases) waits for her first needs assessment.
        if (status !== 'intake' && referenceUserId && i % 6 !== 3) {
          await seedCaseItinerary(
            tx,
            keyring,
            {
              organizationId: org.id,
              participantId: created.id,
              dataKey: created.dataKey,
              referenceUserId,
              teamUserIds: team.filter((id) => id !== referenceUserId),
              openedAt,
              closed: status === 'closed',
            },
            itineraryRandom,
            now,
          );
        }
      }
    });
  }
  return logins;
}

const TEAM_ROLES: StaffRole[] = [
  'psychologist',
  'lawyer',
  'peer_worker',
  'social_educator',
  'outreach_worker',
];

const DEMO_NOTES: Partial<Record<Section, string[]>> = {
  mental_health: [
    'Session on sleep and daily routine. She chose one small goal for the week.',
    'She talked about feeling safer in the new flat. Next session in two weeks.',
  ],
  safety: ['Agreed a new route to the language school. Phone checked together: no unknown apps.'],
  plan: ['She wants to finish the A2 Spanish course before looking for work.'],
  legal: ['Permit renewal appointment booked. Documents list given in her language.'],
};

/** A case team around each demo case, and a few synthetic notes sealed with her key. */
async function seedTeamAndNotes(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  created: { id: string; dataKey: Buffer },
  staffIds: Map<StaffRole, string>,
  referenceUserId: string | null,
  random: () => number,
): Promise<string[]> {
  const members = new Set<string>(referenceUserId ? [referenceUserId] : []);
  for (const role of TEAM_ROLES) {
    const id = staffIds.get(role);
    if (id && random() < 0.5) members.add(id);
  }
  for (const userId of members) {
    await tx.insert(caseTeamMember).values({ organizationId, participantId: created.id, userId });
  }
  const psychologist = staffIds.get('psychologist');
  for (const [section, texts] of Object.entries(DEMO_NOTES) as [Section, string[]][]) {
    const author = section === 'mental_health' ? psychologist : referenceUserId;
    if (!author || !members.has(author) || random() < 0.3) continue;
    for (const text of texts) {
      const id = randomUUID();
      await tx.insert(caseNote).values({
        id,
        organizationId,
        participantId: created.id,
        section,
        authorUserId: author,
        bodyEnc: keyring.sealWithKey(
          created.dataKey,
          { table: 'case_note', column: 'body', recordId: id },
          text,
        ),
      });
    }
  }
  return [...members];
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const lines = ['', 'DEMO MODE — synthetic data only. Sign in with any of these accounts:', ''];
  let org = '';
  for (const login of logins) {
    if (login.organization !== org) {
      org = login.organization;
      lines.push(`  ${org}`);
    }
    lines.push(
      `    ${login.role.padEnd(16)} ${login.email.padEnd(34)} password ${login.password}  TOTP secret ${login.totpSecret}`,
    );
  }
  lines.push('', '  Add a TOTP secret to any authenticator app, or run: npm run admin -- totp <secret>', '');
  return lines.join('\n');
}
