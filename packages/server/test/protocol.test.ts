/**
 * The organization's risk management protocol (versioned: no save is ever lost, a save from an
 * old version is refused) and its safety settings (reassessment days per level, near-area
 * distance), through HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';

const FIRST = 'When she reports a threat: make sure she is safe now, then call the coordinator.';
const SECOND = `${FIRST}\nWhen staff are threatened: leave the building together and call the police.`;

describe.each(DATABASE_KINDS)('risk protocol and safety settings on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let coordinator: string;
  let socialWorker: string;
  let peer: string;
  let administrator: string;
  let elsewhere: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker', 'peer_worker', 'administrator'],
    });
    const other = await createOrganization(t.database, { roles: ['coordinator'] });
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    socialWorker = await signIn(t.app, org.staff.social_worker ?? raise());
    peer = await signIn(t.app, org.staff.peer_worker ?? raise());
    administrator = await signIn(t.app, org.staff.administrator ?? raise());
    elsewhere = await signIn(t.app, other.staff.coordinator ?? raise());
  });
  afterAll(() => t?.close());

  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const save = (cookie: string, body: string, baseVersion: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/risk-protocol',
      headers: { cookie },
      payload: { body, baseVersion },
    });
  const putSettings = (cookie: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PUT', url: '/api/safety-settings', headers: { cookie }, payload });
  const auditCount = async (action: string, outcome = 'allowed') =>
    (
      await t.database.ownerQuery<{ n: number }>(
        `select count(*)::int as n from audit_event where organization_id = $1 and action = $2 and outcome = $3`,
        [org.id, action, outcome],
      )
    )[0]?.n;

  describe('protocol', () => {
    it('starts empty', async () => {
      const response = await get(socialWorker, '/api/risk-protocol');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ current: null, versions: [], canEdit: false });
      expect((await get(coordinator, '/api/risk-protocol')).json().canEdit).toBe(true);
    });

    it('keeps every version a coordinator saves', async () => {
      const first = await save(coordinator, FIRST, 0);
      expect(first.statusCode).toBe(201);
      expect(first.json().current).toMatchObject({ version: 1, body: FIRST });
      const second = await save(coordinator, SECOND, 1);
      expect(second.statusCode).toBe(201);
      const protocol = (await get(socialWorker, '/api/risk-protocol')).json();
      expect(protocol.current).toMatchObject({
        version: 2,
        body: SECOND,
        createdBy: { id: org.staff.coordinator?.id },
      });
      expect(protocol.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(protocol.versions[0]).not.toHaveProperty('body');
      const old = await get(socialWorker, '/api/risk-protocol/versions/1');
      expect(old.statusCode).toBe(200);
      expect(old.json()).toMatchObject({ version: 1, body: FIRST });
      expect((await get(socialWorker, '/api/risk-protocol/versions/9')).statusCode).toBe(404);
      expect((await get(socialWorker, '/api/risk-protocol/versions/zero')).statusCode).toBe(400);
      expect(await auditCount('protocol.saved')).toBe(2);
    });

    it('refuses a save started from an older version, overwriting nothing', async () => {
      const stale = await save(coordinator, `${FIRST} Also: write it down.`, 1);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('CONFLICT');
      expect(stale.json().error.message).toContain('newer version');
      expect(stale.json().error.details).toMatchObject({ version: 2 });
      const protocol = (await get(coordinator, '/api/risk-protocol')).json();
      expect(protocol.current).toMatchObject({ version: 2, body: SECOND });
      expect(protocol.versions).toHaveLength(2);
    });

    it('may be read but not edited by a social worker; the refusal is recorded', async () => {
      const refused = await save(socialWorker, `${SECOND} And more.`, 2);
      expect(refused.statusCode).toBe(403);
      expect(await auditCount('protocol.edit', 'denied')).toBe(1);
      expect((await get(administrator, '/api/risk-protocol')).statusCode).toBe(200);
    });

    it('refuses an empty text, naming the field', async () => {
      const response = await save(coordinator, 'too short', 2);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('body');
    });

    it('belongs to its organization only', async () => {
      expect((await get(elsewhere, '/api/risk-protocol')).json()).toMatchObject({
        current: null,
        versions: [],
      });
      expect((await get(elsewhere, '/api/risk-protocol/versions/1')).statusCode).toBe(404);
    });
  });

  describe('safety settings', () => {
    const changed = {
      reassessmentDays: { low: 120, medium: 60, high: 21, critical: 7 },
      nearAreaMeters: 500,
    };

    it('starts from the defaults', async () => {
      const response = await get(peer, '/api/safety-settings');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        reassessmentDays: { low: 180, medium: 90, high: 30, critical: 14 },
        nearAreaMeters: 300,
        canEdit: false,
      });
    });

    it('is changed by a coordinator, and the change is audited', async () => {
      const response = await putSettings(coordinator, changed);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ...changed, canEdit: true });
      expect((await get(socialWorker, '/api/safety-settings')).json()).toEqual({
        ...changed,
        canEdit: false,
      });
      const [stored] = await t.database.ownerQuery<{ settings: unknown }>(
        `select safety_settings as settings from organization where id = $1`,
        [org.id],
      );
      expect(stored?.settings).toEqual(changed);
      expect(await auditCount('safety.settings_changed')).toBe(1);
    });

    it('refuses impossible values, naming the field', async () => {
      const zero = await putSettings(coordinator, {
        ...changed,
        reassessmentDays: { ...changed.reassessmentDays, critical: 0 },
      });
      expect(zero.statusCode).toBe(400);
      expect(zero.json().error.message).toContain('reassessmentDays.critical');
      const negative = await putSettings(coordinator, { ...changed, nearAreaMeters: -5 });
      expect(negative.json().error.details.map((d: { field: string }) => d.field)).toEqual([
        'nearAreaMeters',
      ]);
      const missing = await putSettings(coordinator, { nearAreaMeters: 100 });
      expect(missing.statusCode).toBe(400);
    });

    it('cannot be changed by a peer worker; an administrator may', async () => {
      expect((await putSettings(peer, changed)).statusCode).toBe(403);
      expect(await auditCount('safety.configure', 'denied')).toBe(1);
      const byAdministrator = await putSettings(administrator, { ...changed, nearAreaMeters: 250 });
      expect(byAdministrator.statusCode).toBe(200);
      expect(byAdministrator.json().nearAreaMeters).toBe(250);
    });

    it('belongs to its organization only', async () => {
      expect((await get(elsewhere, '/api/safety-settings')).json().nearAreaMeters).toBe(300);
    });
  });
});

function raise(): never {
  throw new Error('factory did not create the expected staff member');
}
