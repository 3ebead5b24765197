/** Recovery codes, step-up, passkeys and her own sessions, through HTTP on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextTotp, sessionCookie, signIn, type TestApp } from './app.js';
import { ageSecondFactor, auditCount, http, passwordSession } from './auth-helpers.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization, type TestStaff } from './factories.js';
import { SoftAuthenticator } from './soft-authenticator.js';

describe.each(DATABASE_KINDS)('her own account on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  let api: ReturnType<typeof http>;
  const staff = (role: string): TestStaff => {
    const member = org.staff[role];
    if (!member) throw new Error(`no ${role}`);
    return member;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, {
      roles: ['social_worker', 'psychologist', 'lawyer', 'coordinator'],
    });
    api = http(t.app);
  });
  afterAll(() => t?.close());

  it('gives ten recovery codes, each usable once instead of a TOTP code', async () => {
    const member = staff('social_worker');
    const cookie = await signIn(t.app, member);
    const generated = await api.post('/api/auth/recovery-codes', cookie);
    expect(generated.statusCode).toBe(200);
    const codes: string[] = generated.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(codes[0]).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [first = '', second = ''] = codes;

    const pending = await passwordSession(t.app, member.email);
    const used = await api.post('/api/auth/mfa/recovery', pending, { code: first });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({ state: 'active', recoveryCodesLeft: 9 });
    const active = sessionCookie(used);
    expect((await api.get('/api/participants', active)).statusCode).toBe(200);
    expect(await auditCount(t.database, org.id, 'auth.recovery_code_used')).toBe(1);

    // The same code again: refused. Another one, typed in lower case without dashes: accepted.
    const again = await api.post('/api/auth/mfa/recovery', await passwordSession(t.app, member.email), {
      code: first,
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('INVALID_RECOVERY_CODE');
    const typed = await api.post('/api/auth/mfa/recovery', await passwordSession(t.app, member.email), {
      code: second.replaceAll('-', '').toLowerCase(),
    });
    expect(typed.statusCode).toBe(200);
    expect((await api.get('/api/auth/me', sessionCookie(typed))).json().secondFactors.recoveryCodesLeft).toBe(
      8,
    );

    // New codes replace the old ones at once.
    await api.post('/api/auth/recovery-codes', sessionCookie(typed));
    const old = await api.post('/api/auth/mfa/recovery', await passwordSession(t.app, member.email), {
      code: codes[5] ?? '',
    });
    expect(old.json().error.code).toBe('INVALID_RECOVERY_CODE');
  });

  it('opens sensitive actions only with a second factor from the last five minutes', async () => {
    const member = staff('psychologist');
    const cookie = await signIn(t.app, member);
    await ageSecondFactor(t.database, cookie, 6 * 60);
    const stale = await api.post('/api/auth/recovery-codes', cookie);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('STEP_UP_REQUIRED');

    const wrong = await api.post('/api/auth/step-up', cookie, { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_MFA_CODE');
    const stepped = await api.post('/api/auth/step-up', cookie, { code: await nextTotp(member.totpSecret) });
    expect(stepped.statusCode).toBe(200);
    const until = Date.parse(stepped.json().stepUpUntil);
    expect(until - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect((await api.post('/api/auth/recovery-codes', cookie)).statusCode).toBe(200);
    expect(await auditCount(t.database, org.id, 'auth.step_up')).toBeGreaterThanOrEqual(1);

    await ageSecondFactor(t.database, cookie, 4 * 60);
    expect((await api.post('/api/auth/recovery-codes', cookie)).statusCode).toBe(200);
    await ageSecondFactor(t.database, cookie, 5 * 60 + 5);
    expect((await api.post('/api/auth/recovery-codes', cookie)).json().error.code).toBe('STEP_UP_REQUIRED');
  });

  it('registers a passkey after step-up, signs in and steps up with it, renames and removes it', async () => {
    const member = staff('lawyer');
    const cookie = await signIn(t.app, member);
    const device = new SoftAuthenticator();

    const options = await api.post('/api/auth/passkeys/registration-options', cookie);
    expect(options.statusCode).toBe(200);
    expect(options.json().authenticatorSelection.userVerification).toBe('required');
    expect(options.json().rp.id).toBe('localhost');
    // A device that does not verify its user (no PIN, no biometrics) is refused.
    const lax = new SoftAuthenticator().withoutUserVerification();
    const refused = await api.post('/api/auth/passkeys', cookie, {
      label: 'No PIN',
      response: lax.register(options.json()),
    });
    expect(refused.json().error.code).toBe('INVALID_PASSKEY');
    // The challenge was spent by that attempt; a fresh one is needed.
    const fresh = await api.post('/api/auth/passkeys/registration-options', cookie);
    const added = await api.post('/api/auth/passkeys', cookie, {
      label: 'Work laptop',
      response: device.register(fresh.json()),
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: device.credentialId, label: 'Work laptop', lastUsedAt: null });

    // Second step of sign-in with the passkey instead of a TOTP code.
    const pending = await passwordSession(t.app, member.email);
    const challenge = await api.post('/api/auth/passkeys/assertion-options', pending);
    expect(challenge.json().allowCredentials).toEqual([expect.objectContaining({ id: device.credentialId })]);
    const assertion = device.assert(challenge.json());
    const signedIn = await api.post('/api/auth/mfa/passkey', pending, { response: assertion });
    expect(signedIn.statusCode).toBe(200);
    const active = sessionCookie(signedIn);
    expect((await api.get('/api/participants', active)).statusCode).toBe(200);
    // The same assertion cannot be replayed: its challenge was used up.
    const replay = await api.post('/api/auth/mfa/passkey', await passwordSession(t.app, member.email), {
      response: assertion,
    });
    expect(replay.json().error.code).toBe('INVALID_PASSKEY');

    await ageSecondFactor(t.database, active, 10 * 60);
    const stepOptions = await api.post('/api/auth/passkeys/assertion-options', active);
    const stepped = await api.post('/api/auth/step-up', active, {
      passkey: device.assert(stepOptions.json()),
    });
    expect(stepped.statusCode).toBe(200);

    const renamed = await api.patch(`/api/auth/passkeys/${device.credentialId}`, active, { label: 'Office' });
    expect(renamed.json().label).toBe('Office');
    const listed = (await api.get('/api/auth/passkeys', active)).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0].lastUsedAt).not.toBeNull();
    expect((await api.get('/api/auth/me', active)).json().secondFactors.passkeys).toBe(1);
    expect((await api.delete(`/api/auth/passkeys/${device.credentialId}`, active)).statusCode).toBe(200);
    expect((await api.get('/api/auth/passkeys', active)).json().items).toEqual([]);
    expect(await auditCount(t.database, org.id, 'auth.passkey_removed')).toBe(1);
  });

  it('lists her sessions, ends one, and signs out everywhere', async () => {
    const member = staff('coordinator');
    const laptop = await signIn(t.app, member);
    const phone = await signIn(t.app, member);
    const listed = (await api.get('/api/auth/sessions', laptop)).json().items;
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const phoneId = (await api.get('/api/auth/sessions', phone))
      .json()
      .items.find((s: { current: boolean }) => s.current).id;

    expect((await api.delete(`/api/auth/sessions/${phoneId}`, laptop)).statusCode).toBe(200);
    expect((await api.get('/api/auth/me', phone)).statusCode).toBe(401);
    expect((await api.get('/api/auth/me', laptop)).statusCode).toBe(200);

    // A session still at the password step is hers too (TOTP allows two sign-ins a minute here).
    const tablet = await passwordSession(t.app, member.email);
    expect((await api.get('/api/auth/me', tablet)).statusCode).toBe(200);
    const out = await api.post('/api/auth/sessions/end-all', laptop);
    expect(out.statusCode).toBe(200);
    expect(out.headers['clear-site-data']).toContain('"cookies"');
    expect((await api.get('/api/auth/me', laptop)).statusCode).toBe(401);
    expect((await api.get('/api/auth/me', tablet)).statusCode).toBe(401);
    expect(await auditCount(t.database, org.id, 'auth.sign_out_everywhere')).toBe(1);
  });
});
