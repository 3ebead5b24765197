/** Where the end-to-end servers keep their logs and the demo credentials they printed. */
import path from 'node:path';

export const E2E_TMP = path.resolve('e2e/.tmp');
export const DEMO_LOG = path.join(E2E_TMP, 'demo-server.log');
export const FRESH_LOG = path.join(E2E_TMP, 'fresh-server.log');
export const DEMO_LOGINS = path.join(E2E_TMP, 'demo-logins.json');
export const TOTP_STEPS = path.join(E2E_TMP, 'totp-steps.json');
export const PIDS = path.join(E2E_TMP, 'pids.json');
export const DATABASES = path.join(E2E_TMP, 'databases.json');

export interface DemoLoginLine {
  role: string;
  email: string;
  password: string;
  totpSecret: string;
}

/** Reads the login table that demo mode prints at start. */
export function parseDemoLogins(output: string): DemoLoginLine[] {
  const pattern = /^\s+(\w+)\s+(\S+@\S+)\s+password (\S+)\s+TOTP secret ([A-Z2-7]+)\s*$/gm;
  return [...output.matchAll(pattern)].map((m) => ({
    role: m[1] ?? '',
    email: m[2] ?? '',
    password: m[3] ?? '',
    totpSecret: m[4] ?? '',
  }));
}
