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
  /** The map of risk areas: background tiles (none by default: offline deployments) and where it opens. */
  map: MapSettings;
}

export interface MapSettings {
  /** A {z}/{x}/{y} tile template from COPE_MAP_TILE_URL; empty: no background tiles at all. */
  tileUrl: string;
  /** The tile server's origin, allowed for images by the content security policy; null without tiles. */
  tileOrigin: string | null;
  /** Credit for the tiles, shown as plain text under the map (COPE_MAP_ATTRIBUTION). */
  attribution: string;
  /** [longitude, latitude] the map opens on when it has nothing to show (COPE_MAP_CENTER). */
  center: [number, number];
  /** Zoom level it opens on (COPE_MAP_ZOOM). */
  zoom: number;
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

/** Madrid's Puerta del Sol: any city centre works until the organization sets its own. */
const DEFAULT_MAP_CENTER: [number, number] = [-3.7038, 40.4168];

function parseTileUrl(raw: string | undefined): { tileUrl: string; tileOrigin: string | null } {
  const tileUrl = (raw ?? '').trim();
  if (!tileUrl) return { tileUrl: '', tileOrigin: null };
  const match = /^(https?):\/\/([^/?#]+)\//.exec(tileUrl);
  // Only the {s} sub-domain placeholder may appear in the host; it becomes a wildcard.
  const host = match?.[2]?.replaceAll('{s}', '*');
  if (!match || !host || /[{}\s]/.test(host) || !tileUrl.includes('{z}')) {
    throw new Error(
      `COPE_MAP_TILE_URL must be a tile address such as https://tile.example.org/{z}/{x}/{y}.png (got "${tileUrl}")`,
    );
  }
  return { tileUrl, tileOrigin: `${match[1]}://${host}` };
}

function parseCenter(raw: string | undefined): [number, number] {
  if (!raw) return DEFAULT_MAP_CENTER;
  const [lng, lat, ...rest] = raw.split(',').map((part) => Number(part.trim()));
  if (
    rest.length > 0 ||
    lng === undefined ||
    lat === undefined ||
    !Number.isFinite(lng) ||
    !Number.isFinite(lat) ||
    Math.abs(lng) > 180 ||
    Math.abs(lat) > 90
  ) {
    throw new Error(`COPE_MAP_CENTER must be "longitude,latitude", such as -3.7038,40.4168 (got "${raw}")`);
  }
  return [lng, lat];
}

function parseZoom(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 13;
  const zoom = Number(raw);
  if (!Number.isInteger(zoom) || zoom < 1 || zoom > 19) {
    throw new Error(`COPE_MAP_ZOOM must be a whole number between 1 and 19 (got "${raw}")`);
  }
  return zoom;
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
    map: {
      ...parseTileUrl(env.COPE_MAP_TILE_URL),
      attribution: (env.COPE_MAP_ATTRIBUTION ?? '').trim(),
      center: parseCenter(env.COPE_MAP_CENTER),
      zoom: parseZoom(env.COPE_MAP_ZOOM),
    },
  };
}
