import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_REVIEW_NOTICE_DAYS,
  type ConsentFacts,
  consentReviewDue,
  consentState,
  findConsent,
  isShareAudience,
  SHARE_AUDIENCES,
} from './consent.js';
import { isAudience } from './sections.js';

const TODAY = '2026-05-10';

function consent(overrides: Partial<ConsentFacts> = {}): ConsentFacts {
  return {
    id: 'c1',
    purpose: 'share_section',
    recipient: 'team:lawyer',
    dataCategories: ['legal'],
    givenOn: '2026-01-01',
    expiresOn: null,
    withdrawnAt: null,
    ...overrides,
  };
}

describe('consent state', () => {
  it('is withdrawn from the moment of withdrawal, whatever the dates say', () => {
    expect(consentState(consent({ withdrawnAt: new Date('2026-05-09T10:00:00Z') }), TODAY)).toBe('withdrawn');
  });

  it('is not yet valid before the day it was given and expired after its date', () => {
    expect(consentState(consent({ givenOn: '2026-05-12' }), TODAY)).toBe('not_yet_valid');
    // Dated tomorrow by UTC: already today east of UTC (a worker in Madrid just after midnight).
    expect(consentState(consent({ givenOn: '2026-05-11' }), TODAY)).toBe('active');
    expect(consentState(consent({ expiresOn: '2026-05-09' }), TODAY)).toBe('expired');
    // The expiry day itself is still covered.
    expect(consentState(consent({ expiresOn: TODAY }), TODAY)).toBe('active');
  });

  it('is due for review only when active and close to its date', () => {
    expect(consentReviewDue(consent({ expiresOn: '2026-06-01' }), TODAY)).toBe(true);
    expect(consentReviewDue(consent({ expiresOn: '2026-12-01' }), TODAY)).toBe(false);
    expect(consentReviewDue(consent({ expiresOn: null }), TODAY)).toBe(false);
    expect(consentReviewDue(consent({ expiresOn: '2026-05-01' }), TODAY)).toBe(false);
  });

  it('counts the notice period in whole days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (days) => {
        const expiresOn = new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(consentReviewDue(consent({ expiresOn }), TODAY)).toBe(days <= CONSENT_REVIEW_NOTICE_DAYS);
      }),
    );
  });
});

describe('finding the consent an action needs', () => {
  const need = {
    purpose: 'share_section' as const,
    recipient: 'team:lawyer',
    dataCategories: ['legal' as const],
  };

  it('finds an active consent covering purpose, recipient and every category', () => {
    const found = findConsent([consent({ dataCategories: ['legal', 'safety'] })], need, TODAY);
    expect(found.ok).toBe(true);
  });

  it('names what is missing when no consent covers the need', () => {
    const cases: ConsentFacts[][] = [
      [],
      [consent({ recipient: 'org:lawyer' })],
      [consent({ dataCategories: ['safety'] })],
      [consent({ purpose: 'referral' })],
      [consent({ withdrawnAt: new Date('2026-05-01T00:00:00Z') })],
      [consent({ expiresOn: '2026-04-30' })],
    ];
    for (const consents of cases) {
      expect(findConsent(consents, need, TODAY)).toEqual({
        ok: false,
        missing: { purpose: 'share_section', recipient: 'team:lawyer', dataCategories: ['legal'] },
      });
    }
  });

  it('never accepts a consent that is not active', () => {
    fc.assert(
      fc.property(
        fc.option(fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true })),
        fc.constantFrom('2026-01-01', '2026-05-10', '2026-06-01'),
        fc.option(fc.constantFrom('2026-03-01', '2026-05-10', '2026-09-01')),
        (withdrawnAt, givenOn, expiresOn) => {
          const c = consent({ withdrawnAt, givenOn, expiresOn });
          const found = findConsent([c], need, TODAY);
          expect(found.ok).toBe(consentState(c, TODAY) === 'active');
        },
      ),
    );
  });
});

describe('share audiences', () => {
  it('are role groups the section matrix understands, never administrators', () => {
    for (const audience of SHARE_AUDIENCES) expect(isAudience(audience)).toBe(true);
    expect(isShareAudience('team:lawyer')).toBe(true);
    expect(isShareAudience('org:social_educator')).toBe(true);
    expect(isShareAudience('org:administrator')).toBe(false);
    expect(isShareAudience('team')).toBe(false);
    expect(isShareAudience('reference')).toBe(false);
  });
});
