import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCaseCodeFormat,
  DEFAULT_CASE_CODE_FORMAT,
  formatCaseCode,
  isValidCaseCodePrefix,
} from './case-code.js';

describe('case codes', () => {
  it('formats the default pattern', () => {
    expect(formatCaseCode(DEFAULT_CASE_CODE_FORMAT, { prefix: 'BCN', year: 2026, sequence: 42 })).toBe(
      'BCN-2026-0042',
    );
  });

  it('supports other paddings and orders', () => {
    expect(formatCaseCode('{YYYY}/{PREFIX}/{SEQ6}', { prefix: 'PA1', year: 2027, sequence: 7 })).toBe(
      '2027/PA1/000007',
    );
  });

  it('gives distinct codes to distinct sequence numbers of one year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (x, y) => {
        fc.pre(x !== y);
        const parts = { prefix: 'ABC', year: 2026 };
        expect(formatCaseCode(DEFAULT_CASE_CODE_FORMAT, { ...parts, sequence: x })).not.toBe(
          formatCaseCode(DEFAULT_CASE_CODE_FORMAT, { ...parts, sequence: y }),
        );
      }),
    );
  });

  it('never puts anything but the prefix, year and number in a code', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{2,8}$/),
        fc.integer({ min: 1, max: 9999 }),
        (prefix, sequence) => {
          expect(formatCaseCode(DEFAULT_CASE_CODE_FORMAT, { prefix, year: 2026, sequence })).toMatch(
            /^[A-Z0-9]{2,8}-2026-\d{4}$/,
          );
        },
      ),
    );
  });

  it('refuses formats without a sequence or with unknown placeholders', () => {
    expect(checkCaseCodeFormat('{PREFIX}-{YYYY}')).toContain('missing_sequence');
    expect(checkCaseCodeFormat('{PREFIX}-{NAME}-{SEQ}')).toContain('unknown_placeholder');
    expect(checkCaseCodeFormat('{PREFIX}<{SEQ}>')).toContain('unsafe_characters');
    expect(checkCaseCodeFormat(DEFAULT_CASE_CODE_FORMAT)).toEqual([]);
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatCaseCode(DEFAULT_CASE_CODE_FORMAT, { prefix: 'AB', year: 2026, sequence: 0 })).toThrow(
      RangeError,
    );
  });

  it('accepts short upper-case prefixes only', () => {
    expect(isValidCaseCodePrefix('BCN')).toBe(true);
    expect(isValidCaseCodePrefix('bcn')).toBe(false);
    expect(isValidCaseCodePrefix('B')).toBe(false);
    expect(isValidCaseCodePrefix('TOOLONGPREFIX')).toBe(false);
  });
});
