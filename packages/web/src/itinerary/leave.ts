/** When moving elsewhere in the app takes work not yet saved off the screen (LeaveGuard asks first). */
import { PUBLIC_PATHS } from '../auth/navigation';

/** The search parameters that say which tab and part of her case are on screen. */
const PLACE_PARAMS = ['tab', 'part'] as const;

type Place = { pathname: string; search: string };

/**
 * Another page, or another tab or part of her case, takes the work off the screen; a change of
 * any other parameter does not. The sign-in pages (a session that ended) are never held up.
 */
export function leavesPart(current: Place, next: Place): boolean {
  if (PUBLIC_PATHS.includes(next.pathname)) return false;
  if (next.pathname !== current.pathname) return true;
  const from = new URLSearchParams(current.search);
  const to = new URLSearchParams(next.search);
  return PLACE_PARAMS.some((name) => from.get(name) !== to.get(name));
}
