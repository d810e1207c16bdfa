import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { MemberTokenVerifier } from './directory.ts';

/**
 * Member credentials: `m1.<claims>.<hmac>`, signed with the server secret. The prefix is
 * part of what is signed, so a member credential can never pass as a convening one
 * (`v1.…`) or the other way round. No expiry: it stays good while the member exists and
 * `v` equals the stored credential version (a re-issue bumps it).
 */
const Claims = z.object({ cm: z.string().max(64), m: z.string().max(64), v: z.number().int().min(0) });

export class MemberTokens implements MemberTokenVerifier {
  constructor(private readonly secret: string) {}

  issue(communityId: string, memberId: string, version: number): string {
    const body = Buffer.from(JSON.stringify({ cm: communityId, m: memberId, v: version })).toString('base64url');
    return `m1.${body}.${this.sign(body)}`;
  }

  /** The claims, or null for anything forged or malformed (the version is checked by the caller). */
  verify(token: unknown): { communityId: string; memberId: string; version: number } | null {
    if (typeof token !== 'string' || token.length > 1024) return null;
    const [prefix, body, mac, extra] = token.split('.');
    if (prefix !== 'm1' || !body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const claims = Claims.safeParse(json);
    return claims.success ? { communityId: claims.data.cm, memberId: claims.data.m, version: claims.data.v } : null;
  }

  private sign(body: string): string {
    // Domain-separated from convening credentials, which sign the bare body.
    return createHmac('sha256', this.secret).update(`m1.${body}`).digest('base64url');
  }
}
