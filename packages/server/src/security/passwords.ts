/**
 * Password hashing with argon2id at OWASP's recommended parameters (19 MiB, t=2, p=1), and the
 * check against the bundled list of common passwords.
 */
import { readFileSync } from 'node:fs';
import { checkPassword, type PasswordProblem } from '@cope/domain';
import { hash, verify } from '@node-rs/argon2';

// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not reveal which email addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('not-a-real-account-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

export function passwordProblem(password: string): PasswordProblem | null {
  return checkPassword(password, (p) => commonPasswords().has(p));
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: 'Use at least 12 characters. A few unrelated words make a strong, memorable password.',
  too_long: 'Use at most 256 characters.',
  too_common: 'This password is on a list of commonly used passwords. Choose another.',
};
