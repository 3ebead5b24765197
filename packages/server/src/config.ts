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
  /**
   * The address staff use to reach the app (https://cases.example.org), from PUBLIC_ORIGIN.
   * Passkeys are bound to its host name and set-up links point to it; unset, both follow the
   * Host header of each request.
   */
  publicOrigin: string | undefined;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number between 1 and 65535 (got "${raw}")`);
  }
  return port;
}

function parseOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an address such as https://cases.example.org (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`PUBLIC_ORIGIN must start with https:// (got "${raw}")`);
  }
  return url.origin;
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
    publicOrigin: parseOrigin(env.PUBLIC_ORIGIN),
  };
}
