/**
 * Bulk seeding of synthetic data for the benchmark, through the owner ("system") connection:
 * this is one of the documented cross-organization jobs that may bypass the tenant wrapper.
 * Rows go in with multi-row INSERT … SELECT FROM unnest(arrays), 10,000 at a time. Names are
 * sealed like the application seals them (a data key per participant, wrapped by the
 * organization key, and a blind index), all in Node, so no row costs a round trip.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  type CaseStatus,
  formatCaseCode,
  RISK_LEVELS,
  type RiskLevel,
  SPHERES,
  STAFF_ROLES,
} from '@cope/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { authSession, caseCodeCounter, instance, organization, staffUser } from '../src/db/schema.js';
import { pick, seededRandom, syntheticFirstName, syntheticLastName } from '../src/demo/names.js';
import { totpSecretRef } from '../src/resources/auth/service.js';
import { identityRef } from '../src/resources/participants/records.js';
import { computeBlindIndex, Keyring, sealField, wrapParticipantKey } from '../src/security/keyring.js';
import { masterKeyFromBytes } from '../src/security/master-key.js';
import { hashPassword } from '../src/security/passwords.js';
import { hashToken, newSessionToken } from '../src/security/tokens.js';
import { newTotpSecret } from '../src/security/totp.js';

const SEED = 20_261_129;
const BATCH = 10_000;
const CASE_CODE_FORMAT = '{PREFIX}-{YYYY}-{SEQ6}';
const THREE_YEARS_MS = 3 * 365 * 86_400_000;

/** Share of cases with an open task (and so a next due date). */
const OPEN_TASK_SHARE = 0.3;

/** Share of all participants per organization; the first one is the measured one. */
const ORGANIZATIONS = [
  { name: 'Benchmark Network North (synthetic)', prefix: 'BEN', domain: 'north.bench.example', share: 0.8 },
  { name: 'Benchmark Network South (synthetic)', prefix: 'BES', domain: 'south.bench.example', share: 0.15 },
  { name: 'Benchmark Network East (synthetic)', prefix: 'BEE', domain: 'east.bench.example', share: 0.05 },
] as const;

// Cumulative weights: most cases are active, a fifth closed, few on hold.
const STATUS_WEIGHTS: [CaseStatus, number][] = [
  ['intake', 0.1],
  ['active', 0.45],
  ['on_hold', 0.08],
  ['follow_up', 0.15],
  ['closed', 0.22],
];
const RISK_WEIGHTS: [RiskLevel | null, number][] = [
  [null, 0.1],
  ['low', 0.35],
  ['medium', 0.3],
  ['high', 0.18],
  ['critical', 0.07],
];

function weighted<T>(random: () => number, weights: [T, number][]): T {
  let r = random();
  for (const [value, weight] of weights) {
    r -= weight;
    if (r < 0) return value;
  }
  const last = weights[weights.length - 1];
  if (!last) throw new Error('empty weights');
  return last[0];
}

export interface SeededOrganization {
  id: string;
  participants: number;
  staff: number;
}

export interface SeedResult {
  organizations: SeededOrganization[];
  /** The organization the benchmark user belongs to (the largest). */
  measured: SeededOrganization;
  coordinatorId: string;
  /** Random participant ids of the measured organization, for the detail endpoint. */
  sampleParticipantIds: string[];
  seconds: number;
}

/** The organization's current keys, created through the keyring as the application would. */
interface OrganizationKeys {
  data: { version: number; key: Buffer };
  index: { version: number; key: Buffer };
}

async function createOrganizationKeys(db: Db, keyring: Keyring, orgId: string): Promise<OrganizationKeys> {
  return db.transaction(async (tx) => {
    await keyring.ensureOrganizationKeys(tx, orgId);
    return {
      data: await keyring.currentOrganizationKey(tx, orgId, 'data'),
      index: await keyring.currentOrganizationKey(tx, orgId, 'index'),
    };
  });
}

function splitParticipants(total: number): number[] {
  const counts = ORGANIZATIONS.map((org) => Math.floor(total * org.share));
  counts[0] = (counts[0] ?? 0) + total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

export async function seedBenchData(
  db: Db,
  totalParticipants: number,
  masterKey: Buffer,
  now = new Date(),
): Promise<SeedResult> {
  const started = performance.now();
  const keyring = new Keyring(masterKeyFromBytes(masterKey));
  const random = seededRandom(SEED);
  // Nobody signs in with a password during the run: one hash, shared by every account.
  const passwordHash = await hashPassword(`bench-${randomUUID()}`);
  await db.insert(instance).values({ id: 1, mode: 'production' });

  const counts = splitParticipants(totalParticipants);
  const organizations: SeededOrganization[] = [];
  let coordinatorId: string | undefined;
  let sampleParticipantIds: string[] = [];

  for (const [index, org] of ORGANIZATIONS.entries()) {
    const participants = counts[index] ?? 0;
    const orgId = randomUUID();
    const staffCount = Math.min(200, Math.max(STAFF_ROLES.length, Math.ceil(participants / 400)));
    await db.insert(organization).values({
      id: orgId,
      name: org.name,
      caseCodePrefix: org.prefix,
      caseCodeFormat: CASE_CODE_FORMAT,
      // Long enough that the benchmark session never expires mid-run.
      idleTimeoutMinutes: 24 * 60,
      absoluteTimeoutMinutes: 24 * 60,
    });
    const keys = await createOrganizationKeys(db, keyring, orgId);

    const staff = Array.from({ length: staffCount }, (_, i) => {
      const id = randomUUID();
      return {
        id,
        organizationId: orgId,
        email: `staff-${String(i + 1).padStart(4, '0')}@${org.domain}`,
        displayName: `${syntheticFirstName(random)} ${syntheticLastName(random)}`,
        roles: [STAFF_ROLES[i % STAFF_ROLES.length] ?? 'social_worker'],
        passwordHash,
        totpSecretEnc: sealField(keys.data.key, keys.data.version, totpSecretRef(id), newTotpSecret()),
        mfaEnrolledAt: now,
      };
    });
    await db.insert(staffUser).values(staff);
    const caseWorkers = staff.filter((user) => !user.roles.includes('administrator')).map((user) => user.id);
    if (index === 0) coordinatorId = staff.find((user) => user.roles.includes('coordinator'))?.id;

    const ids = await insertParticipants(db, keyring, keys, {
      orgId,
      prefix: org.prefix,
      count: participants,
      caseWorkers,
      random,
      now,
    });
    if (index === 0) sampleParticipantIds = sample(ids, 500, random);
    organizations.push({ id: orgId, participants, staff: staffCount });
  }

  // Settle the tables as autovacuum eventually would: statistics for the planner and a
  // visibility map, so index-only scans (count(*)) do not visit the heap.
  await db.execute(sql`vacuum analyze`);

  const measured = organizations[0];
  if (!measured || !coordinatorId) throw new Error('seeding produced no measured organization');
  return {
    organizations,
    measured,
    coordinatorId,
    sampleParticipantIds,
    seconds: (performance.now() - started) / 1000,
  };
}

interface ParticipantBatchInput {
  orgId: string;
  prefix: string;
  count: number;
  caseWorkers: string[];
  random: () => number;
  now: Date;
}

async function insertParticipants(
  db: Db,
  keyring: Keyring,
  keys: OrganizationKeys,
  { orgId, prefix, count, caseWorkers, random, now }: ParticipantBatchInput,
): Promise<string[]> {
  // Opening dates spread evenly over three years; case codes number each year's cases in order.
  const opened = Array.from(
    { length: count },
    () => now.getTime() - Math.floor(random() * THREE_YEARS_MS),
  ).sort((a, b) => a - b);
  const sequences = new Map<number, number>();
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const rows = opened.slice(start, start + BATCH).map((time) => {
      const openedAt = new Date(time);
      const year = openedAt.getUTCFullYear();
      const sequence = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, sequence);
      const riskLevel = weighted(random, RISK_WEIGHTS);
      const id = randomUUID();
      const name = `${syntheticFirstName(random)} ${syntheticLastName(random)}`;
      const dataKey = randomBytes(32);
      const referenceUserId = random() < 0.05 || caseWorkers.length === 0 ? null : pick(random, caseWorkers);
      return {
        id,
        caseCode: formatCaseCode(CASE_CODE_FORMAT, { prefix, year, sequence }),
        nameEnc: keyring.sealWithKey(dataKey, identityRef(id, 'preferred_name'), name),
        nameIndex: computeBlindIndex(keys.index.key, keys.index.version, 'name', name),
        wrappedKey: wrapParticipantKey(keys.data.key, keys.data.version, id, dataKey),
        status: weighted(random, STATUS_WEIGHTS),
        riskLevel,
        riskRank: riskLevel === null ? -1 : RISK_LEVELS.indexOf(riskLevel),
        referenceUserId,
        openedAt: openedAt.toISOString(),
        // About three cases in ten have spheres rated crisis or vulnerable in their latest review.
        attention:
          random() < 0.3
            ? `{${[...new Set([pick(random, SPHERES), pick(random, SPHERES)])].join(',')}}`
            : '{}',
        // About a third of cases have an open task, due within two months either side of today.
        nextDueOn:
          referenceUserId && random() < OPEN_TASK_SHARE
            ? new Date(now.getTime() + Math.floor((random() - 0.5) * 120) * 86_400_000)
                .toISOString()
                .slice(0, 10)
            : null,
      };
    });
    ids.push(...rows.map((row) => row.id));
    const column = <K extends keyof (typeof rows)[number]>(key: K) => sql.param(rows.map((row) => row[key]));
    await db.execute(sql`
      insert into participant
        (id, organization_id, case_code, preferred_name_enc, name_index, status, risk_level, risk_rank,
         reference_user_id, is_demo, opened_at, updated_at, next_due_on, attention_spheres)
      select id, ${orgId}::uuid, case_code, preferred_name_enc, array[name_index], status, risk_level, risk_rank,
             reference_user_id, false, opened_at, opened_at, next_due_on, attention::text[]
      from unnest(${column('id')}::uuid[], ${column('caseCode')}::text[], ${column('nameEnc')}::text[],
                  ${column('nameIndex')}::text[], ${column('status')}::text[], ${column('riskLevel')}::text[],
                  ${column('riskRank')}::int[], ${column('referenceUserId')}::uuid[], ${column('openedAt')}::timestamptz[],
                  ${column('nextDueOn')}::date[], ${column('attention')}::text[])
        as t(id, case_code, preferred_name_enc, name_index, status, risk_level, risk_rank, reference_user_id, opened_at,
             next_due_on, attention)`);
    // Each due date belongs to an open task assigned to her reference professional.
    await db.execute(sql`
      insert into task (id, organization_id, participant_id, assignee_user_id, kind, due_on)
      select gen_random_uuid(), ${orgId}::uuid, id, reference_user_id, 'risk_assessment', next_due_on
      from unnest(${column('id')}::uuid[], ${column('referenceUserId')}::uuid[], ${column('nextDueOn')}::date[])
        as t(id, reference_user_id, next_due_on)
      where next_due_on is not null`);
    await db.execute(sql`
      insert into participant_key (organization_id, participant_id, organization_key_version, wrapped_key)
      select ${orgId}::uuid, participant_id, ${keys.data.version}::int, wrapped_key
      from unnest(${column('id')}::uuid[], ${column('wrappedKey')}::text[]) as t(participant_id, wrapped_key)`);
  }
  if (sequences.size > 0) {
    await db
      .insert(caseCodeCounter)
      .values([...sequences].map(([year, lastSequence]) => ({ organizationId: orgId, year, lastSequence })));
  }
  return ids;
}

function sample(ids: string[], size: number, random: () => number): string[] {
  if (ids.length <= size) return [...ids];
  const chosen = new Set<string>();
  while (chosen.size < size) chosen.add(pick(random, ids));
  return [...chosen];
}

/** A fully signed-in session (second factor done) for the given user; returns the cookie token. */
export async function createBenchSession(db: Db, organizationId: string, userId: string): Promise<string> {
  const token = newSessionToken();
  await db.insert(authSession).values({
    id: randomUUID(),
    organizationId,
    userId,
    tokenHash: hashToken(token),
    mfaVerifiedAt: new Date(),
    userAgent: 'cope-bench',
  });
  return token;
}
