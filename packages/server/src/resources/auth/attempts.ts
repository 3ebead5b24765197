/**
 * Counts failed sign-in attempts (password, second factor, set-up links) per account and per
 * network address, and makes further attempts wait (the rule is in @cope/domain attempts.ts).
 *
 * The counters live in this process's memory: right for the single Node process Cope & Hope
 * runs as. A restart forgets them, and several processes behind a load balancer would each
 * count on their own; such a deployment needs a shared store. Memory is bounded: forgotten
 * records are swept, and past MAX_ENTRIES the oldest records go first.
 */
import {
  ACCOUNT_ATTEMPTS,
  ADDRESS_ATTEMPTS,
  type AttemptRecord,
  type AttemptRule,
  isForgotten,
  secondsToWait,
  withFailure,
} from '@cope/domain';
import type { FastifyReply } from 'fastify';
import { AppError, type ErrorCode } from '../../http/errors.js';

const MAX_ENTRIES = 50_000;

/** Failures that count: a wrong secret, never a validation error or a missing set-up. */
const COUNTED: ReadonlySet<ErrorCode> = new Set([
  'INVALID_CREDENTIALS',
  'INVALID_MFA_CODE',
  'INVALID_RECOVERY_CODE',
  'INVALID_PASSKEY',
  'SETUP_LINK_INVALID',
]);

export interface AttemptKeys {
  /** `password:<email>` or `second-factor:<user id>`; absent when no account is named yet. */
  account?: string;
  /** The client's network address. */
  address: string;
}

class Counter {
  private readonly records = new Map<string, AttemptRecord>();

  constructor(
    private readonly rule: AttemptRule,
    private readonly now: () => number,
  ) {}

  wait(key: string): number {
    return secondsToWait(this.records.get(key), this.rule, this.now());
  }

  fail(key: string): void {
    const now = this.now();
    const next = withFailure(this.records.get(key), this.rule, now);
    // Re-inserting keeps the map in order of last failure, oldest first.
    this.records.delete(key);
    this.records.set(key, next);
    if (this.records.size > MAX_ENTRIES) this.sweep(now);
  }

  forget(key: string): void {
    this.records.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, record] of this.records) {
      if (isForgotten(record, this.rule, now)) this.records.delete(key);
    }
    for (const key of this.records.keys()) {
      if (this.records.size <= MAX_ENTRIES) break;
      this.records.delete(key);
    }
  }
}

export class AttemptLimiter {
  private readonly accounts: Counter;
  private readonly addresses: Counter;

  constructor(now: () => number = Date.now) {
    this.accounts = new Counter(ACCOUNT_ATTEMPTS, now);
    this.addresses = new Counter(ADDRESS_ATTEMPTS, now);
  }

  secondsToWait(keys: AttemptKeys): number {
    return Math.max(keys.account ? this.accounts.wait(keys.account) : 0, this.addresses.wait(keys.address));
  }

  /**
   * Runs one attempt: refused at once (429 with Retry-After) while a delay is running, counted
   * when it fails with a wrong secret, and clears the account's count when it succeeds. The
   * address count only fades with time, so signing in to one account cannot reset it.
   */
  async attempt<T>(reply: FastifyReply, keys: AttemptKeys, work: () => Promise<T>): Promise<T> {
    const wait = this.secondsToWait(keys);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new AppError(
        'RATE_LIMITED',
        `Too many attempts. Try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}.`,
      );
    }
    try {
      const result = await work();
      if (keys.account) this.accounts.forget(keys.account);
      return result;
    } catch (error) {
      if (error instanceof AppError && COUNTED.has(error.code)) {
        if (keys.account) this.accounts.fail(keys.account);
        this.addresses.fail(keys.address);
      }
      throw error;
    }
  }
}

export const passwordKeys = (email: string, address: string): AttemptKeys => ({
  account: `password:${email}`,
  address,
});

export const secondFactorKeys = (userId: string, address: string): AttemptKeys => ({
  account: `second-factor:${userId}`,
  address,
});
