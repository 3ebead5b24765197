/** First-run setup, sign-in with a second factor, sessions and sign-out, through HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../src/security/totp.js';
import { createTestApp, nextTotp, sessionCookie, signIn, type TestApp } from './app.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, TEST_PASSWORD, type TestOrganization } from './factories.js';

const SETUP = {
  organizationName: 'Riverside Support Service',
  caseCodePrefix: 'rsv',
  adminName: 'Nora Adminova',
  adminEmail: 'Admin@Riverside.example ',
  adminPassword: 'river stones and quiet mornings',
  locale: 'es',
};

describe.each(DATABASE_KINDS)('authentication on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['coordinator', 'social_worker', 'lawyer', 'psychologist'],
    });
  });
  afterAll(() => t?.close());

  it('runs first-run setup once, then requires enrolling an authenticator app', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      setupRequired: true,
      demo: false,
    });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...SETUP, adminPassword: 'password1234' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('adminPassword');

    const setup = await t.app.inject({ method: 'POST', url: '/api/setup', payload: SETUP });
    expect(setup.statusCode).toBe(200);
    expect(setup.json()).toEqual({ state: 'mfa_enrolment_required', csrfToken: expect.any(String) });
    let cookie = sessionCookie(setup);

    // Until the second factor is set up, case data stays closed.
    const blocked = await t.app.inject({ method: 'GET', url: '/api/participants', headers: { cookie } });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('MFA_REQUIRED');

    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrolment',
      headers: { cookie },
      payload: {},
    });
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeSvg } = enrol.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrCodeSvg).toContain('<svg');

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrolment/confirm',
      headers: { cookie },
      payload: { code: '000000' === (await currentTotp(secret)) ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_MFA_CODE');

    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrolment/confirm',
      headers: { cookie },
      payload: { code: await currentTotp(secret) },
    });
    expect(confirm.statusCode).toBe(200);
    // Ten recovery codes, shown this once.
    expect(confirm.json().recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.json().recoveryCodes).size).toBe(10);
    const rotated = sessionCookie(confirm);
    expect(rotated).not.toBe(cookie);
    // The pre-MFA token no longer works after rotation.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
    cookie = rotated;

    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json();
    expect(me.user).toMatchObject({
      email: 'admin@riverside.example',
      roles: ['administrator'],
      locale: 'es',
    });
    expect(me.organization.name).toBe('Riverside Support Service');
    expect(me.state).toBe('active');

    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: SETUP });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP_ALREADY_DONE');
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json().setupRequired).toBe(false);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.example', password: TEST_PASSWORD },
    });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.staff.lawyer?.email, password: 'not the password at all' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.cookies).toHaveLength(0);
  });

  it('accepts each TOTP code once: a replay in the same window is refused', async () => {
    const staff = org.staff.social_worker;
    if (!staff) throw new Error('no social worker');
    const code = await nextTotp(staff.totpSecret);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: staff.email, password: TEST_PASSWORD },
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: sessionCookie(first) },
      payload: { code },
    });
    expect(ok.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: staff.email, password: TEST_PASSWORD },
    });
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie: sessionCookie(second) },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_MFA_CODE');
  });

  it('ends a session after the idle timeout', async () => {
    const cookie = await signIn(t.app, org.staff.psychologist ?? raise());
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    await t.database.ownerQuery(
      `update auth_session set last_seen_at = now() - interval '16 minutes' where user_id = $1 and ended_at is null`,
      [org.staff.psychologist?.id],
    );
    const expired = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toMatch(/session has ended/);
  });

  it('signs out: the session ends and the browser is told to clear its data', async () => {
    const cookie = await signIn(t.app, org.staff.coordinator ?? raise());
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect(out.headers['clear-site-data']).toContain('"cookies"');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const staff = org.staff.lawyer ?? raise();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: staff.email, password: TEST_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'cope_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
  });
});

function raise(): never {
  throw new Error('factory did not create the expected staff member');
}
