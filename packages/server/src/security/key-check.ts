/**
 * Checks at startup (and before key commands) that the configured master key opens the
 * organization keys stored in the database. A wrong key must stop the process with a message
 * an operator can act on, not let it start and then fail on every request.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/tenant.js';
import type { Keyring } from './keyring.js';
import { defaultKeyFile, loadMasterKey, type MasterKey } from './master-key.js';

/**
 * Row-level security is forced on every table, so the owner connection sees all organizations
 * only when its account is a superuser or has BYPASSRLS (the embedded database always is).
 */
export async function ownerSeesAllOrganizations(system: Db): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    system,
    sql`select (rolsuper or rolbypassrls) as ok from pg_roles where rolname = current_user`,
  );
  return row?.ok === true;
}

export interface LoadedMasterKey {
  master: MasterKey;
  /** 'COPE_MASTER_KEY' or the path of the key file. */
  source: string;
  /** True when no key existed and loadMasterKey generated a new key file just now. */
  createdNow: boolean;
}

/** loadMasterKey, remembering whether it had to create the key file. */
export function loadMasterKeyNoting(env: NodeJS.ProcessEnv, dataDir: string): LoadedMasterKey {
  const file = env.COPE_MASTER_KEY_FILE || defaultKeyFile(dataDir);
  const existed = Boolean(env.COPE_MASTER_KEY) || existsSync(file);
  const { master, source } = loadMasterKey(env, dataDir);
  return { master, source, createdNow: !existed };
}

export type MasterKeyCheck =
  | { status: 'ok'; checked: number }
  | { status: 'unchecked'; message: string }
  | { status: 'wrong_key'; message: string };

export async function checkMasterKey(
  system: Db,
  keyring: Keyring,
  loaded: Pick<LoadedMasterKey, 'source' | 'createdNow'>,
): Promise<MasterKeyCheck> {
  if (!(await ownerSeesAllOrganizations(system))) {
    return {
      status: 'unchecked',
      message:
        'Warning: the master key was not checked against the stored keys, because the database ' +
        'account in DATABASE_URL cannot read across organizations (row-level security). Give it ' +
        'BYPASSRLS so this check, and `npm run admin -- rotate-keys`, can see every organization.',
    };
  }
  const { checked, unreadable } = await keyring.verifyMasterKey(system);
  if (unreadable.length === 0) return { status: 'ok', checked };
  const organizations = new Set(unreadable.map((k) => k.organizationId)).size;
  const lines = [
    `The master key does not open this database's encryption keys ` +
      `(${unreadable.length} of ${checked} organization keys, in ${organizations} organization${organizations === 1 ? '' : 's'}).`,
    `The key in use came from ${loaded.source === 'COPE_MASTER_KEY' ? 'the environment variable COPE_MASTER_KEY' : `the key file ${loaded.source}`}.`,
  ];
  if (loaded.createdNow) {
    lines.push(
      `No key file existed there, so a new key had just been generated; it cannot open data made with ` +
        `another key and has been removed again. Put your backed-up key file at ${loaded.source}, or set ` +
        'COPE_MASTER_KEY (base64 of the 32-byte key) or COPE_MASTER_KEY_FILE (path of the key file).',
    );
  } else {
    lines.push(
      'Set COPE_MASTER_KEY or COPE_MASTER_KEY_FILE to the key this database was created with (after ' +
        '`npm run admin -- rotate-master-key`, the new key). For the embedded database the key file is ' +
        '<DATA_DIR>.master-key, beside the data directory: restore it from your key backup.',
    );
  }
  lines.push('Without the right key the encrypted data cannot be read.');
  return { status: 'wrong_key', message: lines.join('\n') };
}

/** Removes a key file generated moments ago that turned out not to belong to this database. */
export function discardFreshKeyFile(loaded: LoadedMasterKey): void {
  if (loaded.createdNow && loaded.source !== 'COPE_MASTER_KEY' && existsSync(loaded.source)) {
    unlinkSync(loaded.source);
  }
}
