import { describe, expect, it } from 'vitest';
import { earliestCalendarDate, latestCalendarDate } from './calendar.js';

describe('calendar days across time zones', () => {
  it('spans the days that are today somewhere on Earth', () => {
    const now = new Date('2026-11-30T11:00:00Z');
    expect(latestCalendarDate(now)).toBe('2026-12-01');
    expect(earliestCalendarDate(now)).toBe('2026-11-29');
    const noon = new Date('2026-11-30T10:00:00Z');
    expect(latestCalendarDate(noon)).toBe('2026-12-01');
    expect(earliestCalendarDate(new Date('2026-11-30T12:00:00Z'))).toBe('2026-11-30');
  });
});
