/**
 * Turns every failure into `{ error: { code, message, details } }` with the right status.
 * No stack trace, SQL or driver message ever reaches a client; unexpected errors are logged
 * by type and code only (their messages can quote data).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type ErrorCode } from './errors.js';

function send(code: ErrorCode, message: string, details?: unknown) {
  return {
    status: ERRORS[code],
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  };
}

const FASTIFY_CODES: Record<string, () => ReturnType<typeof send>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => send('MALFORMED_JSON', 'The request body is not valid JSON.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    send('MALFORMED_JSON', 'The request body is empty but JSON was announced.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => send('BODY_TOO_LARGE', 'The request body is too large.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    send('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    send('BAD_REQUEST', 'The request length does not match its body.'),
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let out: ReturnType<typeof send>;
    if (error instanceof AppError) {
      out = send(error.code, error.message, error.details);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => {
        const keys = (issue.params as { keys?: unknown }).keys;
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const field =
          issue.keyword === 'unrecognized_keys' && Array.isArray(keys)
            ? keys.map((k) => (path ? `${path}.${String(k)}` : String(k))).join(', ')
            : path || '(body)';
        const message =
          issue.keyword === 'unrecognized_keys' ? 'This field is not accepted here.' : issue.message;
        return { field, message };
      });
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const first = fields[0];
      const message = first
        ? `Check the ${where}: ${first.field} — ${first.message}`
        : `The ${where} is not valid.`;
      out = send('VALIDATION_FAILED', message, fields);
    } else if (error.code && FASTIFY_CODES[error.code]) {
      out = (FASTIFY_CODES[error.code] as () => ReturnType<typeof send>)();
    } else if (error.statusCode === 429) {
      out = send('RATE_LIMITED', 'Too many attempts. Wait a moment and try again.');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      out = send('BAD_REQUEST', 'The request could not be understood.');
    } else {
      request.log.error({ errName: error.name, errCode: error.code }, 'unexpected error');
      out = send('INTERNAL', 'Something went wrong on our side. Your saved data is safe; please try again.');
    }
    reply.status(out.status).header('cache-control', 'no-store').send(out.body);
  });
}
