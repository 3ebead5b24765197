/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';

const config = loadConfig(process.env, process.argv.slice(2));
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  console.log(`Migrations applied (${database.kind === 'pglite' ? config.dataDir : 'PostgreSQL server'}).`);
} finally {
  await database.close();
}
