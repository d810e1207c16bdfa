import type { NextFunction, Request, Response } from 'express';
import type { ZodType } from 'zod';
import { HTTP_STATUS, schemaError, type ApiError } from '@brave/protocol';
import { StoreUnavailableError } from '../store/types.ts';
import { localiseError, requestLanguage } from './language.ts';

export class HttpError extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
}

/** A typed refusal, its message in the language the request asked for (http/language.ts). */
export const fail = (res: Response, error: ApiError): void => {
  if (error.retryAfterMs) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
  res.setHeader('Vary', 'Accept-Language');
  res.status(HTTP_STATUS[error.code]).json({ error: localiseError(error, requestLanguage(res.req)) });
};

/** Parse a body with its schema or throw a 400 naming the field. */
export function parseBody<T>(schema: ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new HttpError(schemaError(parsed.error, 'body'));
  return parsed.data;
}

/** Last handler: typed errors as they are; body-parser and unknown errors made readable. */
export function errorHandler(log: (msg: string, err?: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof HttpError) return fail(res, err.body);
    if (err instanceof StoreUnavailableError) {
      log('http: write refused', err);
      return fail(res, { code: 'store_unavailable', message: 'We could not save that just now, so nothing was created. Please try again.', messageKey: 'notSaved' });
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return fail(res, { code: 'too_large', message: 'That request body is too large.', messageKey: 'tooLargeBody' });
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return fail(res, { code: 'bad_request', message: 'The request body is not valid JSON.', messageKey: 'badJson' });
    }
    log('http: unexpected error', err);
    fail(res, { code: 'internal', message: 'Something went wrong on our side.', messageKey: 'internal' });
  };
}
