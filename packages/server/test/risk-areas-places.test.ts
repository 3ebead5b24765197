/**
 * The places recorded for her against the risk areas (DOMAIN.md "Risk areas"): an address inside
 * or near an area flags her case and makes a reassessment due, drawing an area over an existing
 * address flags it afterwards, and addresses stay sealed and out of reach of those who may not
 * see her identity. Drawing and changing areas themselves: risk-areas.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskStatusOf } from '../src/resources/risk/status.js';
import { isoDateIn } from '../src/resources/tasks/create.js';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { addStaff, assignTeam, createOrganization, type TestOrganization } from './factories.js';
import { writeHeaders } from './security-helpers.js';

// A square of about 850 m × 1100 m in a city centre, [longitude, latitude].
const SQUARE = [
  [-3.71, 40.41],
  [-3.7, 40.41],
  [-3.7, 40.42],
  [-3.71, 40.42],
];
const INSIDE = [-3.7052, 40.4153];
const NEAR = [-3.6988, 40.4153]; // about 100 m east of the square's edge
const FAR = [-3.6012, 40.4153]; // about 8 km east
const HOME_LABEL = 'Calle de la Prueba 12, 3º izquierda';

describe.each(DATABASE_KINDS)('her places and the risk areas on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let coordinator: string;
  let worker: string;
  let peer: string;
  let outsider: string;
  let areaId = '';
  let peerId = '';
  const workerId = () => org.staff.social_worker?.id ?? raise();
  const caseOf = (i: number) => org.participants[i]?.id ?? raise();

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker'],
      participants: ['Alba Prueba', 'Berta Prueba', 'Carla Prueba'],
    });
    const peerWorker = await addStaff(t.database, org.id, 'peer_worker', 'peer');
    peerId = peerWorker.id;
    const psychologist = await addStaff(t.database, org.id, 'psychologist', 'psychologist');
    for (const i of [0, 1, 2]) {
      await assignTeam(t.database, org.id, caseOf(i), [
        { userId: workerId(), reference: true },
        ...(i === 0 ? [{ userId: peerWorker.id }] : []),
      ]);
    }
    // Alba was assessed: an address in a risk area makes that assessment stale.
    await t.database.ownerQuery(
      `update participant set risk_assessed_on = current_date - 30, risk_reassess_due_on = current_date + 60 where id = $1`,
      [caseOf(0)],
    );
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    worker = await signIn(t.app, org.staff.social_worker ?? raise());
    peer = await signIn(t.app, peerWorker);
    outsider = await signIn(t.app, psychologist);
    // The area every place below is compared with (send is defined below; it runs after).
    const drawn = await send(coordinator, 'POST', '/api/risk-areas', area('Old market streets', SQUARE));
    areaId = drawn.json().area.id;
  });
  afterAll(() => t?.close());

  const send = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: method === 'GET' ? { cookie } : writeHeaders(cookie),
      ...(payload ? { payload } : method === 'GET' ? {} : { payload: {} }),
    });
  const area = (label: string, polygon: number[][], category = 'network_activity') => ({
    label,
    category,
    polygon,
  });
  const place = (cookie: string, participantId: string, body: object) =>
    send(cookie, 'POST', `/api/participants/${participantId}/places`, body);
  const places = (cookie: string, participantId: string) =>
    send(cookie, 'GET', `/api/participants/${participantId}/places`);
  const triggers = (participantId: string) =>
    t.database.ownerQuery<{ kind: string; actor: string; detail: Record<string, unknown> }>(
      `select kind, actor_user_id as actor, detail from risk_trigger where participant_id = $1 order by occurred_at`,
      [participantId],
    );
  const openTasks = (participantId: string) =>
    t.database.ownerQuery<{ kind: string; assignee: string; due: string; payload: unknown }>(
      `select kind, assignee_user_id as assignee, due_on::text as due, payload from task where participant_id = $1 and done_at is null`,
      [participantId],
    );
  const hitsOf = async (placeId: string) =>
    (
      await t.database.ownerQuery<{ hits: { areaId: string; inside: boolean; distanceMeters: number }[] }>(
        `select area_hits as hits from case_place where id = $1`,
        [placeId],
      )
    )[0]?.hits;
  const statusOf = (participantId: string) =>
    t.database.db.run({ organizationId: org.id, userId: null }, (tx) => riskStatusOf(tx, participantId));

  let insideId = '';
  it('flags her case when an address lies inside a drawn area, and makes a reassessment due (done means)', async () => {
    const response = await place(worker, caseOf(0), { kind: 'home', label: HOME_LABEL, point: INSIDE });
    expect(response.statusCode).toBe(201);
    const recorded = response.json();
    insideId = recorded.id;
    expect(recorded).toMatchObject({
      kind: 'home',
      label: HOME_LABEL,
      point: INSIDE,
      endedAt: null,
      areaHits: [{ areaId, label: 'Old market streets', inside: true, distanceMeters: 0 }],
    });
    expect(await hitsOf(insideId)).toEqual([{ areaId, inside: true, distanceMeters: 0 }]);

    const status = await statusOf(caseOf(0));
    expect(status).toMatchObject({ nearRiskArea: true, stale: true });
    expect(await openTasks(caseOf(0))).toEqual([
      expect.objectContaining({ kind: 'risk_reassessment', assignee: workerId(), due: isoDateIn(0) }),
    ]);
    const kinds = (await triggers(caseOf(0))).map((trigger) => trigger.kind);
    expect(kinds).toEqual(['residence_changed', 'risk_area_nearby']);
    expect((await triggers(caseOf(0)))[1]?.detail).toEqual({ placeId: insideId });
  });

  it('flags an address within the distance but outside as near, with how far it is', async () => {
    const response = await place(worker, caseOf(0), {
      kind: 'workplace',
      label: 'Bakery on the corner',
      point: NEAR,
    });
    expect(response.statusCode).toBe(201);
    const [hit] = response.json().areaHits;
    expect(hit).toMatchObject({ areaId, inside: false });
    expect(hit.distanceMeters).toBeGreaterThan(80);
    expect(hit.distanceMeters).toBeLessThan(120);
    expect((await triggers(caseOf(0))).map((trigger) => trigger.kind)).toEqual([
      'residence_changed',
      'risk_area_nearby',
      'venue_changed',
      'risk_area_nearby',
    ]);
    // Still one reassessment for her, not one per event.
    expect(await openTasks(caseOf(0))).toHaveLength(1);
  });

  let farId = '';
  it('does not flag an address far away, but a new home still makes a reassessment due', async () => {
    const response = await place(worker, caseOf(1), { kind: 'home', label: 'Avenida Lejana 3', point: FAR });
    expect(response.statusCode).toBe(201);
    farId = response.json().id;
    expect(response.json().areaHits).toEqual([]);
    expect((await triggers(caseOf(1))).map((trigger) => trigger.kind)).toEqual(['residence_changed']);
    expect((await statusOf(caseOf(1)))?.nearRiskArea).toBe(false);
    // She was never assessed: nothing goes stale, but an assessment falls due today.
    expect((await statusOf(caseOf(1)))?.stale).toBe(false);
    expect(await openTasks(caseOf(1))).toEqual([expect.objectContaining({ kind: 'risk_reassessment' })]);
  });

  let secondAreaId = '';
  it('flags an existing address when an area is drawn over it afterwards, and unflags it when removed', async () => {
    const around = [
      [-3.605, 40.41],
      [-3.595, 40.41],
      [-3.595, 40.42],
      [-3.605, 40.42],
    ];
    const created = await send(
      coordinator,
      'POST',
      '/api/risk-areas',
      area('Industrial estate', around, 'exploitation_venue'),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().newlyFlaggedPlaces).toBe(1);
    secondAreaId = created.json().area.id;
    expect(await hitsOf(farId)).toEqual([{ areaId: secondAreaId, inside: true, distanceMeters: 0 }]);
    const [, nearby] = await triggers(caseOf(1));
    expect(nearby).toMatchObject({
      kind: 'risk_area_nearby',
      actor: org.staff.coordinator?.id,
      detail: { placeId: farId, areaId: secondAreaId },
    });
    expect((await statusOf(caseOf(1)))?.nearRiskArea).toBe(true);

    // Redrawing it elsewhere takes the flag away; drawing it back flags her again.
    const moved = around.map(([lng, lat]) => [(lng ?? 0) + 0.05, lat ?? 0]);
    const away = await send(
      coordinator,
      'PUT',
      `/api/risk-areas/${secondAreaId}`,
      area('Industrial estate', moved),
    );
    expect(away.statusCode).toBe(200);
    expect(await hitsOf(farId)).toEqual([]);
    const back = await send(
      coordinator,
      'PUT',
      `/api/risk-areas/${secondAreaId}`,
      area('Industrial estate', around),
    );
    expect(back.json().newlyFlaggedPlaces).toBe(1);

    const removed = await send(coordinator, 'DELETE', `/api/risk-areas/${secondAreaId}`);
    expect(removed.statusCode).toBe(200);
    expect(await hitsOf(farId)).toEqual([]);
    expect((await statusOf(caseOf(1)))?.nearRiskArea).toBe(false);
    const list = (await send(coordinator, 'GET', '/api/risk-areas')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([areaId]);
    const [row] = await t.database.ownerQuery<{ archived: boolean }>(
      `select archived_at is not null as archived from risk_area where id = $1`,
      [secondAreaId],
    );
    expect(row?.archived).toBe(true);
    const audited = await t.database.ownerQuery<{ action: string }>(
      `select action from audit_event where resource_id = $1 order by seq`,
      [secondAreaId],
    );
    expect(audited.map((a) => a.action)).toEqual([
      'risk_area.saved',
      'risk_area.saved',
      'risk_area.saved',
      'risk_area.archived',
    ]);
  });

  it('skips the places of an erased case when an area is drawn', async () => {
    await place(worker, caseOf(2), { kind: 'home', label: 'Plaza Borrada 1', point: FAR });
    await t.database.db.run({ organizationId: org.id, userId: null }, (tx) =>
      t.database.keyring.destroyParticipantKey(tx, caseOf(2)),
    );
    const before = (await triggers(caseOf(2))).length;
    const around = [
      [-3.61, 40.4],
      [-3.59, 40.4],
      [-3.59, 40.43],
      [-3.61, 40.43],
    ];
    const created = await send(coordinator, 'POST', '/api/risk-areas', area('Wide estate', around));
    expect(created.statusCode).toBe(201);
    expect(created.json().newlyFlaggedPlaces).toBe(1); // Berta's home, not the erased case's
    expect(await triggers(caseOf(2))).toHaveLength(before);
    await send(coordinator, 'DELETE', `/api/risk-areas/${created.json().area.id}`);
  });

  it('a new home ends the previous one; a place can be ended once', async () => {
    const next = await place(worker, caseOf(1), { kind: 'home', label: 'Calle Nueva 8', point: FAR });
    expect(next.statusCode).toBe(201);
    const list = (await places(worker, caseOf(1))).json();
    const old = list.items.find((p: { id: string }) => p.id === farId);
    expect(old.endedAt).not.toBeNull();
    expect(list.items[0]).toMatchObject({ id: next.json().id, endedAt: null });
    const end = (id: string) => send(worker, 'POST', `/api/participants/${caseOf(1)}/places/${id}/end`);
    expect((await end(next.json().id)).statusCode).toBe(200);
    expect((await end(next.json().id)).statusCode).toBe(409);
    expect((await end(farId)).statusCode).toBe(409);
    expect(
      (await send(worker, 'POST', `/api/participants/${caseOf(0)}/places/${farId}/end`)).statusCode,
    ).toBe(404);
  });

  it('keeps addresses sealed: no label or coordinate in clear in places, triggers, tasks or the audit trail', async () => {
    const [stored] = await t.database.ownerQuery<{ place_enc: string; area_hits: unknown }>(
      `select place_enc, area_hits from case_place where id = $1`,
      [insideId],
    );
    expect(stored?.place_enc).not.toContain('Prueba');
    expect(stored?.place_enc).not.toContain('40.415');
    const clear = JSON.stringify([
      stored?.area_hits,
      await t.database.ownerQuery(`select detail from risk_trigger where organization_id = $1`, [org.id]),
      await t.database.ownerQuery(`select payload from task where organization_id = $1`, [org.id]),
      await t.database.ownerQuery(`select reason from audit_event where organization_id = $1`, [org.id]),
    ]);
    for (const secret of ['Prueba 12', 'Bakery', 'Lejana', '40.4153', '3.7052', '3.6988']) {
      expect(clear).not.toContain(secret);
    }
  });

  it('shows a peer worker on her team the kinds and flags, never the address; she may not record one', async () => {
    const response = await places(peer, caseOf(0));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ addressesVisible: false, canRecord: false });
    expect(body.items.length).toBe(2);
    for (const item of body.items) {
      expect(item.label).toBeNull();
      expect(item.point).toBeNull();
      expect(item.areaHits.length).toBe(1);
    }
    expect(response.body).not.toContain('Prueba 12');
    const refused = await place(peer, caseOf(0), { kind: 'other', label: 'Somewhere', point: INSIDE });
    expect(refused.statusCode).toBe(403);
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'place.record' and outcome = 'denied' and actor_user_id = $1`,
      [peerId],
    );
    expect(denied?.n).toBe(1);
  });

  it('shows her reference the addresses, and records that they were read', async () => {
    const body = (await places(worker, caseOf(0))).json();
    expect(body).toMatchObject({ addressesVisible: true, canRecord: true });
    expect(body.items.map((item: { label: string }) => item.label)).toEqual([
      HOME_LABEL,
      'Bakery on the corner',
    ]);
    const [read] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'place.read' and resource_id = $1 and actor_user_id = $2`,
      [caseOf(0), workerId()],
    );
    expect(read?.n).toBeGreaterThan(0);
  });

  it('refuses her places to a colleague outside her team (audited)', async () => {
    expect((await places(outsider, caseOf(0))).statusCode).toBe(403);
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'place.read' and outcome = 'denied' and resource_id = $1`,
      [caseOf(0)],
    );
    expect(denied?.n).toBe(1);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
