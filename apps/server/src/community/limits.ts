import { HttpError } from '../http/respond.ts';

/**
 * A count limit was reached (config.ts CommunityLimits): the request itself is fine, but the
 * community or account is full until something is removed, so it is a `conflict`, not
 * `too_large` (which is about one message's size).
 */
export const atLimit = (message: string): HttpError => new HttpError({ code: 'conflict', message });

/** 5000 → "5,000" in refusals. */
export const count = (n: number): string => n.toLocaleString('en');
