/** An administrator changes who sees which section, and the server enforces the change at once. */
import { DEFAULT_SECTION_MATRIX } from '@cope/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { simulateStepUp, writeHeaders } from './security-helpers.js';

describe.each(DATABASE_KINDS)('organization settings on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let admin: string;
  let educator: string;
  let participantId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['administrator', 'coordinator'],
      participants: ['Nila Ajustes'],
    });
    participantId = org.participants[0]?.id ?? '';
    const member = await addStaff(t.database, org.id, 'social_educator', 'educator');
    await assignTeam(t.database, org.id, participantId, [{ userId: member.id }]);
    admin = await signIn(t.app, org.staff.administrator ?? member);
    educator = await signIn(t.app, member);
  });
  afterAll(() => t?.close());

  const settings = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/organization/settings', headers: { cookie } });
  const save = (cookie: string, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/organization/settings',
      headers: writeHeaders(cookie),
      payload,
    });
  const physicalHealth = () =>
    t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}/sections/physical_health`,
      headers: { cookie: educator },
    });

  it('starts from the defaults of the report', async () => {
    const current = (await settings(admin)).json();
    expect(current.idleTimeoutMinutes).toBe(15);
    expect(current.sectionMatrix.mental_health.full).toEqual(DEFAULT_SECTION_MATRIX.mental_health.full);
    expect(current.sectionMatrix.safety.limited).toEqual([]);
  });

  it('is for administrators only', async () => {
    expect((await settings(educator)).statusCode).toBe(403);
  });

  it('asks for a fresh second factor, then applies the new matrix at once and audits it', async () => {
    const current = (await settings(admin)).json();
    const changed = {
      ...current,
      sectionMatrix: { ...current.sectionMatrix, physical_health: { full: ['team'], limited: [] } },
    };
    expect((await physicalHealth()).statusCode).toBe(403);
    await simulateStepUp(t.database, admin, 600);
    const stale = await save(admin, changed);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('STEP_UP_REQUIRED');
    await simulateStepUp(t.database, admin, 0);
    const saved = await save(admin, changed);
    expect(saved.statusCode).toBe(200);
    expect((await physicalHealth()).statusCode).toBe(200);
    const [stored] = await t.database.ownerQuery<{ section_matrix: Record<string, unknown> }>(
      'select section_matrix from organization where id = $1',
      [org.id],
    );
    expect(Object.keys(stored?.section_matrix ?? {})).toEqual(['physical_health']);
    const events = await t.database.ownerQuery(
      `select 1 from audit_event where action = 'organization.section_matrix_changed' and organization_id = $1`,
      [org.id],
    );
    expect(events).toHaveLength(1);
  });

  it('refuses unknown audiences and impossible timeouts, naming the field', async () => {
    await simulateStepUp(t.database, admin, 0);
    const current = (await settings(admin)).json();
    const badAudience = await save(admin, {
      ...current,
      sectionMatrix: { ...current.sectionMatrix, legal: { full: ['everyone'], limited: [] } },
    });
    expect(badAudience.statusCode).toBe(400);
    expect(badAudience.json().error.details[0].field).toBe('sectionMatrix.legal.full.0');
    const badTimeout = await save(admin, { ...current, idleTimeoutMinutes: 90 });
    expect(badTimeout.statusCode).toBe(400);
    expect(badTimeout.json().error.details[0].field).toBe('idleTimeoutMinutes');
  });
});
