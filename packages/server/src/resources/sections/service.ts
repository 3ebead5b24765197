/**
 * Case sections: reading a section as the viewer may see it, writing notes, and break-glass.
 * Access comes from the one policy (policy/case-access.ts); every read, write and refusal is
 * audited in the same transaction as the work.
 */
import { randomUUID } from 'node:crypto';
import type { TNoteVisibility, TSectionView } from '@cope/contracts';
import type { AccessLevel, Section } from '@cope/domain';
import { and, asc, count, eq, or } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import {
  breakGlassGrant,
  caseNote,
  notification,
  participant,
  participantKey,
  staffUser,
} from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import { loadCaseFacts, sectionLevel } from '../../policy/case-access.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { openPreferredNames } from '../participants/records.js';

export const BREAK_GLASS_MINUTES = 60;

const noteRef = (noteId: string) => ({ table: 'case_note', column: 'body', recordId: noteId });

/** The viewer's level on one section of one case; null when the case is not in her organization. */
export async function levelFor(tx: Tx, viewer: Viewer, participantId: string, section: Section) {
  const facts = (await loadCaseFacts(tx, viewer, [participantId])).get(participantId);
  return facts ? { facts, level: sectionLevel(viewer, viewer.sectionMatrix, facts, section) } : null;
}

export const sectionRestricted = (section: Section) =>
  new AppError(
    'FORBIDDEN',
    `Restricted: the ${section.replace('_', ' ')} section is open only to those who need it.`,
    {
      section,
    },
  );

async function dataKeyOf(tx: Tx, keyring: Keyring, viewer: Viewer, participantId: string) {
  const [stored] = await tx
    .select()
    .from(participantKey)
    .where(eq(participantKey.participantId, participantId));
  return stored ? keyring.unwrapParticipantKey(tx, viewer.organizationId, participantId, stored) : null;
}

export async function readSection(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  section: Section,
  level: AccessLevel,
): Promise<TSectionView> {
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'section.read',
    resourceType: 'participant',
    resourceId: participantId,
    section,
  });
  if (level === 'limited') {
    if (section === 'identity') {
      const [row] = await tx
        .select({ id: participant.id, preferredNameEnc: participant.preferredNameEnc })
        .from(participant)
        .where(eq(participant.id, participantId));
      const names = row ? await openPreferredNames(tx, keyring, viewer.organizationId, [row]) : new Map();
      return { section, access: level, alias: names.get(participantId) ?? null };
    }
    if (section === 'mental_health') {
      const [notes] = await tx
        .select({ n: count() })
        .from(caseNote)
        .where(and(eq(caseNote.participantId, participantId), eq(caseNote.section, 'mental_health')));
      return { section, access: level, inCounselling: Number(notes?.n ?? 0) > 0 };
    }
    return { section, access: level };
  }
  const rows = await tx
    .select({ note: caseNote, authorName: staffUser.displayName })
    .from(caseNote)
    .innerJoin(staffUser, eq(staffUser.id, caseNote.authorUserId))
    .where(
      and(
        eq(caseNote.participantId, participantId),
        eq(caseNote.section, section),
        // A private note is returned to its author only, whoever else opens the section.
        or(eq(caseNote.visibility, 'section'), eq(caseNote.authorUserId, viewer.userId)),
      ),
    )
    .orderBy(asc(caseNote.createdAt));
  const dataKey = rows.length > 0 ? await dataKeyOf(tx, keyring, viewer, participantId) : null;
  return {
    section,
    access: level,
    notes: rows.map(({ note, authorName }) => ({
      id: note.id,
      authorName,
      createdAt: note.createdAt.toISOString(),
      // After erasure her notes cannot be opened: they read as removed, never as an error.
      body: dataKey ? keyring.openWithKey(dataKey, noteRef(note.id), note.bodyEnc) : '',
      visibility: note.visibility,
    })),
  };
}

export async function addNote(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  participantId: string,
  section: Section,
  body: string,
  visibility: TNoteVisibility = 'section',
) {
  const dataKey = await dataKeyOf(tx, keyring, viewer, participantId);
  if (!dataKey) throw new AppError('CONFLICT', 'This record was erased; nothing can be added to it.');
  const id = randomUUID();
  await tx.insert(caseNote).values({
    id,
    organizationId: viewer.organizationId,
    participantId,
    section,
    authorUserId: viewer.userId,
    bodyEnc: keyring.sealWithKey(dataKey, noteRef(id), body),
    visibility,
  });
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'section.write',
    resourceType: 'participant',
    resourceId: participantId,
    section,
  });
  return id;
}

/**
 * A coordinator opens a section she may not normally see, for an emergency. The grant lasts an
 * hour; the event is flagged in the audit trail and the reference professional is told.
 */
export async function breakGlass(
  tx: Tx,
  viewer: Viewer,
  participantId: string,
  section: Section,
  reason: string,
  referenceUserId: string | null,
) {
  const expiresAt = new Date(Date.now() + BREAK_GLASS_MINUTES * 60_000);
  await tx.insert(breakGlassGrant).values({
    id: randomUUID(),
    organizationId: viewer.organizationId,
    participantId,
    userId: viewer.userId,
    section,
    reason,
    expiresAt,
  });
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'section.break_glass',
    resourceType: 'participant',
    resourceId: participantId,
    section,
    reason,
    flagged: true,
  });
  if (referenceUserId && referenceUserId !== viewer.userId) {
    const [row] = await tx
      .select({ caseCode: participant.caseCode })
      .from(participant)
      .where(eq(participant.id, participantId));
    await tx.insert(notification).values({
      id: randomUUID(),
      organizationId: viewer.organizationId,
      recipientUserId: referenceUserId,
      kind: 'break_glass',
      payload: { caseCode: row?.caseCode ?? '', participantId, section, byUserId: viewer.userId },
    });
  }
  return expiresAt;
}
