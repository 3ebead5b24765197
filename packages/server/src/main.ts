/** Starts Cope & Hope: opens the database, applies migrations, optionally loads the demo, listens. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, LOG_SERIALIZERS } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { TenantDb } from './db/tenant.js';
import { DemoRefusedError, formatDemoLogins, loadDemo } from './demo/seed.js';
import { checkMasterKey, discardFreshKeyFile, loadMasterKeyNoting } from './security/key-check.js';
import { Keyring } from './security/keyring.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2), webDist);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const loaded = loadMasterKeyNoting(process.env, config.dataDir);
  const { master, source } = loaded;
  const keyring = new Keyring(master);
  // A wrong master key must stop the start, not surface later as a failure on every request.
  const keyCheck = await checkMasterKey(database.system, keyring, loaded);
  if (keyCheck.status === 'wrong_key') {
    discardFreshKeyFile(loaded);
    console.error(`\n${keyCheck.message}\nCope & Hope has not started.\n`);
    await database.close();
    process.exit(2);
  }
  if (keyCheck.status === 'unchecked') console.warn(keyCheck.message);
  if (config.demo) {
    try {
      const logins = await loadDemo(new TenantDb(database.system), keyring);
      console.log(formatDemoLogins(logins));
    } catch (error) {
      if (error instanceof DemoRefusedError) {
        console.error(`\n${error.message}\n`);
        await database.close();
        process.exit(2);
      }
      throw error;
    }
  }
  const app = await buildApp({
    config,
    database,
    keyring,
    logger: { level: config.logLevel, serializers: LOG_SERIALIZERS },
  });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
  console.log(
    `Cope & Hope is running on http://localhost:${config.port} (data: ${where}; master key: ${source})`,
  );
}

main().catch((error: unknown) => {
  console.error('Cope & Hope could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
