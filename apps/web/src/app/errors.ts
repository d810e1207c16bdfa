import { ApiRequestError } from '@brave/client';
import type { ApiError } from '@brave/protocol';

/** A sentence a person can act on, from whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiRequestError) return err.error.message;
  if (err instanceof TypeError) return 'We could not reach Brave Space. Check your connection and try again.';
  return 'Something went wrong on our side. Please try again.';
}

/** The field a refusal names, when the server pointed at one. */
export function fieldOf(err: unknown): string | undefined {
  return err instanceof ApiRequestError ? err.error.field : undefined;
}

export function messageOf(error: ApiError | null | undefined): string | null {
  return error ? error.message : null;
}
