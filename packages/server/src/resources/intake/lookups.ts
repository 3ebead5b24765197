/**
 * Blind indexes of her identity for duplicate checks and exact search: normalised name with birth
 * date, each phone number, each document number. Only truncated keyed hashes are stored
 * (participant_lookup); a match is always confirmed by opening the sealed values.
 */
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import { participantLookup } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { type Keyring, normaliseForIndex } from '../../security/keyring.js';
import type { RecordData } from './record-store.js';

export type LookupKind = 'name_birth' | 'phone' | 'document';

export interface IdentityProbe {
  names: string[];
  birthDate: string | null;
  phones: string[];
  documents: string[];
}

/** The values of an identity record that are indexed. */
export function probeOf(identity: RecordData): IdentityProbe {
  const person = identity.person;
  return {
    names: [person?.preferredName, person?.legalName].filter((n): n is string => Boolean(n)),
    birthDate: person?.birthDate ? person.birthDate : null,
    phones: identity.contact?.phones ?? [],
    documents: (person?.documents ?? []).map((d) => d.number),
  };
}

/** The string indexed for a name with a birth date (blind index kind 'name'). */
export const nameBirthValue = (name: string, birthDate: string) => `${name}|${birthDate}`;

export async function probeDigests(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  probe: IdentityProbe,
): Promise<{ kind: LookupKind; digest: string }[]> {
  const out: { kind: LookupKind; digest: string }[] = [];
  const { birthDate } = probe;
  if (birthDate) {
    for (const name of probe.names) {
      out.push({
        kind: 'name_birth',
        digest: await keyring.blindIndex(tx, organizationId, 'name', nameBirthValue(name, birthDate)),
      });
    }
  }
  for (const phone of probe.phones) {
    if (normaliseForIndex('phone', phone) === '') continue;
    out.push({ kind: 'phone', digest: await keyring.blindIndex(tx, organizationId, 'phone', phone) });
  }
  for (const document of probe.documents) {
    if (normaliseForIndex('document', document) === '') continue;
    out.push({
      kind: 'document',
      digest: await keyring.blindIndex(tx, organizationId, 'document', document),
    });
  }
  const seen = new Set<string>();
  return out.filter(({ kind, digest }) => !seen.has(`${kind}:${digest}`) && seen.add(`${kind}:${digest}`));
}

/** Replaces her index entries with those of her current identity. */
export async function writeLookups(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  participantId: string,
  probe: IdentityProbe,
): Promise<void> {
  await tx.delete(participantLookup).where(eq(participantLookup.participantId, participantId));
  const digests = await probeDigests(tx, keyring, organizationId, probe);
  if (digests.length === 0) return;
  await tx
    .insert(participantLookup)
    .values(digests.map((d) => ({ organizationId, participantId, kind: d.kind, digest: d.digest })))
    .onConflictDoNothing();
}

/** Other participants sharing any of these buckets, with the kinds shared. */
export async function bucketMates(
  tx: Tx,
  organizationId: string,
  digests: { kind: LookupKind; digest: string }[],
  exclude: string | null,
): Promise<Map<string, Set<LookupKind>>> {
  const mates = new Map<string, Set<LookupKind>>();
  if (digests.length === 0) return mates;
  const byKind = (kind: LookupKind) => digests.filter((d) => d.kind === kind).map((d) => d.digest);
  const conditions = (['name_birth', 'phone', 'document'] as const)
    .filter((kind) => byKind(kind).length > 0)
    .map((kind) => and(eq(participantLookup.kind, kind), inArray(participantLookup.digest, byKind(kind))));
  const rows = await tx
    .select({ participantId: participantLookup.participantId, kind: participantLookup.kind })
    .from(participantLookup)
    .where(
      and(
        eq(participantLookup.organizationId, organizationId),
        or(...conditions),
        exclude ? ne(participantLookup.participantId, exclude) : undefined,
      ),
    );
  for (const row of rows) {
    const kinds = mates.get(row.participantId) ?? new Set<LookupKind>();
    kinds.add(row.kind as LookupKind);
    mates.set(row.participantId, kinds);
  }
  return mates;
}
