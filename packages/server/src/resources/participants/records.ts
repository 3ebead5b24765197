/**
 * Creating participant records and reading their sealed identity fields. Every identifying
 * value is sealed with her own data key before it reaches the database.
 */
import { randomUUID } from 'node:crypto';
import { type CaseStatus, type RiskLevel, riskRank } from '@cope/domain';
import { eq, inArray } from 'drizzle-orm';
import { participant, participantKey } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import { nextCaseCode } from './case-code.js';

export interface NewParticipant {
  organizationId: string;
  preferredName: string;
  legalName?: string | null;
  birthDate?: string | null;
  status: CaseStatus;
  riskLevel?: RiskLevel | null;
  referenceUserId?: string | null;
  openedAt?: Date;
  isDemo?: boolean;
  isProtectedWitness?: boolean;
}

export const identityRef = (
  participantId: string,
  column: 'preferred_name' | 'legal_name' | 'birth_date',
) => ({
  table: 'participant',
  column,
  recordId: participantId,
});

export async function createParticipantRecord(tx: Tx, keyring: Keyring, input: NewParticipant) {
  const id = randomUUID();
  const openedAt = input.openedAt ?? new Date();
  const caseCode = await nextCaseCode(tx, input.organizationId, openedAt);
  // Her data key must exist before anything of hers is sealed; the key row references her row,
  // so the participant row goes in first with no identifying data.
  await tx.insert(participant).values({
    id,
    organizationId: input.organizationId,
    caseCode,
    status: input.status,
    riskLevel: input.riskLevel ?? null,
    riskRank: input.riskLevel ? riskRank(input.riskLevel) : -1,
    referenceUserId: input.referenceUserId ?? null,
    isDemo: input.isDemo ?? false,
    isProtectedWitness: input.isProtectedWitness ?? false,
    openedAt,
  });
  const dataKey = await keyring.createParticipantKey(tx, input.organizationId, id);
  const names = [input.preferredName, input.legalName].filter((n): n is string => Boolean(n));
  const nameIndex = [
    ...new Set(await Promise.all(names.map((n) => keyring.blindIndex(tx, input.organizationId, 'name', n)))),
  ];
  await tx
    .update(participant)
    .set({
      preferredNameEnc: keyring.sealWithKey(dataKey, identityRef(id, 'preferred_name'), input.preferredName),
      legalNameEnc: input.legalName
        ? keyring.sealWithKey(dataKey, identityRef(id, 'legal_name'), input.legalName)
        : null,
      birthDateEnc: input.birthDate
        ? keyring.sealWithKey(dataKey, identityRef(id, 'birth_date'), input.birthDate)
        : null,
      nameIndex,
    })
    .where(eq(participant.id, id));
  return { id, caseCode, dataKey };
}

/** Opens the preferred names of several participants at once (null when erased). */
export async function openPreferredNames(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  rows: { id: string; preferredNameEnc: string | null }[],
): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  const ids = rows.filter((r) => r.preferredNameEnc).map((r) => r.id);
  if (ids.length === 0) return names;
  const keys = await tx.select().from(participantKey).where(inArray(participantKey.participantId, ids));
  const byId = new Map(keys.map((k) => [k.participantId, k]));
  for (const row of rows) {
    const stored = byId.get(row.id);
    const dataKey = stored ? await keyring.unwrapParticipantKey(tx, organizationId, row.id, stored) : null;
    names.set(
      row.id,
      dataKey && row.preferredNameEnc
        ? keyring.openWithKey(dataKey, identityRef(row.id, 'preferred_name'), row.preferredNameEnc)
        : null,
    );
  }
  return names;
}

export interface IdentityColumns {
  preferredName: string;
  legalName: string | null;
  birthDate: string | null;
}

/** Reseals her names and birth date (an intake step or an edit) and recomputes the name index. */
export async function updateIdentityColumns(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  participantId: string,
  dataKey: Buffer,
  identity: IdentityColumns,
) {
  const names = [identity.preferredName, identity.legalName].filter((n): n is string => Boolean(n));
  const nameIndex = [
    ...new Set(await Promise.all(names.map((n) => keyring.blindIndex(tx, organizationId, 'name', n)))),
  ];
  await tx
    .update(participant)
    .set({
      preferredNameEnc: keyring.sealWithKey(
        dataKey,
        identityRef(participantId, 'preferred_name'),
        identity.preferredName,
      ),
      legalNameEnc: identity.legalName
        ? keyring.sealWithKey(dataKey, identityRef(participantId, 'legal_name'), identity.legalName)
        : null,
      birthDateEnc: identity.birthDate
        ? keyring.sealWithKey(dataKey, identityRef(participantId, 'birth_date'), identity.birthDate)
        : null,
      nameIndex,
      updatedAt: new Date(),
    })
    .where(eq(participant.id, participantId));
}

/** Opens her names and birth date with her data key (null where not recorded). */
export function openIdentityColumns(
  keyring: Keyring,
  dataKey: Buffer,
  row: {
    id: string;
    preferredNameEnc: string | null;
    legalNameEnc: string | null;
    birthDateEnc: string | null;
  },
): IdentityColumns {
  const open = (column: 'preferred_name' | 'legal_name' | 'birth_date', value: string | null) =>
    value ? keyring.openWithKey(dataKey, identityRef(row.id, column), value) : null;
  return {
    preferredName: open('preferred_name', row.preferredNameEnc) ?? '',
    legalName: open('legal_name', row.legalNameEnc),
    birthDate: open('birth_date', row.birthDateEnc),
  };
}
