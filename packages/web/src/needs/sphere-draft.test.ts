/** The sphere form's values: what is sent, what is refused before sending, and a merge after a conflict. */
import { describe, expect, it } from 'vitest';
import { changedFields, type Draft, draftProblems, mergeDrafts, toSave } from './sphere-draft';

const draft = (over: Partial<Draft> = {}): Draft => ({
  situation: {},
  situationNote: '',
  herWords: '',
  professionalNeeds: '',
  ...over,
});

describe('sphere draft', () => {
  it('leaves out fields not asked and turns typed numbers into numbers', () => {
    const save = toSave(
      'employment',
      draft({ situation: { employment_status: '', hours_per_week: '20' } }),
      3,
    );
    expect(save).toMatchObject({ version: 3, situation: { hours_per_week: 20 } });
    expect(save.situation).not.toHaveProperty('employment_status');
  });

  it('names a number outside its range and a text over the limit', () => {
    const problems = draftProblems(
      'employment',
      draft({ situation: { hours_per_week: 120 }, herWords: 'x'.repeat(4001) }),
    );
    expect(problems).toEqual([
      { field: 'hours_per_week', problem: 'out_of_range' },
      { field: 'herWords', problem: 'too_long' },
    ]);
    expect(draftProblems('employment', draft({ situation: { hours_per_week: '12a' } }))).toEqual([
      { field: 'hours_per_week', problem: 'not_a_number' },
    ]);
  });

  it('puts back only what was changed here over a colleague’s save', () => {
    const base = draft({
      situation: { housing_safe: 'yes' },
      situationNote: 'Shelter.',
      herWords: 'A room.',
    });
    const mine = { ...base, herWords: 'A room with a lock.' };
    const theirs = draft({
      situation: { housing_safe: 'no', housing_type: 'shelter' },
      situationNote: 'Moving next week.',
      herWords: 'A room.',
    });
    expect(mergeDrafts('housing', base, mine, theirs)).toEqual({
      ...theirs,
      herWords: 'A room with a lock.',
    });
    expect(changedFields('housing', base, mine)).toEqual(['herWords']);
  });

  it('clears a value cleared here even when the colleague kept it', () => {
    const base = draft({ situation: { housing_safe: 'yes', housing_type: 'shelter' } });
    const mine = draft({ situation: { housing_safe: '', housing_type: 'shelter' } });
    const theirs = draft({ situation: { housing_safe: 'yes', housing_type: 'safe_house' } });
    expect(mergeDrafts('housing', base, mine, theirs).situation).toEqual({ housing_type: 'safe_house' });
  });

  it('sees nothing unsaved in a form as loaded, and a change typed in a field or a number', () => {
    const loaded = draft({ situation: { hours_per_week: 20 }, herWords: 'A job near home.' });
    expect(changedFields('employment', loaded, { ...loaded, situation: { hours_per_week: '20' } })).toEqual(
      [],
    );
    expect(changedFields('employment', loaded, { ...loaded, herWords: 'A job near home. ' })).toEqual([]);
    expect(changedFields('employment', loaded, { ...loaded, situation: { hours_per_week: '25' } })).toEqual([
      'hours_per_week',
    ]);
    expect(changedFields('employment', loaded, { ...loaded, herWords: 'A job.' })).toEqual(['herWords']);
  });
});
