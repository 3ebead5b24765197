/** Builds the app on a test database and signs staff in through the real HTTP routes. */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { App } from '../src/http/context.js';
import { CSRF_HEADER, csrfTokenFor } from '../src/resources/auth/csrf.js';
import { currentTotp } from '../src/security/totp.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';
import { TEST_PASSWORD, type TestStaff } from './factories.js';

export interface TestApp {
  app: App;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(kind: DatabaseKind): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({ DATA_DIR: '/nonexistent' }, []);
  const app = await buildApp({ config, database: database.handle, keyring: database.keyring });
  await app.ready();
  sendCsrfTokenLikeTheWebApp(app);
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/**
 * The web app sends the session's CSRF token with every write; the test app does the same, so
 * tests read as the web app's calls. A test that sets the header itself (even to '') is left
 * alone: that is how the refusal of a missing or wrong token is tested.
 */
function sendCsrfTokenLikeTheWebApp(app: App): void {
  const send: Inject = app.inject.bind(app);
  const withToken: Inject = (options) => {
    const headers = { ...(options.headers ?? {}) };
    const session = /(?:^|;\s*)cope_session=([^;]+)/.exec(String(headers.cookie ?? ''))?.[1];
    const write = (options.method ?? 'GET').toUpperCase() !== 'GET';
    if (write && session && !(CSRF_HEADER in headers)) headers[CSRF_HEADER] = csrfTokenFor(session);
    return send({ ...options, headers });
  };
  // Tests call inject with options only; the other overloads (callback, chain) are not used.
  app.inject = withToken as App['inject'];
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'cope_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `cope_session=${cookie.value}`;
}

/** Each TOTP time step can be used once; tests that sign one person in twice use the next step. */
const usedSteps = new Map<string, number>();

export async function nextTotp(secret: string): Promise<string> {
  const offset = usedSteps.get(secret) ?? 0;
  usedSteps.set(secret, offset + 1);
  return currentTotp(secret, Date.now() + offset * 30_000);
}

/** Password + TOTP through the API; returns the cookie header of the fully signed-in session. */
export async function signIn(app: App, staff: TestStaff): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: staff.email, password: TEST_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const cookie = sessionCookie(login);
  const verify = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    // Sent explicitly: apps built outside createTestApp do not add it on their own.
    headers: { cookie, [CSRF_HEADER]: login.json().csrfToken },
    payload: { code: await nextTotp(staff.totpSecret) },
  });
  if (verify.statusCode !== 200) throw new Error(`second factor failed: ${verify.body}`);
  return sessionCookie(verify);
}
