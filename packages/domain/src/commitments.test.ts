import { describe, expect, it } from 'vitest';
import { type Commitment, findConflicts, isClockTime, occurrences } from './commitments.js';

const course: Commitment = {
  id: 'course',
  kind: 'course',
  date: '2026-03-02', // a Monday
  startTime: '09:00',
  endTime: '13:00',
  repeatsWeeklyUntil: '2026-03-30',
};

describe('occurrences', () => {
  it('expands a weekly commitment on the same weekday until its last day', () => {
    expect(occurrences(course, '2026-01-01', '2026-12-31').map((o) => o.date)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
  });

  it('keeps only the occurrences inside the window', () => {
    expect(occurrences(course, '2026-03-10', '2026-03-24').map((o) => o.date)).toEqual([
      '2026-03-16',
      '2026-03-23',
    ]);
  });

  it('gives a one-off commitment once, or not at all outside the window', () => {
    const once: Commitment = { ...course, id: 'once', repeatsWeeklyUntil: null };
    expect(occurrences(once, '2026-03-01', '2026-03-31')).toHaveLength(1);
    expect(occurrences(once, '2026-03-03', '2026-03-31')).toEqual([]);
  });
});

describe('findConflicts', () => {
  it('finds a court hearing that falls during one of the weekly course mornings', () => {
    const hearing: Commitment = {
      id: 'hearing',
      kind: 'court_hearing',
      date: '2026-03-16',
      startTime: '11:00',
      endTime: '12:00',
    };
    expect(findConflicts([course, hearing], '2026-03-01', '2026-04-30')).toEqual([
      {
        date: '2026-03-16',
        first: { commitmentId: 'course', date: '2026-03-16', startTime: '09:00', endTime: '13:00' },
        second: { commitmentId: 'hearing', date: '2026-03-16', startTime: '11:00', endTime: '12:00' },
      },
    ]);
  });

  it('does not count times that only touch (09:00–11:00 then 11:00–12:00)', () => {
    const morning: Commitment = {
      id: 'a',
      kind: 'work',
      date: '2026-03-03',
      startTime: '09:00',
      endTime: '11:00',
    };
    const next: Commitment = {
      id: 'b',
      kind: 'legal_appointment',
      date: '2026-03-03',
      startTime: '11:00',
      endTime: '12:00',
    };
    expect(findConflicts([morning, next], '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('ignores commitments on different days, and conflicts outside the window', () => {
    const tuesday: Commitment = { ...course, id: 'tue', date: '2026-03-03' };
    expect(findConflicts([course, tuesday], '2026-01-01', '2026-12-31')).toEqual([]);
    const hearing: Commitment = {
      id: 'h',
      kind: 'court_hearing',
      date: '2026-03-02',
      startTime: '10:00',
      endTime: '11:00',
    };
    expect(findConflicts([course, hearing], '2026-03-03', '2026-12-31')).toEqual([]);
  });

  it('reads clock times written with two digits, 24-hour', () => {
    expect(isClockTime('09:30')).toBe(true);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('9:30')).toBe(false);
    expect(isClockTime('24:00')).toBe(false);
  });
});
