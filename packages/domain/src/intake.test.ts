import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkApproximateAge,
  checkBirthDate,
  checkPastDate,
  INTAKE_STEP_SECTION,
  INTAKE_STEPS,
  isIsoDate,
  MAX_AGE,
  MIN_AGE,
  screeningUrgency,
  yearsBetween,
} from './intake.js';
import { SECTIONS } from './sections.js';

const TODAY = '2026-11-29';

describe('intake dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('29/11/2026')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('refuses birth dates in the future and impossible ages', () => {
    expect(checkBirthDate('1990-05-01', TODAY)).toBeNull();
    expect(checkBirthDate('2026-12-01', TODAY)).toBe('in_future');
    expect(checkBirthDate('1900-01-01', TODAY)).toBe('too_old');
    expect(checkBirthDate('2020-01-01', TODAY)).toBe('too_young');
    expect(checkBirthDate('1990-13-01', TODAY)).toBe('invalid');
  });

  it('counts whole years, birthday included', () => {
    expect(yearsBetween('2000-11-29', TODAY)).toBe(26);
    expect(yearsBetween('2000-11-30', TODAY)).toBe(25);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (years) => {
        const born = `${2026 - years}-11-29`;
        expect(yearsBetween(born, TODAY)).toBe(years);
      }),
    );
  });

  it('bounds approximate ages', () => {
    expect(checkApproximateAge(30)).toBeNull();
    expect(checkApproximateAge(MIN_AGE - 1)).toBe('too_young');
    expect(checkApproximateAge(MAX_AGE + 1)).toBe('too_old');
    expect(checkApproximateAge(30.5)).toBe('invalid');
  });

  it('refuses an arrival before birth or in the future', () => {
    expect(checkPastDate('2024-03-10', TODAY, '1995-01-01')).toBeNull();
    expect(checkPastDate('2027-01-01', TODAY)).toBe('in_future');
    expect(checkPastDate('1990-01-01', TODAY, '1995-01-01')).toBe('before_birth');
  });
});

describe('intake steps', () => {
  it('keep every step in a known section', () => {
    for (const step of INTAKE_STEPS) expect(SECTIONS).toContain(INTAKE_STEP_SECTION[step]);
  });

  it('calls for an urgent assessment when any screening answer is yes, never when unknown alone', () => {
    expect(screeningUrgency(['no', 'unknown', 'yes'])).toBe('urgent');
    expect(screeningUrgency(['unknown', 'unknown'])).toBe('soon');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('yes', 'no', 'unknown' as const)), (answers) => {
        const urgency = screeningUrgency(answers as ('yes' | 'no' | 'unknown')[]);
        expect(urgency === 'urgent').toBe(answers.includes('yes'));
      }),
    );
  });
});
