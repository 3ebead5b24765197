/**
 * Exact-name search over encrypted names. The blind index (a 12-bit truncated HMAC) only narrows
 * the organization down to a bucket shared by many people; each candidate is then confirmed by
 * opening her names and comparing normalised values. Names are never matched with LIKE, and the
 * searched name is never logged or audited (request logs drop query strings).
 * Cost: as cope_app the bucket look-up scans the table, because row-level security keeps
 * PostgreSQL from using the GIN index for `@>` (not leakproof); see docs/performance.md.
 */
import {
  type TParticipantLookupQuery,
  type TParticipantSummary,
  ZParticipantLookupQuery,
  ZParticipantSearchQuery,
  ZParticipantSearchResult,
} from '@cope/contracts';
import type { AccessLevel } from '@cope/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { participant, participantKey, staffUser } from '../../db/schema.js';
import { participantLookup } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import { authorize } from '../../policy/enforce.js';
import { type Keyring, normaliseForIndex } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { confirmedMatches, openIdentities } from '../intake/duplicates.js';
import { presentParticipantSummary } from './presenter.js';
import type { ParticipantRow } from './queries.js';
import { identityRef, openPreferredNames } from './records.js';

/** A bucket holds about n / 4096 × 2 names; this bound is far above that even at 1,000,000 cases. */
const MAX_CANDIDATES = 5000;
export const MAX_RESULTS = 50;

const candidateColumns = {
  id: participant.id,
  caseCode: participant.caseCode,
  preferredNameEnc: participant.preferredNameEnc,
  legalNameEnc: participant.legalNameEnc,
  isProtectedWitness: participant.isProtectedWitness,
  status: participant.status,
  riskLevel: participant.riskLevel,
  openedAt: participant.openedAt,
  referenceId: staffUser.id,
  referenceName: staffUser.displayName,
};

type CandidateRow = ParticipantRow & { legalNameEnc: string | null };

async function candidates(tx: Tx, keyring: Keyring, organizationId: string, name: string) {
  const index = await keyring.blindIndex(tx, organizationId, 'name', name);
  const rows: CandidateRow[] = await tx
    .select(candidateColumns)
    .from(participant)
    .leftJoin(staffUser, eq(staffUser.id, participant.referenceUserId))
    .where(
      and(
        eq(participant.organizationId, organizationId),
        sql`${participant.nameIndex} @> array[${index}]::text[]`,
      ),
    )
    .orderBy(desc(participant.openedAt), desc(participant.id))
    .limit(MAX_CANDIDATES);
  return rows;
}

/**
 * The candidates whose preferred name — or, where `access` is 'full', legal name — equals `name`
 * once normalised. `access` says how much of each candidate's identity the asker may see:
 * 'none' skips her without opening anything, and 'limited' (the alias only) must not reveal
 * which alias belongs to a legal name, so only the preferred name is compared.
 */
async function confirmMatches(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  name: string,
  bucket: CandidateRow[],
  access: (participantId: string) => AccessLevel,
): Promise<{ row: CandidateRow; level: AccessLevel; preferredName: string | null }[]> {
  const wanted = normaliseForIndex('name', name);
  const rows = bucket.filter((r) => access(r.id) !== 'none');
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const keys = await tx.select().from(participantKey).where(inArray(participantKey.participantId, ids));
  const keyOf = new Map(keys.map((k) => [k.participantId, k]));
  const matches = [];
  for (const row of rows) {
    const stored = keyOf.get(row.id);
    const dataKey = stored ? await keyring.unwrapParticipantKey(tx, organizationId, row.id, stored) : null;
    if (!dataKey) continue;
    const level = access(row.id);
    const open = (column: 'preferred_name' | 'legal_name', value: string | null) =>
      value ? keyring.openWithKey(dataKey, identityRef(row.id, column), value) : null;
    const preferredName = open('preferred_name', row.preferredNameEnc);
    const legalName = level === 'full' ? open('legal_name', row.legalNameEnc) : null;
    const same = (value: string | null) => value !== null && normaliseForIndex('name', value) === wanted;
    if (same(preferredName) || same(legalName)) matches.push({ row, level, preferredName });
  }
  return matches;
}

/**
 * Possible duplicates at intake: cases of the organization with the same name, compared on every
 * name. For the intake service to warn with case codes only; it never shows the matched names.
 */
export async function findPossibleDuplicates(
  tx: Tx,
  keyring: Keyring,
  organizationId: string,
  names: string[],
): Promise<{ id: string; caseCode: string }[]> {
  const found = new Map<string, string>();
  for (const name of names) {
    const bucket = await candidates(tx, keyring, organizationId, name);
    for (const match of await confirmMatches(tx, keyring, organizationId, name, bucket, () => 'full')) {
      found.set(match.row.id, match.row.caseCode);
    }
  }
  return [...found].map(([id, caseCode]) => ({ id, caseCode }));
}

export async function searchForViewer(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  name: string,
): Promise<TParticipantSummary[]> {
  const bucket = await candidates(tx, keyring, viewer.organizationId, name);
  // Access is decided for the whole bucket before anything of anyone in it is opened.
  const facts = await loadCaseFacts(
    tx,
    viewer,
    bucket.map((r) => r.id),
  );
  const access = (id: string): AccessLevel => {
    const f = facts.get(id);
    return f ? sectionLevel(viewer, viewer.sectionMatrix, f, 'identity') : 'none';
  };
  const matches = await confirmMatches(tx, keyring, viewer.organizationId, name, bucket, access);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.list',
    resourceType: 'participant_search',
  });
  return matches.slice(0, MAX_RESULTS).map((m) => presentParticipantSummary(m.row, m.level, m.preferredName));
}

/**
 * Exact search by phone or document number. These are identity details beyond the alias, so only
 * cases whose identity the viewer may see in full are considered (as with legal names); each
 * candidate of the bucket is confirmed by opening her sealed record. The value is never logged.
 */
export async function lookupForViewer(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  query: TParticipantLookupQuery,
): Promise<TParticipantSummary[]> {
  const kind = query.phone !== undefined ? 'phone' : 'document';
  const value = query.phone ?? query.document ?? '';
  const digest = await keyring.blindIndex(tx, viewer.organizationId, kind, value);
  const bucket = await tx
    .select({ participantId: participantLookup.participantId })
    .from(participantLookup)
    .where(
      and(
        eq(participantLookup.organizationId, viewer.organizationId),
        eq(participantLookup.kind, kind),
        eq(participantLookup.digest, digest),
      ),
    )
    .limit(MAX_CANDIDATES);
  const ids = [...new Set(bucket.map((r) => r.participantId))];
  const facts = await loadCaseFacts(tx, viewer, ids);
  const allowed = ids.filter((id) => {
    const f = facts.get(id);
    return f ? sectionLevel(viewer, viewer.sectionMatrix, f, 'identity') === 'full' : false;
  });
  const probe = {
    names: [],
    birthDate: null,
    phones: kind === 'phone' ? [value] : [],
    documents: kind === 'document' ? [value] : [],
  };
  const opened = await openIdentities(tx, keyring, viewer.organizationId, allowed);
  const matching = [...opened]
    .filter(([, o]) => confirmedMatches(probe, o.probe).includes(kind))
    .map(([id]) => id);
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.list',
    resourceType: 'participant_search',
  });
  if (matching.length === 0) return [];
  const rows: CandidateRow[] = await tx
    .select(candidateColumns)
    .from(participant)
    .leftJoin(staffUser, eq(staffUser.id, participant.referenceUserId))
    .where(inArray(participant.id, matching))
    .orderBy(desc(participant.openedAt), desc(participant.id))
    .limit(MAX_RESULTS);
  const names = await openPreferredNames(tx, keyring, viewer.organizationId, rows);
  return rows.map((row) => presentParticipantSummary(row, 'full', names.get(row.id) ?? null));
}

export async function participantSearchRoutes({
  app,
  db,
  keyring,
}: Pick<AppContext, 'app' | 'db' | 'keyring'>): Promise<void> {
  app.get(
    '/api/participants/search',
    {
      schema: {
        tags: ['participants'],
        summary: 'Find participants by her exact name (case, accents and spacing ignored)',
        querystring: ZParticipantSearchQuery,
        response: { 200: ZParticipantSearchResult },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'participant.list', { resourceType: 'participant_search' });
      const items = await db.run(viewer, (tx) => searchForViewer(tx, keyring, viewer, request.query.name));
      return { items };
    },
  );

  app.get(
    '/api/participants/lookup',
    {
      schema: {
        tags: ['participants'],
        summary: 'Find participants by her exact phone or document number (spacing and dashes ignored)',
        querystring: ZParticipantLookupQuery,
        response: { 200: ZParticipantSearchResult },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'participant.list', { resourceType: 'participant_search' });
      const items = await db.run(viewer, (tx) => lookupForViewer(tx, keyring, viewer, request.query));
      return { items };
    },
  );
}
