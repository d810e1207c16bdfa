import { ApiRequestError } from '@brave/client';
import type { ApiError } from '@brave/protocol';
import { i18n } from './i18n.ts';

/** A sentence a person can act on, from whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiRequestError) return err.error.message;
  if (err instanceof TypeError) return i18n.t('app:errors.offline');
  return i18n.t('app:errors.unexpected');
}

/** The field a refusal names, when the server pointed at one. */
export function fieldOf(err: unknown): string | undefined {
  return err instanceof ApiRequestError ? err.error.field : undefined;
}

export function messageOf(error: ApiError | null | undefined): string | null {
  return error ? error.message : null;
}
