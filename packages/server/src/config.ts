/** Configuration from environment variables and command-line flags. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  /** Serve cookies with the __Host- prefix and Secure flag (behind HTTPS). */
  secureCookies: boolean;
  /** Directory holding the built web app; unset: API only. */
  webDist: string | undefined;
  logLevel: string;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number between 1 and 65535 (got "${raw}")`);
  }
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[], webDist?: string): Config {
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: argv.includes('--demo') || env.COPE_DEMO === '1',
    secureCookies: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    webDist,
    logLevel: env.LOG_LEVEL || 'info',
  };
}
