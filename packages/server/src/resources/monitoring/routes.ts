/** Her monitoring (integration itinerary): routes are added with the resource. */
import type { AppContext } from '../../http/context.js';

export async function monitoringRoutes(_context: AppContext): Promise<void> {}
