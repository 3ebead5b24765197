/**
 * The organization's risk management protocol (DOMAIN.md "Risk assessment"): the procedures for
 * risk situations affecting women or staff. Every save is a new version and none is ever lost.
 * A save that started from an older version than the latest is refused, so nobody overwrites a
 * colleague's text without seeing it. The protocol is the organization's own text, about no
 * woman: it is stored in clear.
 */
import { randomUUID } from 'node:crypto';
import type { TProtocol, TProtocolRequest, TProtocolVersion } from '@cope/contracts';
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { staffUser } from '../../db/schema.js';
import { riskProtocol } from '../../db/schema-safety.js';
import type { Tx } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import { can } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';

const author = {
  version: riskProtocol.version,
  createdByUserId: riskProtocol.createdByUserId,
  createdByName: staffUser.displayName,
  createdAt: riskProtocol.createdAt,
};

/** Versions newest first, without their text (or one version's, with it). */
function versionList(tx: Tx) {
  return tx
    .select(author)
    .from(riskProtocol)
    .innerJoin(staffUser, eq(staffUser.id, riskProtocol.createdByUserId))
    .orderBy(desc(riskProtocol.version));
}
type ListRow = Awaited<ReturnType<typeof versionList>>[number];

async function versionWithBody(tx: Tx, version: number) {
  const [row] = await tx
    .select({ ...author, body: riskProtocol.body })
    .from(riskProtocol)
    .innerJoin(staffUser, eq(staffUser.id, riskProtocol.createdByUserId))
    .where(eq(riskProtocol.version, version));
  return row ? presentVersion(row) : null;
}

const presentListed = (row: ListRow): Omit<TProtocolVersion, 'body'> => ({
  version: row.version,
  createdBy: { id: row.createdByUserId, displayName: row.createdByName },
  createdAt: row.createdAt.toISOString(),
});

const presentVersion = (row: ListRow & { body: string }): TProtocolVersion => ({
  ...presentListed(row),
  body: row.body,
});

/** The version in force with its text, every version without text (newest first), and who may edit. */
export async function readProtocol(tx: Tx, viewer: Viewer): Promise<TProtocol> {
  const rows = await versionList(tx);
  const latest = rows[0];
  return {
    current: latest ? await versionWithBody(tx, latest.version) : null,
    versions: rows.map(presentListed),
    canEdit: can(viewer, 'protocol.edit'),
  };
}

export async function readProtocolVersion(tx: Tx, version: number): Promise<TProtocolVersion> {
  const found = await versionWithBody(tx, version);
  if (!found) throw notFound('This protocol version');
  return found;
}

function newerVersionSaved(latest: ListRow | undefined): AppError {
  const by = latest ? ` (version ${latest.version}, by ${latest.createdByName})` : '';
  return new AppError(
    'CONFLICT',
    `Someone saved a newer version of the protocol${by} while you were editing. Nothing was overwritten: ` +
      'reload the latest version, compare, then save yours again.',
    latest
      ? {
          version: latest.version,
          savedBy: latest.createdByName,
          savedAt: latest.createdAt.toISOString(),
        }
      : { version: 0, savedBy: null, savedAt: null },
  );
}

/** Saves the next version, when the editor started from the latest one. */
export async function saveProtocol(tx: Tx, viewer: Viewer, request: TProtocolRequest): Promise<TProtocol> {
  const [latest] = await versionList(tx).limit(1);
  const latestVersion = latest?.version ?? 0;
  if (request.baseVersion !== latestVersion) throw newerVersionSaved(latest);
  const id = randomUUID();
  const version = latestVersion + 1;
  // Two saves from the same version: the unique (organization, version) lets only one through.
  const inserted = await tx
    .insert(riskProtocol)
    .values({
      id,
      organizationId: viewer.organizationId,
      version,
      body: request.body.trim(),
      createdByUserId: viewer.userId,
    })
    .onConflictDoNothing()
    .returning({ id: riskProtocol.id });
  if (inserted.length === 0) {
    const [newer] = await versionList(tx).limit(1);
    throw newerVersionSaved(newer);
  }
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'protocol.saved',
    resourceType: 'risk_protocol',
    resourceId: id,
    reason: `version ${version}`,
  });
  return readProtocol(tx, viewer);
}
