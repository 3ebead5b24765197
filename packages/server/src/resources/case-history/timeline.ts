/**
 * The case timeline: notes, section records changed, consents, shares, team changes and
 * intake steps, merged newest first, each filtered by what the viewer may see.
 *
 * What is left out, and how the page says so:
 * - items of a section the viewer cannot open in full (notes, record changes, intake steps) are
 *   left out entirely — no date, no author — and the answer lists those sections, so the page
 *   can say "items from these sections are not shown" instead of pretending nothing happened;
 * - another person's private note is left out without a trace;
 * - consents and shares are shown to the people who may record her consents (her team and
 *   coordinators), like the consent register itself.
 */
import {
  TIMELINE_KINDS,
  type TimelineKind,
  type TTimeline,
  type TTimelineItem,
  type TTimelineQuery,
} from '@cope/contracts';
import { CONSENT_PURPOSES, type ConsentPurpose, SECTIONS, type Section } from '@cope/domain';
import { and, desc, eq, inArray, isNotNull, lt, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { auditEvent, caseNote } from '../../db/schema.js';
import { consent, referenceHandover, sectionShare } from '../../db/schema-case.js';
import type { Tx } from '../../db/tenant.js';
import { type CaseFacts, caseRelation, sectionLevel } from '../../policy/case-access.js';
import { caseCan } from '../../policy/index.js';
import type { Keyring } from '../../security/keyring.js';
import type { Viewer } from '../auth/sessions.js';
import { staffByIds } from '../case-team/service.js';
import { decodeTeamChange } from '../case-team/team-events.js';

const EXCERPT_LENGTH = 160;

type Draft = Omit<TTimelineItem, 'actor' | 'subject'> & { actorId: string | null; subjectId: string | null };

const blank = {
  section: null,
  excerpt: null,
  privateNote: false,
  subjectId: null,
  consent: null,
  share: null,
} satisfies Partial<Draft>;

const asSection = (value: string | null): Section | null =>
  value && (SECTIONS as readonly string[]).includes(value) ? (value as Section) : null;
const asPurpose = (value: string): ConsentPurpose | null =>
  (CONSENT_PURPOSES as readonly string[]).includes(value) ? (value as ConsentPurpose) : null;

export function firstLine(body: string): string {
  const line = body.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}

interface Window {
  participantId: string;
  before: Date | null;
  take: number;
}

const older = (column: Parameters<typeof lt>[0], window: Window): SQL[] =>
  window.before ? [lt(column, window.before)] : [];

async function notes(tx: Tx, keyring: Keyring, viewer: Viewer, sections: Section[], w: Window) {
  if (sections.length === 0) return [];
  const rows = await tx
    .select()
    .from(caseNote)
    .where(
      and(
        eq(caseNote.participantId, w.participantId),
        inArray(caseNote.section, sections),
        or(eq(caseNote.visibility, 'section'), eq(caseNote.authorUserId, viewer.userId)),
        ...older(caseNote.createdAt, w),
      ),
    )
    .orderBy(desc(caseNote.createdAt))
    .limit(w.take);
  const dataKey = rows.length
    ? await keyring.participantKey(tx, viewer.organizationId, w.participantId)
    : null;
  return rows.map(
    (note): Draft => ({
      ...blank,
      id: `note:${note.id}`,
      kind: 'note',
      event: 'note_added',
      at: note.createdAt.toISOString(),
      actorId: note.authorUserId,
      section: asSection(note.section),
      // After erasure her notes cannot be opened: the item stays, without text.
      excerpt: dataKey
        ? firstLine(
            keyring.openWithKey(
              dataKey,
              { table: 'case_note', column: 'body', recordId: note.id },
              note.bodyEnc,
            ),
          )
        : null,
      privateNote: note.visibility === 'author',
    }),
  );
}

const AUDITED: Record<string, { kind: TimelineKind; event: Draft['event'] }> = {
  'record.write': { kind: 'record', event: 'record_changed' },
  'intake.saved': { kind: 'intake', event: 'intake_saved' },
  'intake.completed': { kind: 'intake', event: 'intake_completed' },
  'case.team_changed': { kind: 'team', event: 'member_added' },
};

async function audited(tx: Tx, kinds: Set<TimelineKind>, full: Set<Section>, w: Window) {
  const actions = Object.entries(AUDITED)
    .filter(([, v]) => kinds.has(v.kind))
    .map(([action]) => action);
  if (actions.length === 0) return [];
  const rows = await tx
    .select()
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.resourceType, 'participant'),
        eq(auditEvent.resourceId, w.participantId),
        eq(auditEvent.outcome, 'allowed'),
        inArray(auditEvent.action, actions),
        ...older(auditEvent.occurredAt, w),
      ),
    )
    .orderBy(desc(auditEvent.occurredAt))
    .limit(w.take);
  return rows.flatMap((row): Draft[] => {
    const section = asSection(row.section);
    if (row.section !== null && (!section || !full.has(section))) return [];
    const known = AUDITED[row.action];
    if (!known) return [];
    const change = row.action === 'case.team_changed' ? decodeTeamChange(row.reason) : null;
    if (row.action === 'case.team_changed' && (!change || change.change === 'handover')) return [];
    return [
      {
        ...blank,
        id: `audit:${row.id}`,
        kind: known.kind,
        event: change?.change === 'removed' ? 'member_removed' : known.event,
        at: row.occurredAt.toISOString(),
        actorId: row.actorUserId,
        section,
        subjectId: change?.userId ?? null,
      },
    ];
  });
}

async function handovers(tx: Tx, w: Window) {
  const rows = await tx
    .select()
    .from(referenceHandover)
    .where(
      and(eq(referenceHandover.participantId, w.participantId), ...older(referenceHandover.createdAt, w)),
    )
    .orderBy(desc(referenceHandover.createdAt))
    .limit(w.take);
  return rows.map(
    (h): Draft => ({
      ...blank,
      id: `handover:${h.id}`,
      kind: 'team',
      event: 'handover',
      at: h.createdAt.toISOString(),
      actorId: h.byUserId,
      subjectId: h.toUserId,
    }),
  );
}

async function consents(tx: Tx, w: Window) {
  const of = eq(consent.participantId, w.participantId);
  const recorded = await tx
    .select()
    .from(consent)
    .where(and(of, ...older(consent.createdAt, w)))
    .orderBy(desc(consent.createdAt))
    .limit(w.take);
  const withdrawn = await tx
    .select()
    .from(consent)
    .where(and(of, isNotNull(consent.withdrawnAt), ...older(consent.withdrawnAt, w)))
    .orderBy(desc(consent.withdrawnAt))
    .limit(w.take);
  const item = (
    row: typeof consent.$inferSelect,
    event: 'consent_recorded' | 'consent_withdrawn',
  ): Draft[] => {
    const purpose = asPurpose(row.purpose);
    const at = event === 'consent_recorded' ? row.createdAt : row.withdrawnAt;
    if (!purpose || !at) return [];
    return [
      {
        ...blank,
        id: `${event}:${row.id}`,
        kind: 'consent',
        event,
        at: at.toISOString(),
        actorId: event === 'consent_recorded' ? row.recordedByUserId : row.withdrawnByUserId,
        consent: {
          purpose,
          recipient: row.recipient,
          dataCategories: row.dataCategories.map(asSection).filter((s): s is Section => s !== null),
        },
      },
    ];
  };
  return [
    ...recorded.flatMap((row) => item(row, 'consent_recorded')),
    ...withdrawn.flatMap((row) => item(row, 'consent_withdrawn')),
  ];
}

async function shares(tx: Tx, w: Window) {
  const of = eq(sectionShare.participantId, w.participantId);
  const created = await tx
    .select()
    .from(sectionShare)
    .where(and(of, ...older(sectionShare.createdAt, w)))
    .orderBy(desc(sectionShare.createdAt))
    .limit(w.take);
  const ended = await tx
    .select()
    .from(sectionShare)
    .where(and(of, isNotNull(sectionShare.endedAt), ...older(sectionShare.endedAt, w)))
    .orderBy(desc(sectionShare.endedAt))
    .limit(w.take);
  const item = (row: typeof sectionShare.$inferSelect, event: 'section_shared' | 'share_ended'): Draft => ({
    ...blank,
    id: `${event}:${row.id}`,
    kind: 'share',
    event,
    at: ((event === 'share_ended' ? row.endedAt : null) ?? row.createdAt).toISOString(),
    actorId: event === 'section_shared' ? row.createdByUserId : null,
    section: asSection(row.section),
    share: { audience: row.audience, emergency: row.consentId === null },
  });
  return [
    ...created.map((row) => item(row, 'section_shared')),
    ...ended.map((row) => item(row, 'share_ended')),
  ];
}

/**
 * The newest `limit` items; items sharing the last item's time all stay on this page, so the
 * `before` cursor never skips one.
 */
export function pageOf<T extends { at: string; id: string }>(items: T[], limit: number) {
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  if (sorted.length <= limit) return { page: sorted, nextBefore: null };
  const lastAt = sorted[limit - 1]?.at;
  let end = limit;
  while (end < sorted.length && sorted[end]?.at === lastAt) end++;
  const page = sorted.slice(0, end);
  return { page, nextBefore: end < sorted.length ? (lastAt ?? null) : null };
}

export async function readTimeline(
  tx: Tx,
  keyring: Keyring,
  viewer: Viewer,
  facts: CaseFacts,
  query: TTimelineQuery,
): Promise<TTimeline> {
  const full = SECTIONS.filter((s) => sectionLevel(viewer, viewer.sectionMatrix, facts, s) === 'full');
  const fullSet = new Set<Section>(full);
  const consentsVisible = caseCan(viewer, 'consent.record', caseRelation(viewer, facts));
  const kinds = new Set<TimelineKind>(query.kinds ?? TIMELINE_KINDS);
  if (!consentsVisible) {
    kinds.delete('consent');
    kinds.delete('share');
  }
  const w: Window = {
    participantId: facts.participantId,
    before: query.before ? new Date(query.before) : null,
    take: query.limit + 1,
  };
  const drafts = [
    ...(kinds.has('note') ? await notes(tx, keyring, viewer, full, w) : []),
    ...(await audited(tx, kinds, fullSet, w)),
    ...(kinds.has('team') ? await handovers(tx, w) : []),
    ...(kinds.has('consent') ? await consents(tx, w) : []),
    ...(kinds.has('share') ? await shares(tx, w) : []),
  ];
  const { page, nextBefore } = pageOf(drafts, query.limit);
  const staff = await staffByIds(
    tx,
    page.flatMap((d) => [d.actorId, d.subjectId].filter((id): id is string => id !== null)),
  );
  const ref = (id: string | null) => {
    const found = id ? staff.get(id) : undefined;
    return found ? { id: found.id, displayName: found.displayName, roles: found.roles } : null;
  };
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'timeline.read',
    resourceType: 'participant',
    resourceId: facts.participantId,
  });
  return {
    items: page.map(({ actorId, subjectId, ...item }) => ({
      ...item,
      actor: ref(actorId),
      subject: ref(subjectId),
    })),
    nextBefore,
    hiddenSections: SECTIONS.filter((s) => !fullSet.has(s)),
    consentsHidden: !consentsVisible,
  };
}
