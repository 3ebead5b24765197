/**
 * Progressive delay for sign-in attempts (passwords and second factors). A few mistakes cost
 * nothing; after that each further attempt must wait twice as long as the last, up to a cap.
 * The cap is what keeps an attacker who knows a professional's email from locking her out for
 * long: she never waits more than the cap. Pure: the caller passes `now` (epoch milliseconds).
 */
export interface AttemptRule {
  /** Failures allowed before any waiting. */
  freeFailures: number;
  /** The longest wait ever imposed, in seconds. */
  maxDelaySeconds: number;
  /** A record with no failure for this long is forgotten. */
  forgetAfterSeconds: number;
}

/** One email address (password) or one account (second factor). */
export const ACCOUNT_ATTEMPTS: AttemptRule = {
  freeFailures: 5,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

/** One network address. More generous: a whole office can share one address behind NAT. */
export const ADDRESS_ATTEMPTS: AttemptRule = {
  freeFailures: 20,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 24 * 60 * 60,
};

export interface AttemptRecord {
  failures: number;
  /** Epoch milliseconds of the last counted failure. */
  lastFailureAt: number;
}

/** Seconds to wait after `failures` failures: 0 while free, then 2, 4, 8… up to the cap. */
export function delayAfter(failures: number, rule: AttemptRule): number {
  const excess = failures - rule.freeFailures;
  if (excess < 0) return 0;
  // 2^(excess + 1) without overflow: past 2^30 the cap has long been reached.
  return Math.min(2 ** Math.min(excess + 1, 30), rule.maxDelaySeconds);
}

function current(record: AttemptRecord | undefined, rule: AttemptRule, now: number) {
  if (!record) return undefined;
  return now - record.lastFailureAt >= rule.forgetAfterSeconds * 1000 ? undefined : record;
}

/** Whole seconds still to wait before the next attempt may be evaluated (0: go ahead). */
export function secondsToWait(record: AttemptRecord | undefined, rule: AttemptRule, now: number): number {
  const live = current(record, rule, now);
  if (!live) return 0;
  const until = live.lastFailureAt + delayAfter(live.failures, rule) * 1000;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** The record after one more failure (an expired record starts again from one). */
export function withFailure(
  record: AttemptRecord | undefined,
  rule: AttemptRule,
  now: number,
): AttemptRecord {
  const live = current(record, rule, now);
  return { failures: (live?.failures ?? 0) + 1, lastFailureAt: now };
}

/** Whether a record still matters; stores drop the others. */
export function isForgotten(record: AttemptRecord, rule: AttemptRule, now: number): boolean {
  return current(record, rule, now) === undefined;
}
