/** Her incident log, the organization's risk management protocol and its safety settings. */
import type { AppContext } from '../../http/context.js';

export async function incidentRoutes(_context: AppContext): Promise<void> {}
