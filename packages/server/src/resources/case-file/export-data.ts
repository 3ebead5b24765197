/**
 * Her complete file, as the organization holds it, opened with her data key: the answer to her
 * right of access and portability. Need-to-know still holds: only the sections the exporting
 * professional may open in full are included, and private notes only for their author; the file
 * names the sections left out, so that a professional who may open them (her psychologist for
 * counselling notes) completes it. Only the reference professional and coordinators may export
 * (policy caseCan 'participant.export').
 */
import type { RecordSection, TCaseFileExport } from '@cope/contracts';
import type {
  CaseStatus,
  ConsentMethod,
  ConsentPurpose,
  RetentionHoldReason,
  Section,
  StaffRole,
} from '@cope/domain';
import { SECTIONS } from '@cope/domain';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import {
  auditEvent,
  caseNote,
  caseTeamMember,
  organization,
  participant,
  participantKey,
  staffUser,
} from '../../db/schema.js';
import {
  attachment,
  caseRecord,
  consent,
  referenceHandover,
  retentionHold,
  sectionShare,
  task,
} from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { buildTransparencyLog } from '../case-history/transparency.js';
import { loadRecord } from '../intake/record-store.js';
import { identityRef } from '../participants/records.js';
import { itineraryOf } from './export-itinerary.js';
import { safetyOf } from './export-safety.js';
import { SEALED } from './sealed-fields.js';

interface Staff {
  displayName: string;
  roles: StaffRole[];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function buildCaseFile(
  tx: Tx,
  keyring: Keyring,
  viewer: Pick<Viewer, 'organizationId' | 'userId'>,
  participantId: string,
  format: 'json' | 'pdf',
  /** Sections the exporting professional may open in full. */
  fullSections: ReadonlySet<Section>,
  now = new Date(),
): Promise<TCaseFileExport | null> {
  const [row] = await tx
    .select({ p: participant, organizationName: organization.name, key: participantKey })
    .from(participant)
    .innerJoin(organization, eq(organization.id, participant.organizationId))
    .leftJoin(participantKey, eq(participantKey.participantId, participant.id))
    .where(eq(participant.id, participantId));
  if (!row) return null;
  const p = row.p;
  const dataKey = row.key
    ? await keyring.unwrapParticipantKey(tx, viewer.organizationId, participantId, row.key)
    : null;
  /** Opens a value sealed with her key; null once she was erased (or when nothing was written). */
  const open = (ref: { table: string; column: string; recordId: string }, stored: string | null) =>
    dataKey && stored ? keyring.openWithKey(dataKey, ref, stored) : null;

  const staffRows = await tx
    .select({ id: staffUser.id, displayName: staffUser.displayName, roles: staffUser.roles })
    .from(staffUser);
  const staff = new Map<string, Staff>(
    staffRows.map((s) => [s.id, { displayName: s.displayName, roles: s.roles as StaffRole[] }]),
  );
  const name = (id: string | null) => (id ? (staff.get(id)?.displayName ?? null) : null);
  const records = await tx
    .select()
    .from(caseRecord)
    .where(eq(caseRecord.participantId, participantId))
    .orderBy(asc(caseRecord.section));
  const notes = await tx
    .select()
    .from(caseNote)
    .where(eq(caseNote.participantId, participantId))
    .orderBy(asc(caseNote.createdAt));
  const consents = await tx
    .select()
    .from(consent)
    .where(eq(consent.participantId, participantId))
    .orderBy(asc(consent.createdAt));
  const scans = await tx
    .select()
    .from(attachment)
    .where(eq(attachment.participantId, participantId))
    .orderBy(asc(attachment.createdAt));
  const shares = await tx
    .select()
    .from(sectionShare)
    .where(eq(sectionShare.participantId, participantId))
    .orderBy(asc(sectionShare.createdAt));
  const members = await tx
    .select()
    .from(caseTeamMember)
    .where(eq(caseTeamMember.participantId, participantId))
    .orderBy(asc(caseTeamMember.addedAt));
  const handovers = await tx
    .select()
    .from(referenceHandover)
    .where(eq(referenceHandover.participantId, participantId))
    .orderBy(asc(referenceHandover.createdAt));
  const tasks = await tx
    .select()
    .from(task)
    .where(eq(task.participantId, participantId))
    .orderBy(asc(task.dueOn));
  const holds = await tx
    .select()
    .from(retentionHold)
    .where(eq(retentionHold.participantId, participantId))
    .orderBy(asc(retentionHold.createdAt));
  const audit = await tx
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.resourceType, 'participant'), eq(auditEvent.resourceId, participantId)))
    .orderBy(asc(auditEvent.seq));

  const file: TCaseFileExport = {
    format: 'cope-hope.case-file',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    exportedBy: name(viewer.userId) ?? '',
    organization: row.organizationName,
    omittedSections: SECTIONS.filter((section) => !fullSections.has(section)),
    case: {
      id: p.id,
      caseCode: p.caseCode,
      status: p.status as CaseStatus,
      riskLevel: p.riskLevel,
      openedAt: p.openedAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      protectedWitness: p.isProtectedWitness,
      legalSituations: p.legalSituations,
      referenceChanges: p.referenceChanges,
      erased: dataKey === null,
    },
    identity: fullSections.has('identity')
      ? {
          preferredName: open(identityRef(p.id, 'preferred_name'), p.preferredNameEnc),
          legalName: open(identityRef(p.id, 'legal_name'), p.legalNameEnc),
          birthDate: open(identityRef(p.id, 'birth_date'), p.birthDateEnc),
        }
      : { preferredName: null, legalName: null, birthDate: null },
    records: await Promise.all(
      records
        .filter((r) => fullSections.has(r.section as Section))
        .map(async (r) => ({
          section: r.section as Section,
          version: r.version,
          updatedAt: r.updatedAt.toISOString(),
          updatedBy: name(r.updatedByUserId),
          // Her names and birth date are in `identity`; the record holds the rest of each step.
          data: dataKey
            ? (await loadRecord(tx, keyring, dataKey, p.id, r.section as RecordSection, null)).data
            : null,
        })),
    ),
    notes: notes
      .filter((n) => fullSections.has(n.section as Section))
      .filter((n) => n.visibility !== 'author' || n.authorUserId === viewer.userId)
      .map((n) => ({
        id: n.id,
        section: n.section as Section,
        author: name(n.authorUserId),
        createdAt: n.createdAt.toISOString(),
        visibility: n.visibility,
        body: open(SEALED.caseNote(n.id), n.bodyEnc),
      })),
    consents: consents.map((c) => ({
      id: c.id,
      purpose: c.purpose as ConsentPurpose,
      recipient: c.recipient,
      dataCategories: c.dataCategories,
      method: c.method as ConsentMethod,
      language: c.language,
      explainedBy: name(c.explainedByUserId),
      givenOn: c.givenOn,
      expiresOn: c.expiresOn,
      recordedAt: c.createdAt.toISOString(),
      withdrawal: c.withdrawnAt
        ? {
            at: c.withdrawnAt.toISOString(),
            method: c.withdrawalMethod,
            note: open(SEALED.withdrawalNote(c.id), c.withdrawalNoteEnc),
            by: name(c.withdrawnByUserId),
          }
        : null,
      scans: scans
        .filter((s) => s.consentId === c.id)
        .map((s) => ({
          id: s.id,
          contentType: s.contentType,
          byteSize: s.byteSize,
          uploadedAt: s.createdAt.toISOString(),
          uploadedBy: name(s.uploadedByUserId),
          contentBase64: format === 'json' ? open(SEALED.scan(s.id), s.dataEnc) : null,
        })),
    })),
    shares: shares.map((s) => ({
      section: s.section as Section,
      audience: s.audience,
      consentId: s.consentId,
      emergencyReason: s.emergencyReason,
      createdAt: s.createdAt.toISOString(),
      createdBy: name(s.createdByUserId),
      endedAt: iso(s.endedAt),
      endedReason: s.endedReason,
    })),
    team: {
      reference: name(p.referenceUserId),
      members: members.map((m) => ({
        name: name(m.userId),
        roles: staff.get(m.userId)?.roles ?? [],
        since: m.addedAt.toISOString(),
      })),
      handovers: handovers.map((h) => ({
        at: h.createdAt.toISOString(),
        from: name(h.fromUserId),
        to: name(h.toUserId),
        by: name(h.byUserId),
        note: open(SEALED.handoverNote(h.id), h.noteEnc),
      })),
    },
    tasks: tasks.map((t) => ({
      kind: t.kind,
      assignee: name(t.assigneeUserId),
      dueOn: t.dueOn,
      createdAt: t.createdAt.toISOString(),
      doneAt: iso(t.doneAt),
    })),
    retentionHolds: holds.map((h) => ({
      reason: h.reason as RetentionHoldReason,
      note: h.note,
      createdAt: h.createdAt.toISOString(),
      createdBy: name(h.createdByUserId),
      clearedAt: iso(h.clearedAt),
      clearedBy: name(h.clearedByUserId),
      clearedReason: h.clearedReason,
    })),
    accessLog: accessLogOf(audit, staff, shares, consents),
    safety: fullSections.has('safety')
      ? await safetyOf(tx, keyring, {
          participantId,
          dataKey,
          name,
          withAddresses: fullSections.has('identity'),
        })
      : null,
    itinerary: await itineraryOf(tx, keyring, { participantId, dataKey, name, fullSections }),
  };

  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'participant.export',
    resourceType: 'participant',
    resourceId: participantId,
    reason: `format: ${format}`,
  });
  return file;
}

/** The transparency log ("what happened with her information"), oldest first, flattened. */
function accessLogOf(
  audit: (typeof auditEvent.$inferSelect)[],
  staff: Map<string, Staff>,
  shares: (typeof sectionShare.$inferSelect)[],
  consents: (typeof consent.$inferSelect)[],
): TCaseFileExport['accessLog'] {
  const consentById = new Map(consents.map((c) => [c.id, c]));
  const days = buildTransparencyLog(audit, {
    staff,
    shares: shares.map((s) => {
      const c = s.consentId ? consentById.get(s.consentId) : undefined;
      return {
        section: s.section,
        audience: s.audience,
        createdByUserId: s.createdByUserId,
        createdAt: s.createdAt,
        endedAt: s.endedAt,
        emergency: s.consentId === null,
        consent: c ? { purpose: c.purpose as ConsentPurpose, givenOn: c.givenOn } : null,
      };
    }),
    consents: consents.map((c) => ({
      purpose: c.purpose as ConsentPurpose,
      recipient: c.recipient,
      dataCategories: c.dataCategories,
      recordedByUserId: c.recordedByUserId,
      createdAt: c.createdAt,
      withdrawnAt: c.withdrawnAt,
      withdrawnByUserId: c.withdrawnByUserId,
    })),
  });
  return days
    .flatMap((day) => day.entries)
    .sort((a, b) => Date.parse(a.firstAt) - Date.parse(b.firstAt))
    .map((e) => ({
      at: e.firstAt,
      kind: e.kind,
      who: e.actor?.name ?? null,
      roles: e.actor?.roles ?? [],
      action: e.action,
      section: e.section,
      outcome: e.outcome,
      emergency: e.flagged,
      reason: e.reason,
      sharedWith: e.share?.audience ?? null,
      count: e.count,
    }));
}
