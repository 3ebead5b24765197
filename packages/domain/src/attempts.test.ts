import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ATTEMPTS,
  ADDRESS_ATTEMPTS,
  type AttemptRecord,
  type AttemptRule,
  delayAfter,
  isForgotten,
  secondsToWait,
  withFailure,
} from './attempts.js';

const start = Date.parse('2026-11-29T09:00:00Z');

function failTimes(count: number, rule: AttemptRule, at = start): AttemptRecord | undefined {
  let record: AttemptRecord | undefined;
  for (let i = 0; i < count; i++) record = withFailure(record, rule, at);
  return record;
}

const rules = fc.record({
  freeFailures: fc.integer({ min: 0, max: 50 }),
  maxDelaySeconds: fc.integer({ min: 1, max: 24 * 60 * 60 }),
  forgetAfterSeconds: fc.integer({ min: 1, max: 7 * 24 * 60 * 60 }),
});

describe('progressive delay of sign-in attempts', () => {
  it('lets five mistakes through, then waits 2, 4, 8 seconds…', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n, ACCOUNT_ATTEMPTS))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(n, ACCOUNT_ATTEMPTS))).toEqual([2, 4, 8, 16]);
    expect(secondsToWait(failTimes(4, ACCOUNT_ATTEMPTS), ACCOUNT_ATTEMPTS, start)).toBe(0);
    expect(secondsToWait(failTimes(5, ACCOUNT_ATTEMPTS), ACCOUNT_ATTEMPTS, start)).toBe(2);
    expect(secondsToWait(failTimes(5, ACCOUNT_ATTEMPTS), ACCOUNT_ATTEMPTS, start + 2000)).toBe(0);
  });

  it('never makes a professional wait more than 15 minutes, however many failures', () => {
    expect(delayAfter(1_000_000, ACCOUNT_ATTEMPTS)).toBe(15 * 60);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10 ** 9 }), (n, later) => {
        const record = failTimes(Math.min(n, 200), ACCOUNT_ATTEMPTS);
        expect(secondsToWait(record, ACCOUNT_ATTEMPTS, start + later)).toBeLessThanOrEqual(15 * 60);
        expect(delayAfter(n, ACCOUNT_ATTEMPTS)).toBeLessThanOrEqual(15 * 60);
      }),
    );
  });

  it('gives a shared network address more room than one account', () => {
    expect(ADDRESS_ATTEMPTS.freeFailures).toBeGreaterThan(ACCOUNT_ATTEMPTS.freeFailures);
    expect(delayAfter(10, ADDRESS_ATTEMPTS)).toBe(0);
  });

  it('never shortens the wait when failures add up, and never exceeds the cap', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 500 }), (rule, n) => {
        expect(delayAfter(n + 1, rule)).toBeGreaterThanOrEqual(delayAfter(n, rule));
        expect(delayAfter(n, rule)).toBeLessThanOrEqual(rule.maxDelaySeconds);
        expect(delayAfter(n, rule)).toBeGreaterThanOrEqual(0);
        if (n < rule.freeFailures) expect(delayAfter(n, rule)).toBe(0);
      }),
    );
  });

  it('waits less as time passes, and nothing once the delay is over', () => {
    fc.assert(
      fc.property(
        rules,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 10 ** 8 }),
        (rule, n, elapsed) => {
          const record = failTimes(n, rule);
          const now = secondsToWait(record, rule, start);
          const later = secondsToWait(record, rule, start + elapsed);
          expect(later).toBeLessThanOrEqual(now);
          if (elapsed >= delayAfter(n, rule) * 1000) expect(later).toBe(0);
        },
      ),
    );
  });

  it('forgets a quiet record and starts again from one failure', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 1, max: 60 }), (rule, n) => {
        const record = failTimes(n, rule);
        if (!record) throw new Error('no record');
        const quiet = start + rule.forgetAfterSeconds * 1000;
        expect(isForgotten(record, rule, quiet)).toBe(true);
        expect(secondsToWait(record, rule, quiet)).toBe(0);
        expect(withFailure(record, rule, quiet)).toEqual({ failures: 1, lastFailureAt: quiet });
        expect(isForgotten(record, rule, quiet - 1)).toBe(false);
      }),
    );
  });
});
