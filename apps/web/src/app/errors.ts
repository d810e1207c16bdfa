import { ApiRequestError } from '@brave/client';
import type { ApiError } from '@brave/protocol';
import { currentLanguage, i18n } from './i18n.ts';

/**
 * A refusal in the reader's language. The server names its sentence (`messageKey`) for
 * the refusals people meet most; those are said from the catalogue in any language. The
 * others keep the server's English for English readers and, for the rest, the
 * catalogue's sentence for the typed code (docs/languages.md).
 */
export function sayError(error: ApiError): string {
  const keys = [
    ...(error.messageKey ? [`server:errors.${error.messageKey}`] : []),
    ...(currentLanguage() === 'en' ? [] : [...(error.field && error.code === 'bad_request' ? ['server:errors.field'] : []), `server:errors.code.${error.code}`]),
  ];
  if (keys.length === 0) return error.message;
  // Keys built at run time from a typed code: the catalogue's types cannot follow them here.
  const t = i18n.t as unknown as (keys: string[], options: Record<string, unknown>) => string;
  return t(keys, { ...error.messageVars, field: error.field, defaultValue: error.message });
}

/** A sentence a person can act on, from whatever went wrong. */
export function describeError(err: unknown): string {
  if (err instanceof ApiRequestError) return sayError(err.error);
  if (err instanceof TypeError) return i18n.t('app:errors.offline');
  return i18n.t('app:errors.unexpected');
}

/** The field a refusal names, when the server pointed at one. */
export function fieldOf(err: unknown): string | undefined {
  return err instanceof ApiRequestError ? err.error.field : undefined;
}

export function messageOf(error: ApiError | null | undefined): string | null {
  return error ? sayError(error) : null;
}
