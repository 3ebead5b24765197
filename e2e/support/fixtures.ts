/** Shared steps of the end-to-end journeys: demo accounts, signing in, accessibility checks. */
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { currentTotp } from '../../packages/server/src/security/totp.js';
import { DEMO_LOGINS, type DemoLoginLine, TOTP_STEPS } from './servers.js';

export function demoAccount(role: string, domain = 'harbour.example'): DemoLoginLine {
  const logins = JSON.parse(readFileSync(DEMO_LOGINS, 'utf8')) as DemoLoginLine[];
  const login = logins.find((l) => l.role === role && l.email.endsWith(`@${domain}`));
  if (!login) throw new Error(`no demo account for ${role}@${domain}`);
  return login;
}

// A TOTP time step is accepted once per account, and one step of drift either way. A second
// sign-in of the same person uses the next step, or waits for time to bring a fresh one. The
// steps used are kept in a file: a failed test restarts the worker, and memory would be lost.
const STEP_MS = 30_000;

function stepsUsed(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(TOTP_STEPS, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export async function totpFor(secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / STEP_MS);
    const used = stepsUsed();
    const step = Math.max(now, (used[secret] ?? now - 1) + 1);
    if (step <= now + 1) {
      writeFileSync(TOTP_STEPS, JSON.stringify({ ...used, [secret]: step }));
      return currentTotp(secret, step * STEP_MS);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function signIn(page: Page, account: DemoLoginLine): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code').fill(await totpFor(account.totpSecret));
  await page.getByRole('button', { name: /confirm|verify|continue/i }).click();
  await expect(page).toHaveURL(/\/participants/);
}

/** Fails on serious or critical accessibility violations on the current page. */
export async function expectAccessible(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility on ${context}`,
  ).toEqual([]);
}
