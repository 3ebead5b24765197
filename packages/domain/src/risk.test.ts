import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_LEVELS } from './case.js';
import { RISK_FACTORS, RISK_RULES_VERSION, type RiskAnswers, type RiskFactor, scoreRisk } from './risk.js';
import type { TriState } from './vocabularies.js';

const rank = (answers: RiskAnswers) => RISK_LEVELS.indexOf(scoreRisk(answers).level);
const allNo = (): RiskAnswers => Object.fromEntries(RISK_FACTORS.map((f) => [f, 'no'])) as RiskAnswers;
const arbitraryAnswers = fc.record(
  Object.fromEntries(
    RISK_FACTORS.map((f) => [f, fc.constantFrom<TriState>('yes', 'no', 'unknown')]),
  ) as Record<RiskFactor, fc.Arbitrary<TriState>>,
);
const ORDER: Record<TriState, number> = { no: 0, unknown: 1, yes: 2 };

describe('risk scoring, version 1', () => {
  it('is low when every factor is answered no, and keeps its rule version', () => {
    expect(scoreRisk(allNo())).toMatchObject({
      level: 'low',
      points: 0,
      reasons: [],
      ruleVersion: RISK_RULES_VERSION,
    });
  });

  it('never lowers the level when a factor moves from no to unknown to yes', () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...RISK_FACTORS), (answers, factor) => {
        const before = answers[factor];
        for (const after of ['no', 'unknown', 'yes'] as const) {
          if (ORDER[after] < ORDER[before]) continue;
          expect(rank({ ...answers, [factor]: after })).toBeGreaterThanOrEqual(rank(answers));
        }
      }),
    );
  });

  it('never scores unknown as no', () => {
    fc.assert(
      fc.property(arbitraryAnswers, fc.constantFrom(...RISK_FACTORS), (answers, factor) => {
        const asNo = scoreRisk({ ...answers, [factor]: 'no' });
        const asUnknown = scoreRisk({ ...answers, [factor]: 'unknown' });
        expect(asUnknown.points).toBeGreaterThan(asNo.points);
        expect(asUnknown.reasons.map((r) => r.factor)).toContain(factor);
      }),
    );
  });

  it('never yields low while she collaborates with authorities or testifies', () => {
    fc.assert(
      fc.property(
        arbitraryAnswers,
        fc.constantFrom('collaborates_with_authorities', 'witness_or_testimony'),
        (answers, factor) => {
          expect(scoreRisk({ ...answers, [factor]: 'yes' }).level).not.toBe('low');
        },
      ),
    );
  });

  it('is critical when she is threatened and the traffickers know where she lives', () => {
    expect(scoreRisk({ ...allNo(), threats_to_her: 'yes', trafficker_knows_location: 'yes' }).level).toBe(
      'critical',
    );
  });

  it('is at least high with one serious factor, and names it first among the reasons', () => {
    const score = scoreRisk({ ...allNo(), phone_controlled: 'yes', isolation: 'yes' });
    expect(score.level).toBe('high');
    expect(score.reasons.map((r) => r.factor)).toEqual(['phone_controlled', 'isolation']);
  });

  it('counts an unanswered factor as unknown', () => {
    expect(scoreRisk({})).toEqual(scoreRisk(Object.fromEntries(RISK_FACTORS.map((f) => [f, 'unknown']))));
    expect(scoreRisk({}).level).toBe('critical');
  });
});
