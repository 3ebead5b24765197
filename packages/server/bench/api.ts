/**
 * The HTTP side: starts the application in a worker thread and drives it with autocannon from
 * the main thread. Latencies are taken from autocannon's per-response event (sub-millisecond
 * precision; its own histogram rounds to whole milliseconds and has no p95).
 */
import { Worker } from 'node:worker_threads';
import autocannon, { type AutocannonOptions } from 'autocannon';
import type { ServerThreadData, ServerThreadMessage } from './server-thread.js';
import { type LatencySummary, summarize } from './stats.js';

export const SESSION_COOKIE = 'cope_session';
const WARMUP_SECONDS = 1;

export interface ApiServer {
  baseUrl: string;
  /** Graceful: closes the app and its pool (falls back to terminate after 5 s). */
  close(): Promise<void>;
  /** Immediate: stops the thread wherever it is (Ctrl-C). */
  terminate(): Promise<void>;
}

function isMessage(value: unknown): value is ServerThreadMessage {
  return typeof value === 'object' && value !== null && 'type' in value;
}

export function startApiServer(databaseUrl: string, poolSize: number, masterKey: string): Promise<ApiServer> {
  // Node 20 does not apply `--import tsx` to a worker's entry module, so the worker starts
  // from a line of JavaScript that loads the TypeScript entry through tsx's API.
  const entry = new URL('./server-thread.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const workerData: ServerThreadData = { databaseUrl, poolSize, masterKey };
  const worker = new Worker(bootstrap, { eval: true, execArgv: [], workerData });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the API server thread exited (code ${code})`)));
    worker.once('message', (message: unknown) => {
      if (!isMessage(message) || message.type !== 'listening') return reject(new Error('unexpected message'));
      resolve({
        baseUrl: `http://127.0.0.1:${message.port}`,
        close: () =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => void worker.terminate().then(() => done()), 5000);
            worker.once('message', () => {
              clearTimeout(timer);
              done();
            });
            worker.postMessage('close');
          }),
        terminate: () => worker.terminate().then(() => {}),
      });
    });
  });
}

/** One authenticated GET, for checking that an endpoint answers before it is measured. */
export async function apiGet(server: ApiServer, token: string, path: string): Promise<unknown> {
  const response = await fetch(server.baseUrl + path, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  const body: unknown = await response.json();
  if (response.status !== 200) {
    const code =
      typeof body === 'object' && body !== null && 'error' in body
        ? JSON.stringify(body.error)
        : 'no error code';
    // Error payloads carry a code and a generic message, never case data.
    throw new Error(`GET ${path.split('?')[0]} answered ${response.status}: ${code}`);
  }
  return body;
}

export async function measureApi(
  server: ApiServer,
  token: string,
  paths: readonly string[],
  connections: number,
  durationSeconds: number,
): Promise<LatencySummary> {
  const options: AutocannonOptions = {
    url: server.baseUrl,
    connections,
    headers: { cookie: `${SESSION_COOKIE}=${token}` },
    // Each connection cycles through the paths (one path: the same request every time).
    requests: paths.map((path) => ({ method: 'GET', path })),
  };
  await autocannon({ ...options, duration: WARMUP_SECONDS });

  const latencies: number[] = [];
  const run = autocannon({ ...options, duration: durationSeconds });
  run.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
  });
  const result = await run;
  const failures = result.non2xx + result.errors + result.timeouts;
  return summarize(latencies, failures, result.duration);
}
