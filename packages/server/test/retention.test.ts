/** Retention holds: placed on her case, refusing erasure until an administrator clears them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { createParticipants, simulateStepUp, writeHeaders } from './security-helpers.js';

const ERASE_REASON = 'She asked for her data to be erased (request of 3 March).';
const CLEAR_REASON = 'The court closed the proceedings on 2 March; nothing more to keep.';

describe.each(DATABASE_KINDS)('retention holds on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let her: { id: string; caseCode: string };
  let reference: string;
  let member: string;
  let coordinator: string;
  let administrator: string;
  let holdId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, { roles: ['coordinator', 'administrator'] });
    const ref = await addStaff(t.database, org.id, 'social_worker', 'reference');
    const educator = await addStaff(t.database, org.id, 'social_educator', 'educator');
    [her] = (await createParticipants(t.database, org.id, [{ preferredName: 'Lina Retenida' }])) as [
      { id: string; caseCode: string },
    ];
    await assignTeam(t.database, org.id, her.id, [
      { userId: ref.id, reference: true },
      { userId: educator.id },
    ]);
    reference = await signIn(t.app, ref);
    member = await signIn(t.app, educator);
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    administrator = await signIn(t.app, org.staff.administrator ?? raise());
  });
  afterAll(() => t?.close());

  const post = (cookie: string, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: writeHeaders(cookie), payload });
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const hold = (cookie: string, payload: Record<string, unknown>) =>
    post(cookie, `/api/participants/${her.id}/retention-holds`, payload);
  const clear = (cookie: string, id: string, reason = CLEAR_REASON) =>
    post(cookie, `/api/participants/${her.id}/retention-holds/${id}/clear`, { reason });
  const erase = (cookie: string) =>
    post(cookie, `/api/participants/${her.id}/erase`, { reason: ERASE_REASON });
  const keyIntact = async () =>
    (
      await t.database.ownerQuery<{ wrapped_key: string | null }>(
        'select wrapped_key from participant_key where participant_id = $1',
        [her.id],
      )
    )[0]?.wrapped_key !== null;

  it('is placed by her reference professional, not by any member of her team', async () => {
    const refused = await hold(member, { reason: 'legal_proceedings' });
    expect(refused.statusCode).toBe(403);
    const placed = await hold(reference, {
      reason: 'legal_proceedings',
      note: 'Criminal case 123/2026, court 4',
    });
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({
      participantId: her.id,
      caseCode: her.caseCode,
      reason: 'legal_proceedings',
      note: 'Criminal case 123/2026, court 4',
      createdBy: 'reference',
      active: true,
      clearedAt: null,
    });
    holdId = placed.json().id;
  });

  it('names the field at fault', async () => {
    const unknown = await hold(reference, { reason: 'because' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('reason');
    const other = await hold(reference, { reason: 'other' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].field).toBe('note');
  });

  it('is listed on her case, and for administrators across the organization', async () => {
    const list = await get(member, `/api/participants/${her.id}/retention-holds`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((h: { id: string }) => h.id)).toEqual([holdId]);
    const forAdmin = await get(administrator, '/api/retention-holds');
    expect(forAdmin.statusCode).toBe(200);
    expect(forAdmin.json().items).toEqual([expect.objectContaining({ id: holdId, caseCode: her.caseCode })]);
    expect((await get(coordinator, '/api/retention-holds')).statusCode).toBe(403);
  });

  it('refuses erasure, naming the hold, before any second factor is asked for', async () => {
    await simulateStepUp(t.database, coordinator, 6 * 60);
    const stale = await erase(coordinator);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RETENTION_HOLD_ACTIVE');
    await simulateStepUp(t.database, coordinator);
    const refused = await erase(coordinator);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'RETENTION_HOLD_ACTIVE',
      details: { holds: [{ id: holdId, reason: 'legal_proceedings' }] },
    });
    expect(refused.json().error.message).toContain(
      'open legal proceedings — an administrator must clear it first',
    );
    expect(await keyIntact()).toBe(true);
  });

  it('is cleared only by an administrator, with a fresh second factor and a reason', async () => {
    await simulateStepUp(t.database, coordinator);
    expect((await clear(coordinator, holdId)).statusCode).toBe(403);
    await simulateStepUp(t.database, administrator, 6 * 60);
    expect((await clear(administrator, holdId)).json().error.code).toBe('STEP_UP_REQUIRED');
    await simulateStepUp(t.database, administrator);
    const short = await clear(administrator, holdId, 'done');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('reason');
    const cleared = await clear(administrator, holdId);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({
      active: false,
      clearedBy: `administrator of ${org.prefix}`,
      clearedReason: CLEAR_REASON,
    });
    expect((await clear(administrator, holdId)).json().error.code).toBe('CONFLICT');
    expect((await get(administrator, '/api/retention-holds')).json().items).toEqual([]);
  });

  it('lets erasure go ahead once cleared, and keeps the hold and its reasons on record', async () => {
    await simulateStepUp(t.database, coordinator);
    const erased = await erase(coordinator);
    expect(erased.statusCode).toBe(200);
    expect(await keyIntact()).toBe(false);
    const events = await t.database.ownerQuery<{ action: string; reason: string | null }>(
      `select action, reason from audit_event
        where organization_id = $1 and resource_id = $2 and action like 'retention.%' and outcome = 'allowed'
        order by seq`,
      [org.id, her.id],
    );
    expect(events).toEqual([
      { action: 'retention.hold', reason: 'legal_proceedings' },
      { action: 'retention.clear', reason: CLEAR_REASON },
    ]);
    const history = await get(reference, `/api/participants/${her.id}/retention-holds`);
    expect(history.json().items).toEqual([expect.objectContaining({ id: holdId, active: false })]);
    // Nothing is left to keep: a new hold on an erased file is refused.
    expect((await hold(reference, { reason: 'funder_audit' })).statusCode).toBe(409);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
