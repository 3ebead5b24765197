/** `npm run admin -- <command>`: operator commands. */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { describeVerification, verifyAuditTrail } from '../audit/verify.js';
import { loadConfig } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { TenantDb } from '../db/tenant.js';
import { checkMasterKey } from '../security/key-check.js';
import { Keyring } from '../security/keyring.js';
import { defaultKeyFile, loadMasterKey, type MasterKey } from '../security/master-key.js';
import {
  DEFAULT_BATCH_SIZE,
  listOrganizationIds,
  organizationExists,
  RotationError,
  rotateOrganizationDataKeys,
  rotateOrganizationMasterKey,
} from '../security/rotation.js';
import { currentTotp } from '../security/totp.js';

const [command, ...args] = process.argv.slice(2);

class UsageError extends Error {}

/** The value after `--flag`, or undefined when the flag is absent. */
function flag(list: string[], name: string): string | undefined {
  const at = list.indexOf(name);
  if (at < 0) return undefined;
  const value = list[at + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value.`);
  return value;
}

const where = (config: { databaseUrl: string | undefined; dataDir: string }) =>
  config.databaseUrl ? 'DATABASE_URL' : config.dataDir;

/** The configured master key; unlike the server, never generates one (that would lose data). */
function existingMasterKey(dataDir: string): { master: MasterKey; source: string } {
  const file = process.env.COPE_MASTER_KEY_FILE || defaultKeyFile(dataDir);
  if (!process.env.COPE_MASTER_KEY && !existsSync(file)) {
    throw new UsageError(
      `No master key: COPE_MASTER_KEY is not set and there is no key file at ${file}. ` +
        'Point COPE_MASTER_KEY or COPE_MASTER_KEY_FILE at the key this database uses.',
    );
  }
  return loadMasterKey(process.env, dataDir);
}

/**
 * Opens the database like `npm run migrate` and checks the master key before any change. During
 * a master-key rotation, keys already wrapped by the new key (an interrupted run) also pass.
 */
async function withKeys(
  work: (ctx: { database: DatabaseHandle; db: TenantDb; keyring: Keyring }) => Promise<number>,
  alsoAccepted?: Keyring,
): Promise<number> {
  const config = loadConfig(process.env, []);
  const { master, source } = existingMasterKey(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (database.kind === 'pglite') {
      console.log(`Embedded database in ${config.dataDir}: Cope & Hope must be stopped while this runs.`);
    }
    const migrations = await database.appliedMigrations().catch(() => 0);
    if (migrations === 0) {
      throw new UsageError(
        `No Cope & Hope database at ${where(config)}: start Cope & Hope or run npm run migrate first.`,
      );
    }
    const keyring = new Keyring(master);
    const check = await checkMasterKey(database.system, keyring, { source, createdNow: false });
    if (
      check.status === 'wrong_key' &&
      !(alsoAccepted && (await eitherOpensAll(database, keyring, alsoAccepted)))
    ) {
      console.error(`${check.message}\nNothing was changed.`);
      return 1;
    }
    if (check.status === 'unchecked') console.warn(check.message);
    return await work({ database, db: new TenantDb(database.system), keyring });
  } finally {
    await database.close();
  }
}

async function eitherOpensAll(database: DatabaseHandle, a: Keyring, b: Keyring): Promise<boolean> {
  const byB = await b.verifyMasterKey(database.system);
  const failsB = new Set(byB.unreadable.map((k) => `${k.organizationId}:${k.purpose}:${k.version}`));
  const byA = await a.verifyMasterKey(database.system);
  return byA.unreadable.every((k) => !failsB.has(`${k.organizationId}:${k.purpose}:${k.version}`));
}

async function targetOrganizations(database: DatabaseHandle, db: TenantDb, only: string | undefined) {
  if (!only) return listOrganizationIds(database.system);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(only)) {
    throw new UsageError(`--organization takes an organization id (a UUID), not "${only}".`);
  }
  if (!(await organizationExists(db, only))) throw new UsageError(`No organization has the id ${only}.`);
  return [only];
}

async function rotateKeys(list: string[]): Promise<number> {
  const only = flag(list, '--organization');
  const batchSize = Number(flag(list, '--batch-size') ?? DEFAULT_BATCH_SIZE);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new UsageError('--batch-size must be a whole number from 1 to 10000.');
  }
  return withKeys(async ({ database, db, keyring }) => {
    const organizations = await targetOrganizations(database, db, only);
    for (const id of organizations) {
      const done = await rotateOrganizationDataKeys(db, keyring, id, batchSize);
      console.log(
        done
          ? `Organization ${id}: data key v${done.from} → v${done.to}; re-wrapped ${done.participantKeys} ` +
              `participant data keys, re-sealed ${done.staffSecrets} staff secrets; older versions retired.`
          : `Organization ${id}: no keys yet, nothing to rotate.`,
      );
    }
    console.log(`Rotated the data keys of ${organizations.length} organization(s).`);
    return 0;
  });
}

/** The new master key: COPE_MASTER_KEY_NEW, or a key file (generated with mode 0600 if absent). */
function newMasterKey(list: string[], dataDir: string): { master: MasterKey; switchTo: string } {
  const file = flag(list, '--new-key-file');
  if (file) {
    if (!existsSync(file)) {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      console.log(`Generated a new master key in ${file} (mode 0600).`);
    }
    const { master } = loadMasterKey({ COPE_MASTER_KEY_FILE: file }, dataDir);
    return { master, switchTo: `the key file ${file}` };
  }
  const value = process.env.COPE_MASTER_KEY_NEW;
  if (!value) throw new UsageError('Give the new key in COPE_MASTER_KEY_NEW or with --new-key-file <path>.');
  try {
    return {
      master: loadMasterKey({ COPE_MASTER_KEY: value }, dataDir).master,
      switchTo: 'COPE_MASTER_KEY_NEW',
    };
  } catch {
    throw new UsageError('COPE_MASTER_KEY_NEW must hold 32 bytes in base64 (or 64 hex digits).');
  }
}

async function rotateMasterKey(list: string[]): Promise<number> {
  const dataDir = loadConfig(process.env, []).dataDir;
  const { master, switchTo } = newMasterKey(list, dataDir);
  const next = new Keyring(master);
  return withKeys(async ({ database, db, keyring }) => {
    if (master.id === keyring.masterKeyId)
      throw new UsageError('The new master key is the key already in use.');
    const organizations = await listOrganizationIds(database.system);
    let keys = 0;
    for (const id of organizations) keys += await rotateOrganizationMasterKey(db, keyring, next, id);
    const keyFile = process.env.COPE_MASTER_KEY_FILE || defaultKeyFile(dataDir);
    console.log(
      [
        `Re-wrapped ${keys} organization keys of ${organizations.length} organization(s) with the new master key (id ${master.id}).`,
        '',
        'Now switch the configured key to the new one and restart Cope & Hope:',
        process.env.COPE_MASTER_KEY
          ? `  set COPE_MASTER_KEY to the new key (from ${switchTo}).`
          : `  replace ${keyFile} with the new key (from ${switchTo}), keeping mode 0600,\n` +
            '  or point COPE_MASTER_KEY_FILE at the new key file.',
        'Until then, a running server cannot open keys it has not cached yet, and a start with the old key',
        'is refused.',
        'Back up the new key separately from the data. Keep the old key as long as you keep backups',
        'made before today: they can only be opened with it.',
      ].join('\n'),
    );
    return 0;
  }, next);
}

const commands: Record<string, { help: string; run: (args: string[]) => Promise<number> }> = {
  'verify-audit': {
    help: 'verify-audit    walk the audit hash chains; exits 1 naming the first broken event',
    run: async () => {
      const config = loadConfig(process.env, []);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await verifyAuditTrail(database.system);
        console.log(describeVerification(result));
        return result.broken ? 1 : 0;
      } finally {
        await database.close();
      }
    },
  },
  totp: {
    help: 'totp <secret>   print the current code for a TOTP secret (demo accounts)',
    run: async ([secret]) => {
      if (!secret) {
        console.error('Give the TOTP secret printed at demo start.');
        return 2;
      }
      console.log(await currentTotp(secret));
      return 0;
    },
  },
  'rotate-keys': {
    help:
      'rotate-keys [--organization <id>] [--batch-size <n>]\n' +
      '                  new organization data key; re-wrap every participant data key and staff secret',
    run: rotateKeys,
  },
  'rotate-master-key': {
    help:
      'rotate-master-key [--new-key-file <path>]   (or COPE_MASTER_KEY_NEW)\n' +
      '                  re-wrap every organization key with a new master key',
    run: rotateMasterKey,
  },
};

const entry = command ? commands[command] : undefined;
if (!entry) {
  console.log(
    `Commands:\n${Object.values(commands)
      .map((c) => `  ${c.help}`)
      .join('\n')}`,
  );
  process.exit(command ? 2 : 0);
}
try {
  process.exit(await entry.run(args));
} catch (error) {
  if (error instanceof UsageError || error instanceof RotationError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('The command failed:', error instanceof Error ? error.message : String(error));
  process.exit(1);
}
