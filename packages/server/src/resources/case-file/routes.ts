import type { AppContext } from '../../http/context.js';

/** Placeholder until these routes are built in this change. */
export async function caseFileRoutes(_ctx: AppContext): Promise<void> {}
