/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, JSON
 * both ways, responses checked against the shared contracts, and failures turned into an
 * ApiError carrying the server's stable error code. Every write carries the session's CSRF
 * token (kept in memory only, learnt from any response that has one); a call refused with
 * STEP_UP_REQUIRED asks for the second factor again and is sent once more.
 */
import { type TFieldIssue, ZErrorResponse, ZFieldIssue } from '@cope/contracts';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: TFieldIssue[],
    readonly status: number,
    /** From Retry-After on 429: how long the server asks to wait. */
    readonly retryAfterSeconds: number | null = null,
    /** `details` as the server sent them (e.g. the missing consent of CONSENT_REQUIRED). */
    readonly rawDetails: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The issue the server reported for one field, if any. */
  fieldIssue(field: string): TFieldIssue | undefined {
    return this.details.find((issue) => issue.field === field);
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** Anything with a Zod-like `parse`: the contracts' schemas. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Set to false where a 401 is expected and handled by the caller (signing out, expiry). */
  redirectOnUnauthenticated?: boolean;
  /** Sees the raw response (headers) before its body is checked. */
  onResponse?: (response: Response) => void;
}

type Handler = () => void;
let unauthenticatedHandler: Handler | null = null;
let mfaRequiredHandler: Handler | null = null;
/** Resolves true once the person has confirmed it is her (step-up), false if she cancelled. */
type StepUpHandler = () => Promise<boolean>;
let stepUpHandler: StepUpHandler | null = null;
let csrfToken: string | null = null;

export const CSRF_HEADER = 'x-csrf-token';

/** Sets the token sent with every write; null forgets it (signing out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a sensitive action needs a fresh second factor (code STEP_UP_REQUIRED). */
export function setStepUpHandler(handler: StepUpHandler | null): void {
  stepUpHandler = handler;
}

/**
 * Asks for a fresh second factor through the step-up dialog, for calls that do not go through
 * `api` (file downloads). Resolves false when cancelled or when no dialog is mounted.
 */
export function requestStepUp(): Promise<boolean> {
  return stepUpHandler ? stepUpHandler() : Promise.resolve(false);
}
const activityListeners = new Set<(path: string) => void>();

/** Called when the server says the session is gone (code UNAUTHENTICATED). */
export function setUnauthenticatedHandler(handler: Handler | null): void {
  unauthenticatedHandler = handler;
}

/** Called when the server says the second factor is still missing (code MFA_REQUIRED). */
export function setMfaRequiredHandler(handler: Handler | null): void {
  mfaRequiredHandler = handler;
}

/** Every successful call extends the server session; the idle timer listens to this. */
export function onApiActivity(listener: (path: string) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

// Server clock minus local clock, measured on the first response of the page and then kept.
// Session expiry times come from the server; a device whose clock is off by minutes would
// otherwise warn too late or sign out too early. Measuring once keeps later network delays
// from making the idle timer jitter.
let clockOffsetMs: number | null = null;

/** The server's time when it sent this response (its Date header has one-second resolution). */
export function responseServerTime(response: Response): number | null {
  const header = response.headers.get('date');
  const time = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(time) ? null : time + 500;
}

function trackServerClock(response: Response): void {
  if (clockOffsetMs !== null) return;
  const serverTime = responseServerTime(response);
  if (serverTime === null) return;
  const offset = serverTime - Date.now();
  clockOffsetMs = Math.abs(offset) > 3_000 ? offset : 0;
}

/** Converts a server timestamp (ISO 8601) to local epoch milliseconds. */
export function serverTimeToLocal(iso: string): number {
  return Date.parse(iso) - (clockOffsetMs ?? 0);
}

function retryAfter(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

function learnCsrfToken(json: unknown): void {
  if (
    typeof json === 'object' &&
    json !== null &&
    'csrfToken' in json &&
    typeof json.csrfToken === 'string'
  ) {
    csrfToken = json.csrfToken;
  }
}

/** Asks the server for this session's CSRF token again (another tab may have rotated the session). */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/auth/me', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return false;
    const before = csrfToken;
    learnCsrfToken(await readJson(response));
    return csrfToken !== null && csrfToken !== before;
  } catch {
    return false;
  }
}

function toApiError(status: number, body: unknown, retryAfterSeconds: number | null = null): ApiError {
  const parsed = ZErrorResponse.safeParse(body);
  if (!parsed.success) {
    return new ApiError(
      status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
      `Unexpected response (${status}).`,
      [],
      status,
    );
  }
  const { code, message, details } = parsed.data.error;
  const issues = Array.isArray(details)
    ? details.flatMap((item) => {
        const issue = ZFieldIssue.safeParse(item);
        return issue.success ? [issue.data] : [];
      })
    : [];
  return new ApiError(code, message, issues, status, retryAfterSeconds, details ?? null);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function api<T>(
  path: string,
  schema: ResponseSchema<T>,
  options: RequestOptions = {},
  retried: { csrf?: boolean; stepUp?: boolean } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | FormData | undefined;
  if (method !== 'GET') {
    if (options.body instanceof FormData) {
      // File uploads: the browser sets the multipart content type with its boundary.
      body = options.body;
    } else {
      // Other writes are JSON; an empty object stands for "no body".
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body ?? {});
    }
    if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', 'The server could not be reached.', [], 0);
  }
  trackServerClock(response);
  options.onResponse?.(response);
  const json = await readJson(response);

  if (!response.ok) {
    const error = toApiError(response.status, json, retryAfter(response));
    if (error.code === 'CSRF_TOKEN_INVALID' && !retried.csrf && (await refreshCsrfToken())) {
      return api(path, schema, options, { ...retried, csrf: true });
    }
    if (error.code === 'STEP_UP_REQUIRED' && !retried.stepUp && stepUpHandler && (await stepUpHandler())) {
      return api(path, schema, options, { ...retried, stepUp: true });
    }
    if (options.redirectOnUnauthenticated !== false) {
      if (error.code === 'UNAUTHENTICATED') unauthenticatedHandler?.();
      if (error.code === 'MFA_REQUIRED') mfaRequiredHandler?.();
    }
    throw error;
  }

  learnCsrfToken(json);
  for (const listener of activityListeners) listener(path);
  try {
    return schema.parse(json);
  } catch {
    throw new ApiError(
      'BAD_RESPONSE',
      'The server sent a response this version of the app does not understand.',
      [],
      0,
    );
  }
}
