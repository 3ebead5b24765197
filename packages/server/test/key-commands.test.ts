/**
 * The operator's view, on an embedded database in a temporary directory: the server refuses to
 * start with the wrong master key (and says which setting to fix), and `npm run admin --
 * rotate-keys` / `rotate-master-key` work end to end, after which only the new key starts it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { TenantDb } from '../src/db/tenant.js';
import { Keyring } from '../src/security/keyring.js';
import { defaultKeyFile, masterKeyFromBytes } from '../src/security/master-key.js';
import { createOrganization } from './factories.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(serverDir, '../..');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a server entry point with tsx. With `until`, stops the process (SIGTERM) once its output
 * contains that text, so a server that starts is not left listening.
 */
function runEntry(
  entry: string,
  args: string[],
  env: Record<string, string>,
  until?: string,
): Promise<Outcome> {
  const base = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'COPE_MASTER_KEY',
    'COPE_MASTER_KEY_FILE',
    'COPE_MASTER_KEY_NEW',
    'PORT',
  ]) {
    delete base[name];
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(serverDir, entry), ...args], {
    cwd: repoRoot,
    env: { ...base, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
  });
  const out: Outcome = { code: null, stdout: '', stderr: '' };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not finish: ${out.stdout}\n${out.stderr}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out.stdout += chunk.toString();
      if (until && out.stdout.includes(until)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out.stderr += chunk.toString();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ...out, code });
    });
  });
}

describe('master key check and key commands (embedded database)', () => {
  let dir: string;
  let dataDir: string;
  const original = randomBytes(32);
  const b64 = (key: Buffer) => key.toString('base64');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cope-keys-'));
    dataDir = path.join(dir, 'data');
    const handle = await openDatabase({ dataDir });
    await handle.migrate();
    const keyring = new Keyring(masterKeyFromBytes(original));
    await createOrganization({ db: new TenantDb(handle.system), keyring }, { participants: ['Ines Clave'] });
    await handle.close();
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses to start with another COPE_MASTER_KEY, naming the setting', async () => {
    const result = await runEntry('src/main.ts', [], {
      DATA_DIR: dataDir,
      COPE_MASTER_KEY: b64(randomBytes(32)),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does not open');
    expect(result.stderr).toContain('COPE_MASTER_KEY');
    expect(result.stderr).toContain('has not started');
    expect(result.stdout).not.toContain('is running');
  }, 120_000);

  it('refuses to start when the key file is missing, and removes the key it generated', async () => {
    const keyFile = defaultKeyFile(dataDir);
    const result = await runEntry('src/main.ts', [], { DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(keyFile);
    expect(result.stderr).toContain('backed-up key');
    expect(existsSync(keyFile)).toBe(false);
  }, 120_000);

  it('rotates the data keys and then the master key with the admin commands', async () => {
    const keyFile = defaultKeyFile(dataDir);
    await writeFile(keyFile, `${b64(original)}\n`, { mode: 0o600 });
    const rotated = await runEntry('src/cli/admin.ts', ['rotate-keys'], { DATA_DIR: dataDir });
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/data key v1 → v2; re-wrapped 1 participant data keys, re-sealed 2 staff/);

    const newKeyFile = path.join(dir, 'new.master-key');
    const master = await runEntry('src/cli/admin.ts', ['rotate-master-key', '--new-key-file', newKeyFile], {
      DATA_DIR: dataDir,
    });
    expect(master.code).toBe(0);
    expect(master.stdout).toContain(`replace ${keyFile} with the new key`);
    expect(statSync(newKeyFile).mode & 0o777).toBe(0o600);

    // The old key no longer opens anything; the new one does.
    const old = await runEntry('src/main.ts', [], { DATA_DIR: dataDir });
    expect(old.code).toBe(2);
    const port = String(20_000 + Math.floor(Math.random() * 30_000));
    const started = await runEntry(
      'src/main.ts',
      [],
      { DATA_DIR: dataDir, COPE_MASTER_KEY_FILE: newKeyFile, PORT: port },
      'is running',
    );
    expect(started.stdout).toContain('is running');
    expect(started.stderr).not.toContain('does not open');
  }, 300_000);
});
