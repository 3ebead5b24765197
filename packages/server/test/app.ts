/** Builds the app on a test database and signs staff in through the real HTTP routes. */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { App } from '../src/http/context.js';
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
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
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
  const verify = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    headers: { cookie: sessionCookie(login) },
    payload: { code: await nextTotp(staff.totpSecret) },
  });
  if (verify.statusCode !== 200) throw new Error(`second factor failed: ${verify.body}`);
  return sessionCookie(verify);
}
