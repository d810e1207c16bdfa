import { z } from 'zod';
import { Signer, type SignedFormat } from '../auth/signed.ts';
import type { MemberTokenVerifier } from './directory.ts';

/**
 * Member credentials: `m1.<claims>.<hmac>`, signed with the server secret. The prefix is
 * part of what is signed, so a member credential can never pass as a convening one
 * (`v1.…`) or the other way round. No expiry: it stays good while the member exists and
 * `v` equals the stored credential version (a re-issue bumps it).
 */
const Claims = z.object({ cm: z.string().max(64), m: z.string().max(64), v: z.number().int().min(0) });

const M1: SignedFormat<z.infer<typeof Claims>> = { prefix: 'm1', claims: Claims, maxLength: 1024, macCoversPrefix: true };

export class MemberTokens implements MemberTokenVerifier {
  private readonly signer: Signer;

  constructor(secret: string) {
    this.signer = new Signer(secret);
  }

  issue(communityId: string, memberId: string, version: number): string {
    return this.signer.sign(M1, { cm: communityId, m: memberId, v: version });
  }

  /** The claims, or null for anything forged or malformed (the version is checked by the caller). */
  verify(token: unknown): { communityId: string; memberId: string; version: number } | null {
    const claims = this.signer.verify(M1, token);
    return claims ? { communityId: claims.cm, memberId: claims.m, version: claims.v } : null;
  }
}
