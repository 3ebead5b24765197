/** Small steps shared by the account, staff and attempt tests. */
import type { InjectOptions } from 'fastify';
import type { App } from '../src/http/context.js';
import { hashToken } from '../src/security/tokens.js';
import { sessionCookie } from './app.js';
import type { TestDatabase } from './databases.js';
import { TEST_PASSWORD } from './factories.js';

type Payload = Record<string, unknown>;

export function http(app: App) {
  const call = (method: InjectOptions['method'], url: string, cookie?: string, payload?: Payload) =>
    app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(method === 'GET' ? {} : { payload: payload ?? {} }),
    });
  return {
    get: (url: string, cookie?: string) => call('GET', url, cookie),
    post: (url: string, cookie?: string, payload?: Payload) => call('POST', url, cookie, payload),
    patch: (url: string, cookie: string, payload: Payload) => call('PATCH', url, cookie, payload),
    delete: (url: string, cookie: string) => call('DELETE', url, cookie),
  };
}

/** The password step only; returns the response (its cookie is a session still missing a factor). */
export function passwordStep(app: App, email: string, password = TEST_PASSWORD, remoteAddress?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

export async function passwordSession(app: App, email: string): Promise<string> {
  const login = await passwordStep(app, email);
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  return sessionCookie(login);
}

/** Moves this session's last second factor (sign-in and step-up) `seconds` into the past. */
export async function ageSecondFactor(database: TestDatabase, cookie: string, seconds: number) {
  const token = cookie.split('=')[1] ?? '';
  const rows = await database.ownerQuery(
    `update auth_session
        set mfa_verified_at = now() - make_interval(secs => $2),
            step_up_at = case when step_up_at is null then null else now() - make_interval(secs => $2) end
      where token_hash = $1 returning id`,
    [hashToken(token), seconds],
  );
  if (rows.length !== 1) throw new Error('no such session');
}

export async function auditCount(database: TestDatabase, organizationId: string, action: string) {
  const [row] = await database.ownerQuery<{ n: number }>(
    'select count(*)::int as n from audit_event where organization_id = $1 and action = $2',
    [organizationId, action],
  );
  return Number(row?.n ?? 0);
}
