/**
 * Risk areas (DOMAIN.md "Risk areas"): coordinators draw, change and remove them; everyone who
 * works on cases sees them; another organization never does; outlines that cannot be an area,
 * and points that are not on the map, are refused with a message naming the field. How areas
 * flag the places recorded for her: risk-areas-places.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';
import { writeHeaders } from './security-helpers.js';

// A square of about 850 m × 1100 m in a city centre, [longitude, latitude].
const SQUARE = [
  [-3.71, 40.41],
  [-3.7, 40.41],
  [-3.7, 40.42],
  [-3.71, 40.42],
];

describe.each(DATABASE_KINDS)('risk areas on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let coordinator: string;
  let worker: string;
  let otherCoordinator: string;
  let areaId = '';
  const workerId = () => org.staff.social_worker?.id ?? raise();
  const caseOf = (i: number) => org.participants[i]?.id ?? raise();

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker'],
      participants: ['Alba Prueba'],
    });
    other = await createOrganization(t.database, { roles: ['coordinator'] });
    coordinator = await signIn(t.app, org.staff.coordinator ?? raise());
    worker = await signIn(t.app, org.staff.social_worker ?? raise());
    otherCoordinator = await signIn(t.app, other.staff.coordinator ?? raise());
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

  it('gives the map settings to signed-in staff: no tiles by default, a city centre to open on', async () => {
    const response = await send(worker, 'GET', '/api/map-config');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ tileUrl: '', attribution: '', center: [-3.7038, 40.4168], zoom: 13 });
    expect((await t.app.inject({ method: 'GET', url: '/api/map-config' })).statusCode).toBe(401);
  });

  it('lets a coordinator draw an area, and refuses it to a social worker (audited)', async () => {
    const created = await send(coordinator, 'POST', '/api/risk-areas', area('Old market streets', SQUARE));
    expect(created.statusCode).toBe(201);
    const body = created.json();
    areaId = body.area.id;
    expect(body).toMatchObject({
      newlyFlaggedPlaces: 0,
      area: { label: 'Old market streets', category: 'network_activity', polygon: SQUARE },
    });
    const [row] = await t.database.ownerQuery<Record<string, number>>(
      `select min_lng, min_lat, max_lng, max_lat from risk_area where id = $1`,
      [areaId],
    );
    expect(row).toEqual({ min_lng: -3.71, min_lat: 40.41, max_lng: -3.7, max_lat: 40.42 });

    const refused = await send(worker, 'POST', '/api/risk-areas', area('Not mine to draw', SQUARE));
    expect(refused.statusCode).toBe(403);
    const [denied] = await t.database.ownerQuery<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'risk_area.manage' and outcome = 'denied' and actor_user_id = $1`,
      [workerId()],
    );
    expect(denied?.n).toBe(1);

    const seen = await send(worker, 'GET', '/api/risk-areas');
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      canManage: false,
      items: [{ id: areaId, label: 'Old market streets' }],
    });
    expect((await send(coordinator, 'GET', '/api/risk-areas')).json().canManage).toBe(true);
    expect((await send(worker, 'PUT', `/api/risk-areas/${areaId}`, area('Renamed', SQUARE))).statusCode).toBe(
      403,
    );
    expect((await send(worker, 'DELETE', `/api/risk-areas/${areaId}`)).statusCode).toBe(403);
  });

  it('keeps areas inside the organization: another coordinator neither sees nor changes them', async () => {
    const theirs = await send(otherCoordinator, 'GET', '/api/risk-areas');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().items).toEqual([]);
    const changed = await send(
      otherCoordinator,
      'PUT',
      `/api/risk-areas/${areaId}`,
      area('Taken over', SQUARE),
    );
    expect(changed.statusCode).toBe(404);
    expect((await send(otherCoordinator, 'DELETE', `/api/risk-areas/${areaId}`)).statusCode).toBe(404);
    expect((await send(otherCoordinator, 'GET', `/api/participants/${caseOf(0)}/places`)).statusCode).toBe(
      404,
    );
    const [row] = await t.database.ownerQuery<{ label: string; archived: boolean }>(
      `select label, archived_at is not null as archived from risk_area where id = $1`,
      [areaId],
    );
    expect(row).toEqual({ label: 'Old market streets', archived: false });
  });

  it.each([
    [
      'an outline that crosses itself (a bow tie)',
      [
        [-3.71, 40.41],
        [-3.7, 40.42],
        [-3.7, 40.41],
        [-3.71, 40.42],
      ],
      /cross/,
    ],
    [
      'fewer than three points',
      [
        [-3.71, 40.41],
        [-3.7, 40.42],
      ],
      /three/,
    ],
    [
      'a latitude of 95',
      [
        [-3.71, 40.41],
        [-3.7, 95],
        [-3.7, 40.41],
      ],
      /latitude/,
    ],
  ])('refuses %s, naming the polygon', async (_what, polygon, message) => {
    const response = await send(coordinator, 'POST', '/api/risk-areas', area('Bad outline', polygon));
    expect(response.statusCode).toBe(400);
    const body = response.json().error;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details[0]).toMatchObject({ field: 'polygon', message: expect.stringMatching(message) });
  });

  it('refuses a place with impossible coordinates, naming the point', async () => {
    const response = await send(worker, 'POST', `/api/participants/${caseOf(0)}/places`, {
      kind: 'home',
      label: 'Calle de la Prueba 12',
      point: [-3.7, 95],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'point' });
  });

  it('changes an area label and kind without comparing places again', async () => {
    const renamed = await send(
      coordinator,
      'PUT',
      `/api/risk-areas/${areaId}`,
      area('Old market', SQUARE, 'other'),
    );
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      newlyFlaggedPlaces: 0,
      area: { label: 'Old market', category: 'other' },
    });
    const audited = await t.database.ownerQuery<{ reason: string }>(
      `select reason from audit_event where action = 'risk_area.saved' and resource_id = $1 order by seq`,
      [areaId],
    );
    expect(audited.map((a) => a.reason)).toEqual(['created', 'details_changed']);
  });

  it('removes an area by archiving it, never deleting it', async () => {
    expect((await send(coordinator, 'DELETE', `/api/risk-areas/${areaId}`)).statusCode).toBe(200);
    expect((await send(coordinator, 'GET', '/api/risk-areas')).json().items).toEqual([]);
    const [row] = await t.database.ownerQuery<{ archived: boolean }>(
      `select archived_at is not null as archived from risk_area where id = $1`,
      [areaId],
    );
    expect(row?.archived).toBe(true);
    expect((await send(coordinator, 'DELETE', `/api/risk-areas/${areaId}`)).statusCode).toBe(404);
    expect(
      (await send(coordinator, 'PUT', `/api/risk-areas/${areaId}`, area('Back', SQUARE))).statusCode,
    ).toBe(404);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected record');
}
