/** Consent and share rows turned into the payloads the viewer receives. */
import type { TConsent, TSectionShare } from '@cope/contracts';
import {
  type ConsentMethod,
  consentReviewDue,
  consentState,
  type Section,
  type WithdrawalMethod,
} from '@cope/domain';
import { type ConsentRow, consentFacts, type ShareRow } from './queries.js';

export interface ScanMeta {
  contentType: string;
  byteSize: number;
  createdAt: Date;
}

export function presentConsent(
  { consent, explainedByName, withdrawnByName }: ConsentRow,
  today: string,
  extras: { withdrawalNote: string | null; scan: ScanMeta | undefined },
): TConsent {
  const facts = consentFacts(consent);
  return {
    id: consent.id,
    purpose: facts.purpose,
    recipient: consent.recipient,
    dataCategories: facts.dataCategories as Section[],
    method: consent.method as ConsentMethod,
    language: consent.language,
    explainedBy: { id: consent.explainedByUserId, displayName: explainedByName },
    givenOn: consent.givenOn,
    expiresOn: consent.expiresOn,
    state: consentState(facts, today),
    reviewDue: consentReviewDue(facts, today),
    withdrawal: consent.withdrawnAt
      ? {
          at: consent.withdrawnAt.toISOString(),
          method: (consent.withdrawalMethod ?? 'verbal') as WithdrawalMethod,
          note: extras.withdrawalNote,
          by:
            consent.withdrawnByUserId && withdrawnByName
              ? { id: consent.withdrawnByUserId, displayName: withdrawnByName }
              : null,
        }
      : null,
    scan: extras.scan
      ? {
          contentType: extras.scan.contentType,
          byteSize: extras.scan.byteSize,
          uploadedAt: extras.scan.createdAt.toISOString(),
        }
      : null,
    recordedAt: consent.createdAt.toISOString(),
  };
}

export function presentShare({ share, createdByName, consent }: ShareRow, today: string): TSectionShare {
  const resting = consent ? consentState(consentFacts(consent), today) === 'active' : false;
  return {
    id: share.id,
    section: share.section as Section,
    audience: share.audience,
    consentId: share.consentId,
    emergencyReason: share.emergencyReason,
    createdBy: { id: share.createdByUserId, displayName: createdByName },
    createdAt: share.createdAt.toISOString(),
    endedAt: share.endedAt?.toISOString() ?? null,
    endedReason: share.endedReason,
    effective: share.endedAt === null && (share.emergencyReason !== null || resting),
  };
}
