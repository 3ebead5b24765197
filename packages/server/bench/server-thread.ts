/**
 * Worker-thread entry: the real application (buildApp) listening on 127.0.0.1 with its own
 * event loop, so the load generator in the main thread does not steal time from it.
 * Request logging is off; nothing here prints data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { Keyring } from '../src/security/keyring.js';
import { masterKeyFromBytes } from '../src/security/master-key.js';

export interface ServerThreadData {
  databaseUrl: string;
  /** Base64 of the master key the seeder used, so the server can open what it sealed. */
  masterKey: string;
  poolSize: number;
}

export type ServerThreadMessage = { type: 'listening'; port: number } | { type: 'closed' };

function isServerThreadData(value: unknown): value is ServerThreadData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    typeof data.databaseUrl === 'string' &&
    typeof data.poolSize === 'number' &&
    typeof data.masterKey === 'string'
  );
}

async function main(): Promise<void> {
  const port = parentPort;
  const data: unknown = workerData;
  if (!port || !isServerThreadData(data)) throw new Error('server-thread.ts must run as a benchmark worker');
  // Only the database URL comes in: nothing else from the environment changes the app.
  const config = loadConfig({ DATABASE_URL: data.databaseUrl, LOG_LEVEL: 'silent' }, []);
  const database = await openDatabase({
    databaseUrl: data.databaseUrl,
    dataDir: config.dataDir,
    poolSize: data.poolSize,
  });
  const keyring = new Keyring(masterKeyFromBytes(Buffer.from(data.masterKey, 'base64')));
  const app = await buildApp({ config, database, keyring, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP port');

  port.on('message', (message: unknown) => {
    if (message !== 'close') return;
    void (async () => {
      await app.close();
      await database.close();
      const closed: ServerThreadMessage = { type: 'closed' };
      port.postMessage(closed);
      port.close();
    })();
  });
  const listening: ServerThreadMessage = { type: 'listening', port: address.port };
  port.postMessage(listening);
}

await main();
