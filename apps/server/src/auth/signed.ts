import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/**
 * Signed claims: `<prefix>.<base64url JSON>.<base64url HMAC-SHA256>` under the server
 * secret. Every bearer credential the server issues (convening `v1.`, member `m1.`) is one
 * of these, so the rules for forging, size and comparison live in this one place.
 */
export interface SignedFormat<T> {
  prefix: string;
  claims: z.ZodType<T>;
  /** Longer strings are refused before any work is done. */
  maxLength: number;
  /**
   * Whether the HMAC covers `<prefix>.<body>` (domain separation: a token of one kind can
   * never pass as another) or the bare body. `v1` predates the rule and keeps its bytes so
   * tokens already handed out still verify; every newer format covers its prefix.
   */
  macCoversPrefix: boolean;
}

export class Signer {
  constructor(private readonly secret: string) {}

  sign<T>(format: SignedFormat<T>, claims: T): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${format.prefix}.${body}.${this.mac(format, body)}`;
  }

  /** The claims, or null for anything forged, malformed, oversized or of another format. */
  verify<T>(format: SignedFormat<T>, token: unknown): T | null {
    if (typeof token !== 'string' || token.length > format.maxLength) return null;
    const [prefix, body, mac, extra] = token.split('.');
    if (prefix !== format.prefix || !body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(format, body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const claims = format.claims.safeParse(json);
    return claims.success ? claims.data : null;
  }

  private mac(format: SignedFormat<unknown>, body: string): string {
    const signed = format.macCoversPrefix ? `${format.prefix}.${body}` : body;
    return createHmac('sha256', this.secret).update(signed).digest('base64url');
  }
}
