/**
 * The map's settings: no tiles unless configured (offline deployments work fully), a tile
 * server allowed for images by the content security policy only when one is set, and clear
 * start-up errors for settings that cannot work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: '/nonexistent', ...env }, []);

describe('map settings', () => {
  it('default to no tiles, a city centre and zoom 13', () => {
    expect(load({}).map).toEqual({
      tileUrl: '',
      tileOrigin: null,
      attribution: '',
      center: [-3.7038, 40.4168],
      zoom: 13,
    });
  });

  it('read a tile server, its credit and where the map opens', () => {
    const map = load({
      COPE_MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png',
      COPE_MAP_ATTRIBUTION: '© Example contributors',
      COPE_MAP_CENTER: '9.19, 45.4642',
      COPE_MAP_ZOOM: '12',
    }).map;
    expect(map).toEqual({
      tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png',
      tileOrigin: 'https://*.tiles.example.org',
      attribution: '© Example contributors',
      center: [9.19, 45.4642],
      zoom: 12,
    });
  });

  it.each([
    ['COPE_MAP_TILE_URL', 'tiles.example.org/{z}/{x}/{y}.png'],
    ['COPE_MAP_TILE_URL', 'https://tiles.example.org/tile.png'],
    ['COPE_MAP_CENTER', '40.4168'],
    ['COPE_MAP_CENTER', '-3.7,95'],
    ['COPE_MAP_ZOOM', '25'],
  ])('refuse %s=%s at start with a message naming the setting', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(name);
  });
});

describe('the content security policy and the map', () => {
  let database: TestDatabase;
  const apps: Awaited<ReturnType<typeof buildApp>>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.destroy();
  });

  const imageSources = async (env: Record<string, string>) => {
    const app = await buildApp({ config: load(env), database: database.handle, keyring: database.keyring });
    apps.push(app);
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    return /img-src ([^;]+)/.exec(csp)?.[1];
  };

  it('allows images from our own origin only when no tile server is set', async () => {
    expect(await imageSources({})).toBe("'self' data:");
  });

  it('allows the tile server when one is set', async () => {
    expect(await imageSources({ COPE_MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' })).toBe(
      "'self' data: https://tiles.example.org",
    );
  });
});
