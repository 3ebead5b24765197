/**
 * What travels with a redirect through the sign-in pages: why the person is there and where
 * they were going. Only paths of this app are accepted as destinations.
 */
export type SignedOutReason = 'idle' | 'session_ended' | 'signed_out';

export interface AuthFlowState {
  reason?: SignedOutReason;
  from?: string;
}

const REASONS: readonly SignedOutReason[] = ['idle', 'session_ended', 'signed_out'];

/** Pages reachable without a full session. */
export const PUBLIC_PATHS: readonly string[] = [
  '/login',
  '/setup',
  '/mfa',
  '/mfa/enrol',
  '/mfa/link-required',
];

export const DEFAULT_PATH = '/participants';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function readAuthFlowState(state: unknown): AuthFlowState {
  if (!isRecord(state)) return {};
  const out: AuthFlowState = {};
  const { reason, from } = state;
  if (typeof reason === 'string') {
    const known = REASONS.find((r) => r === reason);
    if (known) out.reason = known;
  }
  if (typeof from === 'string') out.from = from;
  return out;
}

/** A same-app path to continue to after signing in; anything else falls back to the default. */
export function safeReturnPath(from: string | undefined): string {
  if (!from?.startsWith('/') || from.startsWith('//') || from.includes('\\')) return DEFAULT_PATH;
  const pathOnly = from.split(/[?#]/)[0] ?? '';
  if (pathOnly === '/' || PUBLIC_PATHS.includes(pathOnly)) return DEFAULT_PATH;
  return from;
}

// Whether this page has seen a fully signed-in session. A 401 then means "your session ended";
// before that it only means "please sign in".
let sawSession = false;

export function markSessionSeen(seen: boolean): void {
  sawSession = seen;
}

export function hasSeenSession(): boolean {
  return sawSession;
}
