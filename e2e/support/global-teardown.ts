import { existsSync, readFileSync } from 'node:fs';
import { PIDS } from './servers.js';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(PIDS)) return;
  for (const pid of JSON.parse(readFileSync(PIDS, 'utf8')) as number[]) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  }
}
