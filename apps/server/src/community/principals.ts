import type { Request } from 'express';
import { Id, type CommunityInfo } from '@brave/protocol';
import type { CommunityActor } from '@brave/core';
import type { Account, AccountAuth } from '../accounts/auth.ts';
import { HttpError } from '../http/respond.ts';
import type { MemberPrincipal, MemberTokenVerifier } from './directory.ts';
import type { MemberStore } from './members-store.ts';
import type { CommunityStore } from './store.ts';

/** Who is calling a community route, and the community they call about. */
export type Caller =
  | { kind: 'facilitator'; account: Account; actor: CommunityActor & { kind: 'facilitator' }; community: CommunityInfo }
  | { kind: 'member'; member: MemberPrincipal; actor: CommunityActor & { kind: 'member' }; community: CommunityInfo };

export interface PrincipalDeps {
  auth: AccountAuth;
  communities: CommunityStore;
  members: Pick<MemberStore, 'active'>;
  tokens: MemberTokenVerifier;
}

const bearer = (req: Request): string | null => /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? null;

export const notFound = () => new HttpError({ code: 'not_found', message: 'We could not find that community.' });

export function communityIdOf(raw: unknown): string {
  const id = Id.safeParse(raw);
  if (!id.success) throw notFound();
  return id.data;
}

export function principals({ auth, communities, members, tokens }: PrincipalDeps) {
  const community = (id: string) => communities.get(id);

  /** The member behind a credential, asked of the store (forged, re-issued, or they left: null). */
  async function verifyMember(token: string | null): Promise<MemberPrincipal | null> {
    const claims = tokens.verify(token);
    const m = claims ? await members.active(claims.communityId, claims.memberId, claims.version) : null;
    return claims && m ? { communityId: claims.communityId, memberId: claims.memberId, name: m.name } : null;
  }

  /** A facilitator of this community (account cookie; CSRF on unsafe methods, via AccountAuth). */
  async function facilitator(req: Request, rawId: unknown): Promise<Caller & { kind: 'facilitator' }> {
    const id = communityIdOf(rawId);
    const account = await auth.require(req);
    const found = await community(id);
    if (!found) throw notFound();
    if (!(await communities.isFacilitator(id, account.id))) {
      throw new HttpError({ code: 'forbidden', message: 'Only the facilitators of this community can do that.' });
    }
    await communities.refreshName(account.id, account.name);
    return { kind: 'facilitator', account, actor: { kind: 'facilitator', accountId: account.id }, community: found };
  }

  /** A member of this community, by their `m1.…` Bearer credential. */
  async function member(req: Request, rawId: unknown): Promise<Caller & { kind: 'member' }> {
    const id = communityIdOf(rawId);
    const principal = await verifyMember(bearer(req));
    if (!principal || principal.communityId !== id) {
      throw new HttpError({ code: 'unauthorized', message: 'This needs your member link for this community. Ask a facilitator to send you a new one if it was lost.' });
    }
    const found = await community(id);
    if (!found) throw notFound();
    return { kind: 'member', member: principal, actor: { kind: 'member', memberId: principal.memberId }, community: found };
  }

  /** Either: a member credential when one is sent, else the facilitator's session. */
  async function either(req: Request, rawId: unknown): Promise<Caller> {
    const token = bearer(req);
    if (token?.startsWith('m1.')) return member(req, rawId);
    return facilitator(req, rawId);
  }

  return { facilitator, member, either };
}
export type Principals = ReturnType<typeof principals>;
