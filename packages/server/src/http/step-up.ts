/**
 * Step-up: the most sensitive actions (revealing a protected witness's identity or address,
 * exporting a file, erasure) need a second factor presented in the last five minutes.
 * The client answers STEP_UP_REQUIRED by asking for a code (POST /api/auth/step-up) and retrying.
 */
import type { Viewer } from '../resources/auth/sessions.js';
import { AppError } from './errors.js';

export const STEP_UP_MAX_AGE_MS = 5 * 60_000;

export function hasFreshSecondFactor(viewer: Viewer, now = Date.now()): boolean {
  return viewer.stepUpAt !== null && now - viewer.stepUpAt.getTime() <= STEP_UP_MAX_AGE_MS;
}

export function requireStepUp(viewer: Viewer, now = Date.now()): void {
  if (!hasFreshSecondFactor(viewer, now)) {
    throw new AppError(
      'STEP_UP_REQUIRED',
      'For your safety, confirm it is you with a code from your authenticator app.',
    );
  }
}
