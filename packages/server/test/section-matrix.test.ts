/**
 * The section access matrix, cell by cell, through the HTTP API: every role × section ×
 * read/write, for a team member, someone outside the team, the reference professional and a
 * coordinator of another organization. Expectations are written out from the access table in
 * DOMAIN.md, not computed by the code under test.
 */
import { SECTIONS, type Section, STAFF_ROLES, type StaffRole } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization } from './factories.js';

type Level = 'full' | 'limited' | 'none';
type Relation = 'team' | 'outside';

const TEAM_SECTIONS: Section[] = [
  'plan',
  'needs',
  'monitoring',
  'employment',
  'education',
  'economic',
  'family',
];

/** DOMAIN.md "The case", default matrix. */
function expected(role: StaffRole, relation: Relation, section: Section): Level {
  if (role === 'administrator') return 'none'; // no case role: refused before any section
  const onTeam = relation === 'team';
  const coordinator = role === 'coordinator';
  switch (section) {
    case 'identity':
      return coordinator ? 'full' : onTeam ? 'limited' : 'none';
    case 'safety':
      return onTeam || coordinator ? 'full' : 'none';
    case 'trafficking_network':
    case 'legal':
      return coordinator || (onTeam && role === 'lawyer') ? 'full' : 'none';
    case 'mental_health':
      if (onTeam && (role === 'psychologist' || role === 'psychiatrist')) return 'full';
      return onTeam ? 'limited' : 'none';
    case 'physical_health':
      return onTeam && role === 'psychiatrist' ? 'full' : 'none';
    default:
      return TEAM_SECTIONS.includes(section) && onTeam ? 'full' : 'none';
  }
}

/** The reference professional (a social worker here) sees her case fully except counselling notes. */
function expectedForReference(section: Section): Level {
  return section === 'mental_health' ? 'limited' : 'full';
}

describe.each(DATABASE_KINDS)('section access matrix on %s', (kind) => {
  let t: TestApp;
  let participantId: string;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const org = await createOrganization(t.database, { roles: [], participants: ['Gala Matriza'] });
    const other = await createOrganization(t.database, { roles: ['coordinator'] });
    participantId = org.participants[0]?.id ?? '';
    const reference = await addStaff(t.database, org.id, 'social_worker', 'reference');
    const team = [{ userId: reference.id, reference: true }];
    for (const role of STAFF_ROLES) {
      const inside = await addStaff(t.database, org.id, role, `team-${role}`);
      const outside = await addStaff(t.database, org.id, role, `outside-${role}`);
      team.push({ userId: inside.id, reference: false });
      cookies.set(`team:${role}`, await signIn(t.app, inside));
      cookies.set(`outside:${role}`, await signIn(t.app, outside));
    }
    await assignTeam(t.database, org.id, participantId, team);
    cookies.set('reference', await signIn(t.app, reference));
    cookies.set('foreign', await signIn(t.app, other.staff.coordinator ?? reference));
  });
  afterAll(() => t?.close());

  async function attempt(who: string, section: Section) {
    const cookie = cookies.get(who) ?? '';
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}/sections/${section}`,
      headers: { cookie },
    });
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${participantId}/sections/${section}/notes`,
      headers: { cookie },
      payload: { body: `note by ${who}` },
    });
    return { read, write };
  }

  function check(level: Level, outcome: Awaited<ReturnType<typeof attempt>>, label: string) {
    if (level === 'none') {
      expect(outcome.read.statusCode, `${label} read`).toBe(403);
      expect(outcome.write.statusCode, `${label} write`).toBe(403);
      return;
    }
    expect(outcome.read.statusCode, `${label} read`).toBe(200);
    expect(outcome.read.json().access, `${label} read level`).toBe(level);
    if (level === 'full') {
      expect(Array.isArray(outcome.read.json().notes), `${label} notes`).toBe(true);
      expect(outcome.write.statusCode, `${label} write`).toBe(201);
    } else {
      expect(outcome.read.json().notes, `${label} no notes in limited view`).toBeUndefined();
      expect(outcome.write.statusCode, `${label} write`).toBe(403);
    }
  }

  for (const section of SECTIONS) {
    it(`enforces the matrix on ${section}`, async () => {
      for (const role of STAFF_ROLES) {
        for (const relation of ['team', 'outside'] as const) {
          check(
            expected(role, relation, section),
            await attempt(`${relation}:${role}`, section),
            `${relation} ${role}`,
          );
        }
      }
      check(expectedForReference(section), await attempt('reference', section), 'reference professional');
      const foreign = await attempt('foreign', section);
      expect(foreign.read.statusCode, 'other organization read').toBe(404);
      expect(foreign.write.statusCode, 'other organization write').toBe(404);
    });
  }

  it('records refusals in the audit trail', async () => {
    const denied = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where outcome = 'denied' and action in ('section.read', 'section.write')`,
    );
    expect(Number(denied[0]?.n)).toBeGreaterThan(50);
  });
});
