import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe: session cookies, csrf tokens and reset links. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Only this digest of a session or reset token is stored, so a copied database opens nothing. */
export const sha256 = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Compare two secrets without leaking, through timing, how much of them matched. */
export function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a === b;
}
