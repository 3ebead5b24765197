/** Facts about the deployment: set up yet? demo data? Read through the app role. */
import { instance } from '../../db/schema.js';
import type { TenantDb } from '../../db/tenant.js';

export interface InstanceInfo {
  mode(): Promise<'production' | 'demo' | null>;
  isDemo(): Promise<boolean>;
}

export function instanceInfo(db: TenantDb): InstanceInfo {
  let cached: 'production' | 'demo' | null = null;
  const mode = async () => {
    // Once set, the mode never changes; before that, ask every time.
    if (cached) return cached;
    const [row] = await db.run({ organizationId: null, userId: null }, (tx) =>
      tx.select({ mode: instance.mode }).from(instance).limit(1),
    );
    cached = row?.mode ?? null;
    return cached;
  };
  return { mode, isDemo: async () => (await mode()) === 'demo' };
}
