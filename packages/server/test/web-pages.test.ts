/** The built web app: pages load index.html, a missing script is a 404 (never the page). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

describe('web pages', () => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Cope &amp; Hope</title>');
    writeFileSync(path.join(dist, 'assets', 'index-current.js'), 'export {};');
    database = await createTestDatabase('pglite');
    const config = loadConfig({ DATA_DIR: '/nonexistent' }, [], dist);
    app = await buildApp({ config, database: database.handle, keyring: database.keyring });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('answers app routes with the page', async () => {
    const page = await app.inject({ method: 'GET', url: '/participants/123?tab=consents' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('serves the current scripts and answers 404 for a script that no longer exists', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/index-current.js' })).statusCode).toBe(200);
    const stale = await app.inject({ method: 'GET', url: '/assets/index-old.js' });
    expect(stale.statusCode).toBe(404);
    expect(stale.headers['content-type']).not.toContain('text/html');
  });
});
