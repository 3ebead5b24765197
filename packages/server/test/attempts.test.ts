/**
 * Progressive delay of sign-in attempts, per account and per network address, through HTTP.
 * Each test uses its own address so their counts do not mix.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextTotp, sessionCookie, type TestApp } from './app.js';
import { passwordStep } from './auth-helpers.js';
import { DATABASE_KINDS } from './databases.js';
import { createOrganization, type TestOrganization, type TestStaff } from './factories.js';

const WRONG = 'not the password at all';

describe.each(DATABASE_KINDS)('sign-in attempts on %s', (kind) => {
  let t: TestApp;
  let org: TestOrganization;
  const staff = (role: string): TestStaff => {
    const member = org.staff[role];
    if (!member) throw new Error(`no ${role}`);
    return member;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await createOrganization(t.database, { roles: ['lawyer', 'psychologist', 'social_worker'] });
  });
  afterAll(() => t?.close());

  it('lets five wrong passwords through, then makes her wait 2, then 4 seconds', async () => {
    const address = '198.51.100.1';
    const { email } = staff('lawyer');
    for (let i = 0; i < 5; i++) {
      expect((await passwordStep(t.app, email, WRONG, address)).statusCode).toBe(401);
    }
    // Even the right password waits: the delay is checked before anything else.
    const held = await passwordStep(t.app, email, undefined, address);
    expect(held.statusCode).toBe(429);
    expect(held.headers['retry-after']).toBe('2');
    expect(held.json().error).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many attempts. Try again in 2 seconds.',
    });
    expect(held.cookies).toHaveLength(0);

    await sleep(2_100);
    expect((await passwordStep(t.app, email, WRONG, address)).statusCode).toBe(401);
    const longer = await passwordStep(t.app, email, WRONG, address);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('4');

    await sleep(4_100);
    expect((await passwordStep(t.app, email, undefined, address)).statusCode).toBe(200);
    // Success clears the account's count: the next mistake is free again.
    expect((await passwordStep(t.app, email, WRONG, address)).statusCode).toBe(401);
  }, 20_000);

  it('answers an unknown email exactly as a known one, delay included', async () => {
    const address = '198.51.100.2';
    const known = staff('psychologist').email;
    const unknown = 'nobody-here@test.example';
    for (let i = 0; i < 5; i++) {
      await passwordStep(t.app, known, WRONG, address);
      await passwordStep(t.app, unknown, WRONG, address);
    }
    const a = await passwordStep(t.app, known, WRONG, address);
    const b = await passwordStep(t.app, unknown, WRONG, address);
    expect(a.statusCode).toBe(429);
    expect(b.statusCode).toBe(429);
    expect(a.json()).toEqual(b.json());
  });

  it('limits second-factor attempts per account, however many sessions are opened', async () => {
    const address = '198.51.100.3';
    const member = staff('social_worker');
    const first = await passwordStep(t.app, member.email, undefined, '198.51.100.30');
    let cookie = sessionCookie(first);
    for (let i = 0; i < 5; i++) {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/auth/mfa/verify',
        headers: { cookie },
        remoteAddress: address,
        payload: { code: '000000' },
      });
      expect(wrong.json().error.code).toBe('INVALID_MFA_CODE');
    }
    cookie = sessionCookie(await passwordStep(t.app, member.email, undefined, '198.51.100.31'));
    const held = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { cookie },
      remoteAddress: '198.51.100.32',
      payload: { code: await nextTotp(member.totpSecret) },
    });
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('slows one network address after twenty failures, whichever accounts it tries', async () => {
    const address = '203.0.113.7';
    for (let i = 0; i < 20; i++) {
      const response = await passwordStep(t.app, `spray-${i}@test.example`, WRONG, address);
      expect(response.statusCode).toBe(401);
    }
    const held = await passwordStep(t.app, 'spray-next@test.example', WRONG, address);
    expect(held.statusCode).toBe(429);
    // Another address is not affected.
    expect((await passwordStep(t.app, 'spray-next@test.example', WRONG, '203.0.113.8')).statusCode).toBe(401);
  });
});
