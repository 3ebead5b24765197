/**
 * The master key wraps organization keys. It comes from COPE_MASTER_KEY (base64 of 32 bytes),
 * from the file named by COPE_MASTER_KEY_FILE, or — for the embedded default — from a key file
 * created on first start beside the data directory with mode 0600. It never enters the database.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface MasterKey {
  /** Short fingerprint stored beside wrapped keys, to tell which master key wrapped them. */
  id: string;
  key: Buffer;
}

export function masterKeyFromBytes(key: Buffer): MasterKey {
  if (key.length !== 32) throw new Error('The master key must be 32 bytes (base64 of 32 random bytes).');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

function parse(text: string, where: string): MasterKey {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`${where} must hold 32 bytes in base64 (or 64 hex digits).`);
  return masterKeyFromBytes(key);
}

/** Where the embedded default keeps its key file: `<data dir>.master-key`, beside the data. */
export function defaultKeyFile(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), `${path.basename(path.resolve(dataDir))}.master-key`);
}

export function loadMasterKey(
  env: NodeJS.ProcessEnv,
  dataDir: string,
): { master: MasterKey; source: string } {
  if (env.COPE_MASTER_KEY)
    return { master: parse(env.COPE_MASTER_KEY, 'COPE_MASTER_KEY'), source: 'COPE_MASTER_KEY' };
  const file = env.COPE_MASTER_KEY_FILE || defaultKeyFile(dataDir);
  if (!existsSync(file)) {
    if (env.COPE_MASTER_KEY_FILE)
      throw new Error(`COPE_MASTER_KEY_FILE points to ${file}, which does not exist.`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { master: parse(readFileSync(file, 'utf8'), file), source: file };
}
