/** Staff administration and one-time set-up links, through HTTP on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../src/security/totp.js';
import { createTestApp, nextTotp, sessionCookie, signIn, type TestApp } from './app.js';
import { ageSecondFactor, auditCount, http, passwordStep } from './auth-helpers.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, TEST_PASSWORD, type TestOrganization, type TestStaff } from './factories.js';

const NEW_PASSWORD = 'tidal pools under a grey morning';

describe.each(DATABASE_KINDS)('staff administration on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let api: ReturnType<typeof http>;
  let admin: string;
  const staff = (role: string): TestStaff => {
    const member = org.staff[role];
    if (!member) throw new Error(`no ${role}`);
    return member;
  };
  const tokenOf = (url: string) => url.split('/invite/')[1] ?? '';

  /** Opens a set-up link and enrols an authenticator app; returns the active session cookie. */
  async function acceptAndEnrol(token: string, password: string) {
    const accepted = await api.post('/api/auth/setup-links/accept', undefined, { token, password });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('mfa_enrolment_required');
    let cookie = sessionCookie(accepted);
    const { secret } = (await api.post('/api/auth/mfa/enrolment', cookie)).json();
    const confirmed = await api.post('/api/auth/mfa/enrolment/confirm', cookie, {
      code: await currentTotp(secret),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    cookie = sessionCookie(confirmed);
    return cookie;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['administrator', 'coordinator', 'social_worker', 'lawyer'],
    });
    api = http(t.app);
    admin = await signIn(t.app, staff('administrator'));
  });
  afterAll(() => t?.close());

  it('shows the staff table to administrators only', async () => {
    const list = await api.get('/api/staff', admin);
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(4);
    const me = items.find((m: { isYou: boolean }) => m.isYou);
    expect(me).toMatchObject({ status: 'active', abilities: { disable: false, resetSecondFactor: false } });
    const coordinator = await signIn(t.app, staff('coordinator'));
    const refused = await api.get('/api/staff', coordinator);
    expect(refused.statusCode).toBe(403);
    expect(await auditCount(t.database, org.id, 'staff.list')).toBe(1);
  });

  it('invites a colleague, who chooses her own password and sets up her second factor', async () => {
    await ageSecondFactor(t.database, admin, 10 * 60);
    const invite = { displayName: 'Lina Newcomer', email: 'Lina@Test.example', roles: ['social_worker'] };
    expect((await api.post('/api/staff', admin, invite)).json().error.code).toBe('STEP_UP_REQUIRED');
    await api.post('/api/auth/step-up', admin, { code: await nextTotp(staff('administrator').totpSecret) });

    const created = await api.post('/api/staff', admin, invite);
    expect(created.statusCode).toBe(201);
    const { member, link } = created.json();
    expect(member).toMatchObject({ email: 'lina@test.example', status: 'invited', roles: ['social_worker'] });
    expect(link.kind).toBe('invitation');
    expect(link.url).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const token = tokenOf(link.url);
    // Only the hash of the token is stored.
    const stored = await t.database.ownerQuery<{ token_hash: string }>(
      'select token_hash from staff_invitation where user_id = $1',
      [member.id],
    );
    expect(stored[0]?.token_hash).not.toContain(token);
    // Without a password of her own nobody can sign in to the new account.
    expect((await passwordStep(t.app, 'lina@test.example', TEST_PASSWORD)).statusCode).toBe(401);

    const info = await api.post('/api/auth/setup-links/lookup', undefined, { token });
    expect(info.json()).toMatchObject({ kind: 'invitation', displayName: 'Lina Newcomer' });
    const weak = await api.post('/api/auth/setup-links/accept', undefined, {
      token,
      password: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('password');

    const cookie = await acceptAndEnrol(token, NEW_PASSWORD);
    expect((await api.get('/api/participants', cookie)).statusCode).toBe(200);
    const reused = await api.post('/api/auth/setup-links/accept', undefined, {
      token,
      password: NEW_PASSWORD,
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('SETUP_LINK_INVALID');
    expect((await passwordStep(t.app, 'lina@test.example', NEW_PASSWORD)).json().state).toBe('mfa_required');

    const taken = await api.post('/api/staff', admin, { ...invite, displayName: 'Someone else' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('refuses an expired link', async () => {
    const created = await api.post('/api/staff', admin, {
      displayName: 'Tardy Tester',
      email: 'tardy@test.example',
      roles: ['lawyer'],
    });
    const token = tokenOf(created.json().link.url);
    await t.database.ownerQuery(
      `update staff_invitation set expires_at = now() - interval '1 minute' where user_id = $1`,
      [created.json().member.id],
    );
    const lookup = await api.post('/api/auth/setup-links/lookup', undefined, { token });
    expect(lookup.statusCode).toBe(410);
    // A new link from the administrator replaces it.
    const again = await api.post(`/api/staff/${created.json().member.id}/setup-link`, admin);
    expect(again.json().link.kind).toBe('invitation');
    const fresh = await api.post('/api/auth/setup-links/lookup', undefined, {
      token: tokenOf(again.json().link.url),
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('ends every session of a disabled account at once, and lets it back in when enabled', async () => {
    const member = staff('coordinator');
    const cookie = await signIn(t.app, member);
    const disabled = await api.post(`/api/staff/${member.id}/disable`, admin);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().member.status).toBe('disabled');
    expect((await api.get('/api/auth/me', cookie)).statusCode).toBe(401);
    const login = await passwordStep(t.app, member.email);
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(await auditCount(t.database, org.id, 'account.disabled')).toBe(1);

    expect((await api.post(`/api/staff/${member.id}/enable`, admin)).json().member.status).toBe('active');
    expect((await passwordStep(t.app, member.email)).statusCode).toBe(200);
    const self = await api.post(`/api/staff/${staff('administrator').id}/disable`, admin);
    expect(self.statusCode).toBe(409);
  });

  it('resets a second factor: she is told at sign-in and only the new link lets her enrol', async () => {
    const member = staff('social_worker');
    const own = await signIn(t.app, member);
    await api.post('/api/auth/recovery-codes', own);

    const reset = await api.post(`/api/staff/${member.id}/second-factor-reset`, admin);
    expect(reset.statusCode).toBe(200);
    expect(reset.json().member).toMatchObject({
      status: 'second_factor_pending',
      secondFactor: { totp: false },
    });
    expect(reset.json().link.kind).toBe('second_factor');
    expect((await api.get('/api/auth/me', own)).statusCode).toBe(401);
    const [row] = await t.database.ownerQuery<{ secret: string | null; reset: Date | null; codes: number }>(
      `select totp_secret_enc as secret, mfa_reset_at as reset,
              (select count(*)::int from recovery_code where user_id = $1) as codes
         from staff_user where id = $1`,
      [member.id],
    );
    expect(row).toMatchObject({ secret: null, codes: 0 });
    expect(row?.reset).not.toBeNull();
    expect(await auditCount(t.database, org.id, 'auth.mfa_reset')).toBe(1);

    // Her password alone: told what happened, and no way to enrol a new factor.
    const login = await passwordStep(t.app, member.email);
    expect(login.json().state).toBe('enrolment_link_required');
    const pending = sessionCookie(login);
    const me = (await api.get('/api/auth/me', pending)).json();
    expect(me.state).toBe('enrolment_link_required');
    expect(me.mfaResetAt).not.toBeNull();
    const blocked = await api.post('/api/auth/mfa/enrolment', pending);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('ENROLMENT_LINK_REQUIRED');
    expect((await api.post('/api/auth/mfa/enrolment/confirm', pending, { code: '123456' })).statusCode).toBe(
      403,
    );

    // The link wants her current password (not a new one), then opens enrolment.
    const token = tokenOf(reset.json().link.url);
    const wrong = await api.post('/api/auth/setup-links/accept', undefined, {
      token,
      password: NEW_PASSWORD,
    });
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const cookie = await acceptAndEnrol(token, TEST_PASSWORD);
    expect((await api.get('/api/auth/me', cookie)).json().state).toBe('active');
  });
});
