import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS, type RiskLevel } from './case.js';
import { RISK_FACTORS, type RiskAnswers, type RiskFactor } from './risk.js';
import {
  DEFAULT_SAFETY_SETTINGS,
  factorsRaisedBy,
  overrideKind,
  provisionalLevel,
  REASSESSMENT_TRIGGERS,
  reassessmentDueOn,
  safetySettingsOf,
} from './safety.js';
import type { TriState } from './vocabularies.js';

const rank = (level: RiskLevel | null) => (level === null ? -1 : RISK_LEVELS.indexOf(level));
const arbitraryAnswers = fc.record(
  Object.fromEntries(
    RISK_FACTORS.map((f) => [f, fc.constantFrom<TriState>('yes', 'no', 'unknown')]),
  ) as Record<RiskFactor, fc.Arbitrary<TriState>>,
);
const arbitraryLevel = fc.constantFrom<RiskLevel>(...RISK_LEVELS);

describe('events that invalidate an assessment', () => {
  it('never lower the level shown until the reassessment', () => {
    fc.assert(
      fc.property(
        fc.option(arbitraryAnswers, { nil: null }),
        fc.option(arbitraryLevel, { nil: null }),
        fc.constantFrom(...REASSESSMENT_TRIGGERS),
        (answers, level, trigger) => {
          const after = provisionalLevel({ level, answers }, factorsRaisedBy(trigger));
          expect(rank(after)).toBeGreaterThanOrEqual(rank(level));
        },
      ),
    );
  });

  it('raise a low level when collaboration with the police starts', () => {
    const answers = Object.fromEntries(RISK_FACTORS.map((f) => [f, 'no'])) as RiskAnswers;
    const after = provisionalLevel({ level: 'low', answers }, factorsRaisedBy('collaboration_started'));
    expect(after).toBe('medium');
    expect(provisionalLevel({ level: null, answers: null }, factorsRaisedBy('collaboration_started'))).toBe(
      'medium',
    );
  });

  it('leave the level alone when the event says nothing about the factors', () => {
    expect(provisionalLevel({ level: 'low', answers: null }, factorsRaisedBy('residence_changed'))).toBe(
      'low',
    );
  });
});

describe('professional judgment and due dates', () => {
  it('names a raise, a lowering or no change', () => {
    expect(overrideKind('medium', 'high')).toBe('raise');
    expect(overrideKind('medium', 'low')).toBe('lower');
    expect(overrideKind('critical', 'critical')).toBe('none');
  });

  it('falls due after the days set for the level, across month ends', () => {
    const days = DEFAULT_SAFETY_SETTINGS.reassessmentDays;
    expect(reassessmentDueOn('2026-01-20', 'critical', days)).toBe('2026-02-03');
    expect(reassessmentDueOn('2026-12-15', 'high', days)).toBe('2027-01-14');
  });

  it('lays an organization’s settings over the defaults', () => {
    const settings = safetySettingsOf({ reassessmentDays: { critical: 7 } as never, nearAreaMeters: 100 });
    expect(settings.reassessmentDays).toEqual({ critical: 7, high: 30, medium: 90, low: 180 });
    expect(settings.nearAreaMeters).toBe(100);
    expect(safetySettingsOf(null)).toEqual(DEFAULT_SAFETY_SETTINGS);
  });
});
