/**
 * Stable error codes and their HTTP status, in one place. Clients and tests match on `code`;
 * `message` is for people and may change.
 */
export const ERRORS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  STEP_UP_REQUIRED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_MFA_CODE: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SETUP_ALREADY_DONE: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  // Authentication and staff administration.
  CSRF_TOKEN_INVALID: 403,
  INVALID_RECOVERY_CODE: 401,
  INVALID_PASSKEY: 401,
  ENROLMENT_LINK_REQUIRED: 403,
  SETUP_LINK_INVALID: 410,
  EMAIL_TAKEN: 409,
  // The consent register: an action she has not consented to. Details name the missing consent
  // ({ purpose, recipient, dataCategories }) so a client can offer to record it.
  CONSENT_REQUIRED: 409,
  // Her file is under a retention hold (open legal proceedings…): erasure waits until an
  // administrator clears it. Details list the active holds ({ id, reason, since }).
  RETENTION_HOLD_ACTIVE: 409,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERRORS[code];
  }
}

export const notFound = (what = 'This item') => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = () => new AppError('FORBIDDEN', 'You do not have permission to do this.');
