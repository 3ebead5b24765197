import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from './roles.js';
import {
  type AccessLevel,
  AUDIENCES,
  DEFAULT_SECTION_MATRIX,
  effectiveMatrix,
  isAudience,
  matrixOverrides,
  SECTIONS,
  sectionAccess,
} from './sections.js';

const rank: Record<AccessLevel, number> = { none: 0, limited: 1, full: 2 };
const relation = fc.record({
  roles: fc.subarray([...STAFF_ROLES] as StaffRole[], { minLength: 1, maxLength: 2 }),
  isReference: fc.boolean(),
  isTeamMember: fc.boolean(),
});

describe('section access', () => {
  it('gives nothing to someone outside the team unless an organization-wide rule names her role', () => {
    for (const section of SECTIONS) {
      for (const role of STAFF_ROLES) {
        const level = sectionAccess(DEFAULT_SECTION_MATRIX, section, {
          roles: [role],
          isReference: false,
          isTeamMember: false,
        });
        const orgWide = [
          ...DEFAULT_SECTION_MATRIX[section].full,
          ...(DEFAULT_SECTION_MATRIX[section].limited ?? []),
        ];
        expect(level === 'none' || orgWide.includes(`org:${role}`), `${role} on ${section}`).toBe(true);
      }
    }
  });

  it('never lowers access when someone joins the team or becomes the reference professional', () => {
    fc.assert(
      fc.property(relation, fc.constantFrom(...SECTIONS), (viewer, section) => {
        const before = rank[sectionAccess(DEFAULT_SECTION_MATRIX, section, viewer)];
        const joined =
          rank[sectionAccess(DEFAULT_SECTION_MATRIX, section, { ...viewer, isTeamMember: true })];
        const reference =
          rank[sectionAccess(DEFAULT_SECTION_MATRIX, section, { ...viewer, isReference: true })];
        expect(joined).toBeGreaterThanOrEqual(before);
        expect(reference).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('keeps counselling notes to psychologists and psychiatrists on the team', () => {
    fc.assert(
      fc.property(relation, (viewer) => {
        const level = sectionAccess(DEFAULT_SECTION_MATRIX, 'mental_health', viewer);
        const clinician = viewer.roles.some((r) => r === 'psychologist' || r === 'psychiatrist');
        const onTeam = viewer.isTeamMember || viewer.isReference;
        if (level === 'full') expect(clinician && onTeam).toBe(true);
      }),
    );
  });

  it('lets peer and outreach workers on the team see the alias only', () => {
    for (const role of ['peer_worker', 'outreach_worker'] as const) {
      expect(
        sectionAccess(DEFAULT_SECTION_MATRIX, 'identity', {
          roles: [role],
          isReference: false,
          isTeamMember: true,
        }),
      ).toBe('limited');
    }
  });

  it('lets an organization override one section and keep the others', () => {
    const matrix = effectiveMatrix({ physical_health: { full: ['team'] } });
    const nurse = { roles: ['social_educator'] as StaffRole[], isReference: false, isTeamMember: true };
    expect(sectionAccess(matrix, 'physical_health', nurse)).toBe('full');
    expect(sectionAccess(matrix, 'legal', nurse)).toBe('none');
  });
});

describe('organization overrides', () => {
  it('stores only the sections that differ from the defaults', () => {
    const changed = effectiveMatrix({ physical_health: { full: ['team'] } });
    expect(Object.keys(matrixOverrides(changed))).toEqual(['physical_health']);
    expect(matrixOverrides(DEFAULT_SECTION_MATRIX)).toEqual({});
  });

  it('knows every audience, and nothing else', () => {
    expect(AUDIENCES).toHaveLength(2 + 2 * STAFF_ROLES.length);
    expect(isAudience('team:lawyer')).toBe(true);
    expect(isAudience('org:nobody')).toBe(false);
  });
});
