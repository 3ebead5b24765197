/**
 * "What happened with her information": the audit trail about one participant turned into
 * readable entries, grouped by day. Pure: the caller loads the audit rows (those whose resource
 * is her case: resource_type 'participant', resource_id her id), the staff they name, and her
 * shares and consents for context; nothing here touches the database or the clock.
 *
 * - Every event is one entry, except repeated reads (and repeated refusals) by the same person
 *   of the same thing on the same day, which collapse into one entry with a count.
 * - Sharing and emergency events are matched with the share they created (same section, same
 *   person, within two minutes) to say with whom and under which consent; consent events with
 *   the consent recorded or withdrawn.
 * - Written reasons are shown for break-glass, emergency sharing, erasure and retention only;
 *   team changes carry a colleague's id instead, shown as that colleague's name and role.
 */
import type { TransparencyKind, TTransparencyDay, TTransparencyEntry } from '@cope/contracts';
import { type ConsentPurpose, SECTIONS, type Section, type StaffRole } from '@cope/domain';
import { decodeTeamChange } from '../case-team/team-events.js';

export interface TransparencyAuditRow {
  id: number | string;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  section: string | null;
  reason: string | null;
  outcome: 'allowed' | 'denied';
  flagged: boolean;
}

export interface TransparencyStaff {
  displayName: string;
  roles: StaffRole[];
}

export interface TransparencyShare {
  section: string;
  audience: string;
  createdByUserId: string;
  createdAt: Date;
  endedAt: Date | null;
  emergency: boolean;
  consent: { purpose: ConsentPurpose; givenOn: string } | null;
}

export interface TransparencyConsent {
  purpose: ConsentPurpose;
  recipient: string | null;
  dataCategories: string[];
  recordedByUserId: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawnByUserId: string | null;
}

export interface TransparencyContext {
  staff: ReadonlyMap<string, TransparencyStaff>;
  shares?: readonly TransparencyShare[];
  consents?: readonly TransparencyConsent[];
  /** IANA zone whose calendar days group the entries. */
  timeZone?: string;
}

const KIND_OF: Record<string, TransparencyKind> = {
  'participant.read': 'viewed',
  'section.read': 'viewed',
  'record.read': 'viewed',
  'participant.reveal_identity': 'viewed',
  'timeline.read': 'viewed',
  'transparency.read': 'viewed',
  'consent.scan_read': 'viewed',
  'participant.create': 'changed',
  'section.write': 'changed',
  'record.write': 'changed',
  'intake.saved': 'changed',
  'intake.completed': 'changed',
  'section.shared': 'shared',
  'section.share_ended': 'shared',
  'consent.recorded': 'consent',
  'consent.withdrawn': 'consent',
  'consent.form_printed': 'consent',
  'consent.scan_uploaded': 'consent',
  'case.team_changed': 'team',
  'case.handover': 'team',
  'section.break_glass': 'emergency',
  'consent.emergency_override': 'emergency',
  'participant.export': 'exported',
  'participant.erase': 'erased',
  'retention.hold': 'retention',
  'retention.clear': 'retention',
  'risk.read': 'viewed',
  'place.read': 'viewed',
  'incident.read': 'viewed',
  'risk.assessed': 'changed',
  'risk.lowering_decided': 'changed',
  'risk.measure_saved': 'changed',
  'risk.triggered': 'changed',
  'place.recorded': 'changed',
  'place.ended': 'changed',
  'incident.recorded': 'changed',
  'incident.followed_up': 'changed',
  'needs.read': 'viewed',
  'plan.read': 'viewed',
  'monitoring.read': 'viewed',
  'needs.saved': 'changed',
  'priorities.saved': 'changed',
  'plan.saved': 'changed',
  'plan.agreed': 'changed',
  'plan.printed': 'exported',
  'milestone.recorded': 'changed',
  'milestone.removed': 'changed',
  'commitment.saved': 'changed',
  'commitment.removed': 'changed',
  'monitoring.rated': 'changed',
  'monitoring.self_rated': 'changed',
  'monitoring.completed': 'changed',
};

/** Reading actions: repeated ones collapse into one entry per person, section and day. */
export const READ_ACTIONS: ReadonlySet<string> = new Set(
  Object.entries(KIND_OF)
    .filter(([, kind]) => kind === 'viewed')
    .map(([action]) => action),
);

const REASON_ACTIONS: ReadonlySet<string> = new Set([
  'section.break_glass',
  'consent.emergency_override',
  'participant.erase',
  'retention.hold',
  'retention.clear',
]);

const MATCH_WINDOW_MS = 2 * 60_000;

function dayOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const asSection = (value: string | null): Section | null =>
  value && (SECTIONS as readonly string[]).includes(value) ? (value as Section) : null;

function person(staff: TransparencyContext['staff'], userId: string | null) {
  if (!userId) return null;
  const found = staff.get(userId);
  return { name: found?.displayName ?? null, roles: found?.roles ?? [] };
}

/** The element of `items` whose time is nearest to `at`, within the window, among those that `fits`. */
function nearest<T>(
  items: readonly T[],
  at: Date,
  timeOf: (item: T) => Date | null,
  fits: (item: T) => boolean,
) {
  let best: T | null = null;
  let bestGap = MATCH_WINDOW_MS + 1;
  for (const item of items) {
    const time = timeOf(item);
    if (!time || !fits(item)) continue;
    const gap = Math.abs(time.getTime() - at.getTime());
    if (gap < bestGap) {
      best = item;
      bestGap = gap;
    }
  }
  return best;
}

function shareFor(row: TransparencyAuditRow, shares: readonly TransparencyShare[]) {
  const sameSection = (s: TransparencyShare) => row.section === null || s.section === row.section;
  const share =
    row.action === 'section.share_ended'
      ? nearest(shares, row.occurredAt, (s) => s.endedAt, sameSection)
      : nearest(
          shares,
          row.occurredAt,
          (s) => s.createdAt,
          (s) => sameSection(s) && s.createdByUserId === row.actorUserId,
        );
  return share ? { audience: share.audience, emergency: share.emergency, consent: share.consent } : null;
}

function consentFor(row: TransparencyAuditRow, consents: readonly TransparencyConsent[]) {
  const found =
    row.action === 'consent.withdrawn'
      ? nearest(
          consents,
          row.occurredAt,
          (c) => c.withdrawnAt,
          (c) => c.withdrawnByUserId === null || c.withdrawnByUserId === row.actorUserId,
        )
      : nearest(
          consents,
          row.occurredAt,
          (c) => c.createdAt,
          (c) => c.recordedByUserId === row.actorUserId,
        );
  if (!found) return null;
  return {
    purpose: found.purpose,
    recipient: found.recipient,
    dataCategories: found.dataCategories.map(asSection).filter((s): s is Section => s !== null),
  };
}

function entryOf(row: TransparencyAuditRow, context: TransparencyContext): TTransparencyEntry {
  const at = row.occurredAt.toISOString();
  const kind: TransparencyKind = row.outcome === 'denied' ? 'refused' : (KIND_OF[row.action] ?? 'other');
  const team = row.action === 'case.team_changed' || row.action === 'case.handover';
  const teamChange = team ? decodeTeamChange(row.reason) : null;
  const sharing =
    row.outcome === 'allowed' &&
    (row.action === 'section.shared' ||
      row.action === 'section.share_ended' ||
      row.action === 'consent.emergency_override');
  const consent =
    row.outcome === 'allowed' && (row.action === 'consent.recorded' || row.action === 'consent.withdrawn');
  return {
    id: String(row.id),
    kind,
    action: row.action,
    outcome: row.outcome,
    at,
    firstAt: at,
    count: 1,
    actor: person(context.staff, row.actorUserId),
    section: asSection(row.section),
    reason: REASON_ACTIONS.has(row.action) ? row.reason : null,
    flagged: row.flagged,
    subject: teamChange ? person(context.staff, teamChange.userId) : null,
    teamChange: teamChange?.change ?? null,
    share: sharing ? shareFor(row, context.shares ?? []) : null,
    consent: consent ? consentFor(row, context.consents ?? []) : null,
  };
}

/** Staff ids an audit page names (actors and colleagues in team changes), to load their names. */
export function staffIdsIn(rows: readonly TransparencyAuditRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.actorUserId) ids.add(row.actorUserId);
    const change = decodeTeamChange(row.reason);
    if (change) ids.add(change.userId);
  }
  return [...ids];
}

/** Days newest first, entries newest first within each day. */
export function buildTransparencyLog(
  rows: readonly TransparencyAuditRow[],
  context: TransparencyContext,
): TTransparencyDay[] {
  const timeZone = context.timeZone ?? 'UTC';
  const sorted = [...rows].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const days = new Map<string, TTransparencyEntry[]>();
  const collapsed = new Map<string, TTransparencyEntry>();
  for (const row of sorted) {
    const date = dayOf(row.occurredAt, timeZone);
    const collapsible = READ_ACTIONS.has(row.action) || row.outcome === 'denied';
    const key = [date, row.actorUserId ?? '', row.action, row.section ?? '', row.outcome].join('|');
    const earlier = collapsible ? collapsed.get(key) : undefined;
    if (earlier) {
      earlier.count += 1;
      earlier.at = row.occurredAt.toISOString();
      earlier.id = String(row.id);
      earlier.flagged ||= row.flagged;
      continue;
    }
    const entry = entryOf(row, context);
    if (collapsible) collapsed.set(key, entry);
    const list = days.get(date) ?? [];
    list.push(entry);
    days.set(date, list);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([date, entries]) => ({
      date,
      entries: entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
    }));
}
