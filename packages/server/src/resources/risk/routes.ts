/** Her risk assessments, the level in force, the risk management plan and reported changes. */
import type { AppContext } from '../../http/context.js';

export async function riskRoutes(_context: AppContext): Promise<void> {}
