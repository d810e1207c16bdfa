import { z } from 'zod';

/**
 * The one closed set of error codes. Server, client SDK and UI all speak these;
 * each maps to an HTTP status for the JSON API.
 */
export const ErrorCode = z.enum([
  'bad_request', // a body or payload failed its schema
  'unauthorized', // no credential, forged, expired, or for another convening
  'forbidden', // a valid credential whose role may not do this
  'not_found', // unknown join code, convening, signal, agreement...
  'conflict', // the action no longer fits the current state
  'rate_limited', // too many actions in a short time
  'too_large', // a message over its size limit
  'protocol_mismatch', // client speaks another protocol version
  'store_unavailable', // the database refused a write; nothing was recorded
  'closed', // the convening has ended
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Dotted path of the offending field, when a schema refused the input. */
  field: z.string().optional(),
  /** For rate_limited: how long until trying again makes sense. */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /**
   * The message's key in the server catalogue (packages/i18n, `server:errors.<key>`) and
   * its variables, so a client can say it in its reader's language. The server already
   * writes `message` in the language the request asked for (Accept-Language).
   */
  messageKey: z.string().max(80).regex(/^[a-zA-Z][\w.]*$/).optional(),
  messageVars: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  protocol_mismatch: 426,
  store_unavailable: 503,
  closed: 410,
  internal: 500,
};

/** Turn a zod failure into the typed error every boundary returns. */
export function schemaError(error: z.ZodError, what = 'input'): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = field
    ? `${what}: "${field}" ${issue?.message ?? 'is invalid'}`
    : `${what}: ${issue?.message ?? 'is invalid'}`;
  return field ? { code: 'bad_request', message, field } : { code: 'bad_request', message };
}

export function apiError(code: ErrorCode, message: string, extra?: Partial<ApiError>): ApiError {
  return { code, message, ...extra };
}
