import type { IncomingMessage } from 'node:http';
import { createTranslator, isLanguage, languageFromHeader, type Language } from '@brave/i18n';
import type { ApiError } from '@brave/protocol';

/**
 * The server's words for people come from the same catalogue as the web app's
 * (packages/i18n). One translator for the process: its catalogues never change.
 */
export const translate = createTranslator();

/** The reader's language: `?lang=es` when a link says so, else Accept-Language, else English. */
export function requestLanguage(req: IncomingMessage & { query?: unknown }): Language {
  const asked = (req.query as { lang?: unknown } | undefined)?.lang;
  if (isLanguage(asked)) return asked;
  return languageFromHeader(req.headers['accept-language']);
}

/**
 * A refusal in the reader's language. The typed `code` and `field` never change; English
 * readers get the exact sentence the rule wrote. Others get the catalogue's sentence for
 * its `messageKey`, else one naming the field, else the one for its code.
 */
export function localiseError(error: ApiError, lng: Language): ApiError {
  if (lng === 'en') return error;
  const keys = [
    ...(error.messageKey ? [`server:errors.${error.messageKey}`] : []),
    ...(error.field && error.code === 'bad_request' ? ['server:errors.field'] : []),
    `server:errors.code.${error.code}`,
  ];
  // Keys built at run time from a typed code: the catalogue's types cannot follow them here.
  const t = translate(lng) as unknown as (keys: string[], vars: Record<string, unknown>) => string;
  return { ...error, message: t(keys, { ...error.messageVars, field: error.field }) };
}
