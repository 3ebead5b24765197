/** The organization's risk areas, the map's settings and the places recorded for her. */
import type { AppContext } from '../../http/context.js';

export async function riskAreaRoutes(_context: AppContext): Promise<void> {}
