/** The participant list and detail through HTTP: paging, filters, and organization walls. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';

describe.each(DATABASE_KINDS)('participants on %s', (kind) => {
  let t: TestApp;
  let a: TestOrganization;
  let b: TestOrganization;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database;
    a = await createOrganization(db, {
      roles: ['coordinator', 'administrator'],
      participants: ['Ema Uno', 'Ema Dos', 'Ema Tres', 'Ema Cuatro', 'Ema Cinco'],
    });
    b = await createOrganization(db, { participants: ['Fia Otra'] });
    cookie = await signIn(t.app, a.staff.coordinator ?? raise());
  });
  afterAll(() => t?.close());

  const get = (url: string, headers = { cookie }) => t.app.inject({ method: 'GET', url, headers });

  it("lists only the viewer's organization, with pseudonymous case codes", async () => {
    const list = (await get('/api/participants')).json();
    expect(list.total).toBe(5);
    expect(list.items.map((p: { caseCode: string }) => p.caseCode)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${a.prefix}-\\d{4}-\\d{4}$`))]),
    );
    expect(JSON.stringify(list)).not.toContain('Fia Otra');
  });

  it('pages and sorts', async () => {
    const first = (await get('/api/participants?pageSize=2&sort=case_code&order=asc')).json();
    const second = (await get('/api/participants?pageSize=2&page=2&sort=case_code&order=asc')).json();
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(2);
    const codes = [...first.items, ...second.items].map((p: { caseCode: string }) => p.caseCode);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(4);
  });

  it('filters by status and risk level', async () => {
    expect((await get('/api/participants?status=active')).json().total).toBe(5);
    expect((await get('/api/participants?status=closed')).json().total).toBe(0);
    expect((await get('/api/participants?riskLevel=medium')).json().total).toBe(5);
    const bad = await get('/api/participants?riskLevel=extreme');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('riskLevel');
  });

  it("answers 404 for another organization's participant, as if it did not exist", async () => {
    const own = await get(`/api/participants/${a.participants[0]?.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().preferredName).toBe('Ema Uno');
    const other = await get(`/api/participants/${b.participants[0]?.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses the participant list to an administrator without a case role', async () => {
    const adminCookie = await signIn(t.app, a.staff.administrator ?? raise());
    const response = await get('/api/participants', { cookie: adminCookie });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});

function raise(): never {
  throw new Error('factory did not create the expected staff member');
}
