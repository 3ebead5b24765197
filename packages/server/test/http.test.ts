/** The HTTP contract every route shares: errors, headers, closed by default, health. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization } from './factories.js';

/** Routes reachable without signing in. Adding one is a security decision: update this list. */
const PUBLIC_ROUTES = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/auth/login',
  // A staff member opening her one-time set-up link (invitation or second-factor reset) has no
  // session yet; the 256-bit token in the body is what admits her, counted per network address.
  'POST /api/auth/setup-links/lookup',
  'POST /api/auth/setup-links/accept',
  'GET /api/openapi.json',
];

describe.each(DATABASE_KINDS)('HTTP contract on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      participants: ['Dara Fictiva'],
    });
    cookie = await signIn(t.app, org.staff.coordinator ?? raise());
  });
  afterAll(() => t?.close());

  it('keeps every route closed unless it is on the public list', async () => {
    const table = t.app.routeTable().filter((r) => r.method !== 'HEAD');
    const ownPublic = table
      .filter((r) => r.access === 'public' && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(ownPublic.sort()).toEqual([...PUBLIC_ROUTES].sort());
    // Every other route answers 401 to a request without a session, whatever its method.
    const closed = table.filter((r) => r.access !== 'public');
    expect(closed.length).toBeGreaterThan(5);
    for (const route of closed) {
      const url = route.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses unknown fields and names them', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'someone@test.example', password: 'x', role: 'administrator' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual({ field: 'role', message: 'This field is not accepted here.' });
  });

  it('names the field that fails validation', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not an email', password: 'x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('email');
    expect(response.json().error.message).toContain('email');
  });

  it('refuses malformed JSON and oversized bodies with a clear error, no stack trace', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    expect(malformed.body).not.toMatch(/at .*\.(ts|js):\d+/);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@test.example', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('validates query strings and path parameters, naming the field', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/participants?page=0', headers: { cookie } });
    expect(page.statusCode).toBe(400);
    expect(page.json().error.details[0].field).toBe('page');
    const id = await t.app.inject({
      method: 'GET',
      url: '/api/participants/not-a-uuid',
      headers: { cookie },
    });
    expect(id.statusCode).toBe(400);
    expect(id.json().error.details[0].field).toBe('participantId');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('sends strict security headers and no-store on API responses', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/participants', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses cross-site writes', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_SITE_REQUEST');
  });

  it('refuses cookie-authenticated writes without the session CSRF token', async () => {
    for (const token of ['', 'forged-token-of-the-right-length-0123456789ab']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, 'x-csrf-token': token },
        payload: {},
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('CSRF_TOKEN_INVALID');
    }
    // The token /api/auth/me hands out is the one accepted; reads need none.
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/passkeys/assertion-options',
      headers: { cookie, 'x-csrf-token': me.json().csrfToken },
      payload: {},
    });
    // Past the CSRF check: refused only because this person has no passkey.
    expect(accepted.statusCode).toBe(409);
    expect(accepted.json().error.code).toBe('CONFLICT');
  });

  it('reports health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: 'applied',
    });
  });

  it('serves an OpenAPI document generated from the Zod schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/participants', '/api/auth/login']));
    const login = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(expect.arrayContaining(['email', 'password']));
    const reference = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(reference.statusCode);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected staff member');
}
