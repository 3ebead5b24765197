import { describe, expect, it } from 'vitest';
import {
  basicNeedCode,
  checkPriorities,
  checkSituation,
  NEEDS_FIELDS,
  SPHERE_SECTION,
  unmetBasicNeedSources,
  unmetBasicNeeds,
  visibleBasicNeeds,
} from './needs.js';
import { SECTIONS } from './sections.js';
import { SPHERES } from './spheres.js';

describe('needs assessment fields', () => {
  it('names every field once per sphere, with options for every choice', () => {
    for (const sphere of SPHERES) {
      const keys = NEEDS_FIELDS[sphere].map((field) => field.key);
      expect(new Set(keys).size, sphere).toBe(keys.length);
      for (const field of NEEDS_FIELDS[sphere]) {
        if (field.kind === 'choice') expect(field.options.length, field.key).toBeGreaterThan(1);
        if (field.kind === 'number') expect(field.min).toBeLessThan(field.max);
      }
    }
  });

  it('accepts well-formed values and names the field of each wrong one', () => {
    expect(
      checkSituation('legal_status', { permit_type: 'refugee_status', permit_expires_on: '2027-05-31' }),
    ).toEqual([]);
    expect(
      checkSituation('legal_status', {
        permit_type: 'tourist',
        permit_expires_on: '2027-02-30',
        shoe_size: 38,
      }),
    ).toEqual([
      { field: 'permit_type', problem: 'not_an_option' },
      { field: 'permit_expires_on', problem: 'not_a_date' },
      { field: 'shoe_size', problem: 'unknown_field' },
    ]);
    expect(checkSituation('employment', { hours_per_week: 81 })).toEqual([
      { field: 'hours_per_week', problem: 'out_of_range' },
    ]);
    expect(checkSituation('employment', { hours_per_week: '20' })).toEqual([
      { field: 'hours_per_week', problem: 'not_a_number' },
    ]);
  });
});

describe('unmet basic needs', () => {
  it('flags nothing when nothing is known, and "not known" is a question, not a flag', () => {
    expect(unmetBasicNeeds({})).toEqual([]);
    expect(unmetBasicNeeds({ housing: { housing_safe: 'not_known' } })).toEqual([]);
  });

  it('flags each basic need from the sphere that holds it, in a fixed order', () => {
    expect(
      unmetBasicNeeds({
        economic: { food_covered: 'no', clothing_covered: 'no' },
        housing: { housing_type: 'no_fixed_home' },
        mental_health: { support_in_place: 'no' },
      }),
    ).toEqual(['safe_housing', 'food', 'clothing', 'health_care']);
    expect(unmetBasicNeeds({ housing: { housing_type: 'shelter', housing_safe: 'no' } })).toEqual([
      'safe_housing',
    ]);
    expect(unmetBasicNeeds({ physical_health: { health_care_access: 'no' } })).toEqual(['health_care']);
  });
});

describe('where each unmet basic need comes from', () => {
  it('names the sphere that shows each gap, health care once per sphere', () => {
    expect(unmetBasicNeedSources({})).toEqual([]);
    expect(unmetBasicNeedSources({ mental_health: { support_in_place: 'not_known' } })).toEqual([]);
    expect(
      unmetBasicNeedSources({
        mental_health: { support_in_place: 'no' },
        physical_health: { health_care_access: 'no' },
        economic: { clothing_covered: 'no', food_covered: 'yes' },
        housing: { housing_safe: 'no' },
      }),
    ).toEqual([
      { need: 'safe_housing', sphere: 'housing' },
      { need: 'clothing', sphere: 'economic' },
      { need: 'health_care', sphere: 'physical_health' },
      { need: 'health_care', sphere: 'mental_health' },
    ]);
    expect(unmetBasicNeedSources({ mental_health: { support_in_place: 'no' } })).toEqual([
      { need: 'health_care', sphere: 'mental_health' },
    ]);
  });

  it('keeps the sphere in the code stored on her case', () => {
    expect(basicNeedCode({ need: 'health_care', sphere: 'mental_health' })).toBe('health_care:mental_health');
    expect(basicNeedCode({ need: 'safe_housing', sphere: 'housing' })).toBe('safe_housing:housing');
  });
});

describe('basic needs a reader may be shown', () => {
  const stored = ['safe_housing:housing', 'health_care:mental_health', 'food:economic'];
  const opening =
    (...spheres: string[]) =>
    (sphere: string) =>
      spheres.includes(sphere);

  it('shows a need only to a reader who may open the sphere it came from', () => {
    expect(visibleBasicNeeds(stored, opening('housing', 'economic', 'mental_health'))).toEqual([
      'safe_housing',
      'food',
      'health_care',
    ]);
    // Her reference without her mental health section: no word about it.
    expect(visibleBasicNeeds(stored, opening('housing', 'economic', 'physical_health'))).toEqual([
      'safe_housing',
      'food',
    ]);
    expect(visibleBasicNeeds(stored, opening())).toEqual([]);
    expect(
      visibleBasicNeeds(
        ['health_care:physical_health', 'health_care:mental_health'],
        opening('physical_health'),
      ),
    ).toEqual(['health_care']);
  });

  it('shows a bare code from before only to a reader who may open every sphere it could come from', () => {
    expect(visibleBasicNeeds(['health_care'], opening('physical_health'))).toEqual([]);
    expect(visibleBasicNeeds(['health_care'], opening('physical_health', 'mental_health'))).toEqual([
      'health_care',
    ]);
    expect(visibleBasicNeeds(['safe_housing', 'food'], opening('housing'))).toEqual(['safe_housing']);
  });

  it('leaves out codes it does not know, and a need paired with a sphere that is not its own', () => {
    const all = () => true;
    expect(visibleBasicNeeds(['shoes', 'food:housing', 'food:economic:x', 'health_care:'], all)).toEqual([]);
  });
});

describe('priorities', () => {
  it('refuses a sphere ranked twice and an unknown sphere, by position', () => {
    expect(checkPriorities(['housing', 'employment'])).toEqual([]);
    expect(checkPriorities(['housing', 'employment', 'housing', 'astrology'])).toEqual([
      { index: 2, problem: 'duplicate' },
      { index: 3, problem: 'unknown_sphere' },
    ]);
  });
});

describe('sphere sections', () => {
  it('guards every sphere with an existing section, health and legal spheres with their own', () => {
    for (const sphere of SPHERES) expect(SECTIONS).toContain(SPHERE_SECTION[sphere]);
    expect(SPHERE_SECTION.mental_health).toBe('mental_health');
    expect(SPHERE_SECTION.legal_status).toBe('legal');
    expect(SPHERE_SECTION.legal_proceedings).toBe('legal');
  });
});
