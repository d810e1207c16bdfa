import { createHmac, timingSafeEqual } from 'node:crypto';
import { Role } from '@brave/protocol';
import { z } from 'zod';

/**
 * Credentials: `v1.<claims>.<hmac>`, signed with the server secret, bound to one
 * convening, one participant and one role. Nothing else grants access.
 */
const Claims = z.object({ c: z.string(), p: z.string(), r: Role, iat: z.number(), exp: z.number() });
export type Claims = z.infer<typeof Claims>;

export interface Credential {
  conveningId: string;
  participantId: string;
  role: Role;
}

export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(cred: Credential): string {
    const iat = this.now();
    const claims: Claims = { c: cred.conveningId, p: cred.participantId, r: cred.role, iat, exp: iat + this.ttlMs };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `v1.${body}.${this.sign(body)}`;
  }

  /** The credential, or null for anything forged, malformed or expired. */
  verify(token: unknown): Credential | null {
    if (typeof token !== 'string' || token.length > 2048) return null;
    const [version, body, mac] = token.split('.');
    if (version !== 'v1' || !body || !mac) return null;
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
    if (!claims.success || claims.data.exp <= this.now()) return null;
    return { conveningId: claims.data.c, participantId: claims.data.p, role: claims.data.r };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
