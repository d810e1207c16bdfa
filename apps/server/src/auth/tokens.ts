import { Role } from '@brave/protocol';
import { z } from 'zod';
import { Signer, type SignedFormat } from './signed.ts';

/**
 * Credentials: `v1.<claims>.<hmac>`, signed with the server secret, bound to one
 * convening, one participant and one role. Nothing else grants access.
 */
const Claims = z.object({ c: z.string(), p: z.string(), r: Role, iat: z.number(), exp: z.number() });
export type Claims = z.infer<typeof Claims>;

const V1: SignedFormat<Claims> = { prefix: 'v1', claims: Claims, maxLength: 2048, macCoversPrefix: false };

export interface Credential {
  conveningId: string;
  participantId: string;
  role: Role;
}

export class TokenService {
  private readonly signer: Signer;

  constructor(
    secret: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.signer = new Signer(secret);
  }

  issue(cred: Credential): string {
    const iat = this.now();
    return this.signer.sign(V1, { c: cred.conveningId, p: cred.participantId, r: cred.role, iat, exp: iat + this.ttlMs });
  }

  /** The credential, or null for anything forged, malformed or expired. */
  verify(token: unknown): Credential | null {
    const claims = this.signer.verify(V1, token);
    if (!claims || claims.exp <= this.now()) return null;
    return { conveningId: claims.c, participantId: claims.p, role: claims.r };
  }
}
