/** Her needs (integration itinerary): routes are added with the resource. */
import type { AppContext } from '../../http/context.js';

export async function needsRoutes(_context: AppContext): Promise<void> {}
