/**
 * Consent register rules (DOMAIN.md "Consent"). An action that needs consent asks
 * `findConsent` and is refused when it answers with what is missing. Pure functions: the
 * server loads her consents and the date, this module decides.
 */
import { STAFF_ROLES, type StaffRole } from './roles.js';
import type { Section } from './sections.js';

export const CONSENT_PURPOSES = [
  'record_keeping',
  'share_section',
  'referral',
  'contact',
  'group_activities',
  'anonymous_statistics',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_METHODS = ['signed', 'witnessed_verbal', 'scanned_document'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Purposes that name a recipient: a role group for sharing, an organization for referrals. */
export const PURPOSES_WITH_RECIPIENT: readonly ConsentPurpose[] = ['share_section', 'referral'];

/** Languages the printable consent form is written in. */
export const CONSENT_FORM_LANGUAGES = ['en', 'es', 'it', 'ca', 'fr', 'pt', 'ro'] as const;
export type ConsentFormLanguage = (typeof CONSENT_FORM_LANGUAGES)[number];

export interface ConsentFacts {
  id: string;
  purpose: ConsentPurpose;
  /** Audience (`team:<role>`, `org:<role>`) or organization name; null when the purpose has none. */
  recipient: string | null;
  dataCategories: readonly Section[];
  /** ISO dates (yyyy-mm-dd). */
  givenOn: string;
  expiresOn: string | null;
  withdrawnAt: Date | null;
}

export type ConsentState = 'active' | 'withdrawn' | 'expired' | 'not_yet_valid';

/**
 * The latest date a consent in force may carry on the server's `today` (UTC): somewhere east of
 * UTC it is already tomorrow, and a consent dated "today" there has started.
 */
export function latestStartedOn(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** `today` is the server's ISO date (UTC). */
export function consentState(consent: ConsentFacts, today: string): ConsentState {
  if (consent.withdrawnAt) return 'withdrawn';
  if (consent.givenOn > latestStartedOn(today)) return 'not_yet_valid';
  if (consent.expiresOn !== null && consent.expiresOn < today) return 'expired';
  return 'active';
}

export interface ConsentNeed {
  purpose: ConsentPurpose;
  recipient?: string | null;
  dataCategories?: readonly Section[];
}

export type ConsentCheck =
  | { ok: true; consent: ConsentFacts }
  | { ok: false; missing: Required<ConsentNeed> };

function sameRecipient(a: string | null, b: string | null | undefined): boolean {
  if (b === undefined || b === null) return true;
  return (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The active consent that covers the need: same purpose, same recipient (when the need names
 * one) and every data category asked for. Otherwise, what is missing, for the refusal message.
 */
export function findConsent(
  consents: readonly ConsentFacts[],
  need: ConsentNeed,
  today: string,
): ConsentCheck {
  const categories = need.dataCategories ?? [];
  for (const consent of consents) {
    if (consent.purpose !== need.purpose) continue;
    if (consentState(consent, today) !== 'active') continue;
    if (!sameRecipient(consent.recipient, need.recipient)) continue;
    if (!categories.every((category) => consent.dataCategories.includes(category))) continue;
    return { ok: true, consent };
  }
  return {
    ok: false,
    missing: { purpose: need.purpose, recipient: need.recipient ?? null, dataCategories: [...categories] },
  };
}

/** Days before a review date when the consent is listed as due for review. */
export const CONSENT_REVIEW_NOTICE_DAYS = 30;

/** Days from `from` to `to` (ISO dates); negative when `to` is earlier. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * An active consent whose review or expiry date falls within the notice period: time to talk
 * with her again before it lapses.
 */
export function consentReviewDue(consent: ConsentFacts, today: string): boolean {
  if (consentState(consent, today) !== 'active' || consent.expiresOn === null) return false;
  return daysBetween(today, consent.expiresOn) <= CONSENT_REVIEW_NOTICE_DAYS;
}

/** How a withdrawal reached us: she may say it, she need not write it. */
export const WITHDRAWAL_METHODS = ['verbal', 'written'] as const;
export type WithdrawalMethod = (typeof WITHDRAWAL_METHODS)[number];

/**
 * Role groups a section can be shared with: case-working roles on her team (`team:<role>`) or
 * across the organization (`org:<role>`). Administrators run the system, not cases.
 */
type CaseWorkingRole = Exclude<StaffRole, 'administrator'>;
export type ShareAudience = `team:${CaseWorkingRole}` | `org:${CaseWorkingRole}`;

export const SHARE_AUDIENCES: readonly ShareAudience[] = STAFF_ROLES.filter(
  (role): role is CaseWorkingRole => role !== 'administrator',
).flatMap((role) => [`team:${role}` as const, `org:${role}` as const]);

export function isShareAudience(value: string): value is ShareAudience {
  return (SHARE_AUDIENCES as readonly string[]).includes(value);
}
