/** The transparency log built from audit rows: readable entries, grouped by day, reads collapsed. */
import { describe, expect, it } from 'vitest';
import { cutAtDay } from '../src/resources/case-history/log.js';
import {
  buildTransparencyLog,
  staffIdsIn,
  type TransparencyAuditRow,
  type TransparencyStaff,
} from '../src/resources/case-history/transparency.js';
import { encodeTeamChange } from '../src/resources/case-team/team-events.js';

const ANA = '11111111-1111-4111-8111-111111111111';
const BEA = '22222222-2222-4222-8222-222222222222';
const CLARA = '33333333-3333-4333-8333-333333333333';

const staff = new Map<string, TransparencyStaff>([
  [ANA, { displayName: 'Ana Social', roles: ['social_worker'] }],
  [BEA, { displayName: 'Bea Coordina', roles: ['coordinator'] }],
  [CLARA, { displayName: 'Clara Psico', roles: ['psychologist'] }],
]);

let nextId = 1;
function row(at: string, action: string, extra: Partial<TransparencyAuditRow> = {}): TransparencyAuditRow {
  return {
    id: nextId++,
    occurredAt: new Date(at),
    actorUserId: ANA,
    action,
    section: null,
    reason: null,
    outcome: 'allowed',
    flagged: false,
    ...extra,
  };
}

describe('buildTransparencyLog', () => {
  it('collapses repeated reads of one section by one person on one day into one entry with a count', () => {
    const days = buildTransparencyLog(
      [
        row('2026-03-02T09:00:00Z', 'section.read', { section: 'safety' }),
        row('2026-03-02T11:00:00Z', 'section.read', { section: 'safety' }),
        row('2026-03-02T15:30:00Z', 'section.read', { section: 'safety' }),
        // Another section, another person, another day: separate entries.
        row('2026-03-02T10:00:00Z', 'section.read', { section: 'plan' }),
        row('2026-03-02T10:00:00Z', 'section.read', { section: 'safety', actorUserId: BEA }),
        row('2026-03-03T08:00:00Z', 'section.read', { section: 'safety' }),
      ],
      { staff },
    );
    expect(days.map((d) => d.date)).toEqual(['2026-03-03', '2026-03-02']);
    const second = days[1]?.entries ?? [];
    expect(second).toHaveLength(3);
    const anaSafety = second.find((e) => e.section === 'safety' && e.actor?.name === 'Ana Social');
    expect(anaSafety).toMatchObject({
      kind: 'viewed',
      count: 3,
      firstAt: '2026-03-02T09:00:00.000Z',
      at: '2026-03-02T15:30:00.000Z',
      actor: { name: 'Ana Social', roles: ['social_worker'] },
    });
    // Newest first within the day.
    expect(second[0]?.at).toBe('2026-03-02T15:30:00.000Z');
  });

  it('never collapses changes: two notes are two entries', () => {
    const [day] = buildTransparencyLog(
      [
        row('2026-03-02T09:00:00Z', 'section.write', { section: 'plan' }),
        row('2026-03-02T09:05:00Z', 'section.write', { section: 'plan' }),
      ],
      { staff },
    );
    expect(day?.entries.map((e) => [e.kind, e.count])).toEqual([
      ['changed', 1],
      ['changed', 1],
    ]);
  });

  it('groups by the reader’s calendar day, not the server’s', () => {
    const late = row('2026-03-02T23:30:00Z', 'participant.read');
    expect(buildTransparencyLog([late], { staff })[0]?.date).toBe('2026-03-02');
    expect(buildTransparencyLog([late], { staff, timeZone: 'Europe/Madrid' })[0]?.date).toBe('2026-03-03');
  });

  it('shows break-glass with its reason, flagged, and refused attempts as refusals', () => {
    const reason = 'She phoned in distress and her psychologist cannot be reached.';
    const [day] = buildTransparencyLog(
      [
        row('2026-03-02T09:00:00Z', 'section.read', {
          section: 'mental_health',
          outcome: 'denied',
          actorUserId: BEA,
        }),
        row('2026-03-02T09:01:00Z', 'section.read', {
          section: 'mental_health',
          outcome: 'denied',
          actorUserId: BEA,
        }),
        row('2026-03-02T09:02:00Z', 'section.break_glass', {
          section: 'mental_health',
          actorUserId: BEA,
          reason,
          flagged: true,
        }),
        row('2026-03-02T09:03:00Z', 'section.read', { section: 'mental_health', actorUserId: BEA }),
      ],
      { staff },
    );
    const entries = day?.entries ?? [];
    expect(entries.map((e) => e.kind)).toEqual(['viewed', 'emergency', 'refused']);
    expect(entries[1]).toMatchObject({ action: 'section.break_glass', reason, flagged: true });
    expect(entries[2]).toMatchObject({ outcome: 'denied', count: 2, section: 'mental_health' });
  });

  it('keeps reasons only where they are meant to be read', () => {
    const [day] = buildTransparencyLog(
      [
        row('2026-03-02T09:00:00Z', 'participant.erase', { reason: 'Her request of today.' }),
        row('2026-03-02T09:01:00Z', 'section.shared', { section: 'legal', reason: 'internal-code-123' }),
      ],
      { staff },
    );
    expect(day?.entries.find((e) => e.kind === 'erased')?.reason).toBe('Her request of today.');
    expect(day?.entries.find((e) => e.kind === 'shared')?.reason).toBeNull();
  });

  it('names the colleague of a team change, never showing the raw id', () => {
    const rows = [
      row('2026-03-02T09:00:00Z', 'case.team_changed', { reason: encodeTeamChange('added', CLARA) }),
      row('2026-03-02T10:00:00Z', 'case.handover', { reason: encodeTeamChange('handover', BEA) }),
    ];
    expect(staffIdsIn(rows).sort()).toEqual([ANA, BEA, CLARA].sort());
    const [day] = buildTransparencyLog(rows, { staff });
    expect(day?.entries.map((e) => [e.action, e.teamChange, e.subject?.name, e.reason])).toEqual([
      ['case.handover', 'handover', 'Bea Coordina', null],
      ['case.team_changed', 'added', 'Clara Psico', null],
    ]);
  });

  it('says with whom a section was shared and under which consent', () => {
    const shares = [
      {
        section: 'legal',
        audience: 'org:lawyer',
        createdByUserId: ANA,
        createdAt: new Date('2026-03-02T09:00:00.200Z'),
        endedAt: null,
        emergency: false,
        consent: { purpose: 'share_section' as const, givenOn: '2026-03-01' },
      },
      {
        section: 'safety',
        audience: 'team:psychologist',
        createdByUserId: BEA,
        createdAt: new Date('2026-03-02T12:00:00Z'),
        endedAt: new Date('2026-03-04T08:00:00Z'),
        emergency: true,
        consent: null,
      },
    ];
    const days = buildTransparencyLog(
      [
        row('2026-03-02T09:00:00.300Z', 'section.shared', { section: 'legal' }),
        row('2026-03-02T12:00:00.100Z', 'consent.emergency_override', {
          section: 'safety',
          actorUserId: BEA,
          reason: 'Threat to her life reported by the police this morning.',
        }),
        row('2026-03-04T08:00:00.050Z', 'section.share_ended', { section: 'safety', actorUserId: null }),
      ],
      { staff, shares },
    );
    const all = days.flatMap((d) => d.entries);
    expect(all.find((e) => e.action === 'section.shared')?.share).toEqual({
      audience: 'org:lawyer',
      emergency: false,
      consent: { purpose: 'share_section', givenOn: '2026-03-01' },
    });
    expect(all.find((e) => e.action === 'consent.emergency_override')).toMatchObject({
      kind: 'emergency',
      share: { audience: 'team:psychologist', emergency: true, consent: null },
      reason: 'Threat to her life reported by the police this morning.',
    });
    expect(all.find((e) => e.action === 'section.share_ended')).toMatchObject({
      actor: null,
      share: { audience: 'team:psychologist' },
    });
  });

  it('describes a recorded consent and keeps unknown staff and actions readable', () => {
    const [day] = buildTransparencyLog(
      [
        row('2026-03-02T09:00:00.010Z', 'consent.recorded'),
        row('2026-03-02T09:30:00Z', 'intake.duplicate_flagged', {
          actorUserId: '99999999-9999-4999-8999-999999999999',
        }),
      ],
      {
        staff,
        consents: [
          {
            purpose: 'record_keeping',
            recipient: null,
            dataCategories: ['identity', 'plan', 'not-a-section'],
            recordedByUserId: ANA,
            createdAt: new Date('2026-03-02T09:00:00Z'),
            withdrawnAt: null,
            withdrawnByUserId: null,
          },
        ],
      },
    );
    expect(day?.entries.find((e) => e.action === 'consent.recorded')?.consent).toEqual({
      purpose: 'record_keeping',
      recipient: null,
      dataCategories: ['identity', 'plan'],
    });
    expect(day?.entries.find((e) => e.action === 'intake.duplicate_flagged')).toMatchObject({
      kind: 'other',
      actor: { name: null, roles: [] },
    });
  });
});

describe('cutAtDay (paging the log by whole days)', () => {
  const at = (iso: string) => ({ occurredAt: new Date(iso) });
  const day = (row: { occurredAt: Date }) => row.occurredAt.toISOString().slice(0, 10);

  it('keeps everything when it fits', () => {
    const rows = [at('2026-03-02T10:00:00Z'), at('2026-03-01T10:00:00Z')];
    expect(cutAtDay(rows, 5, day)).toEqual({ rows, nextBefore: null });
  });

  it('leaves the oldest, incomplete day for the next page', () => {
    const rows = [
      at('2026-03-03T10:00:00Z'),
      at('2026-03-02T12:00:00Z'),
      at('2026-03-02T09:00:00Z'),
      at('2026-03-01T10:00:00Z'),
      at('2026-03-01T09:00:00Z'),
    ];
    const page = cutAtDay(rows, 4, day);
    expect(page.rows.map(day)).toEqual(['2026-03-03', '2026-03-02', '2026-03-02']);
    expect(page.nextBefore).toBe('2026-03-02T09:00:00.000Z');
  });

  it('cuts a single overfull day at a timestamp boundary', () => {
    const rows = [
      at('2026-03-02T12:00:00Z'),
      at('2026-03-02T11:00:00Z'),
      at('2026-03-02T11:00:00Z'),
      at('2026-03-02T11:00:00Z'),
    ];
    const page = cutAtDay(rows, 3, day);
    expect(page.rows).toHaveLength(1);
    expect(page.nextBefore).toBe('2026-03-02T12:00:00.000Z');
  });
});
