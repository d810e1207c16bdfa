import { actorIdOf, communityDocAbilities, communityDocAccess, listCommunityDocs, type CommunityActor } from '@brave/core';
import type { Account, AccountAuth } from '../accounts/auth.ts';
import type { CommunityDirectory, CommunityFacts } from '../community/directory.ts';
import { settle } from '../store/settle.ts';
import { refusal, type DocCaller, type Resolved } from './gate.ts';

/**
 * The community gate: a member credential (`m1.…`) or a facilitator's account opens the
 * community's toolkit drafts between convenings (core docs/community.ts decides). All it
 * needs from the communities side is this part of CommunityDirectory; the directory is
 * synchronous (SQLite), so it can be asked on every upgrade, request and re-check.
 */
export type CommunityDocFacts = Pick<CommunityDirectory, 'verifyMember' | 'facts' | 'nameOf'>;

export interface CommunityGateDeps {
  community?: CommunityDocFacts | undefined;
  accounts?: Pick<AccountAuth, 'fromCookieHeader'> | undefined;
}

/** A member, by their member credential. */
export async function memberCaller(deps: CommunityGateDeps, token: string): Promise<Resolved> {
  const build = (): Promise<DocCaller | null> => settle(() => {
    const member = deps.community?.verifyMember(token);
    return member ? callerFor(deps, member.communityId, { kind: 'member', memberId: member.memberId }, build) : null;
  });
  const caller = await build();
  return caller ? { ok: true, caller } : refusal('unauthorized', 'Your member credential is not valid any more; ask a facilitator for a new link.');
}

/**
 * A facilitator of `communityId`, by their account. `account` is who signed in now;
 * `again` asks the session again later (signed out everywhere ends open connections).
 */
export async function facilitatorCaller(
  deps: CommunityGateDeps,
  communityId: string,
  account: Account | null,
  again: () => Promise<Account | null>,
): Promise<Resolved> {
  if (!account) return refusal('unauthorized', 'Sign in, or use your member link, to open this community’s documents.');
  const facts = deps.community?.facts(communityId);
  if (!facts) return refusal('not_found', 'There is no such community.');
  const build = (who: Account | null, known?: CommunityFacts): Promise<DocCaller | null> =>
    settle(() => (who ? callerFor(deps, communityId, { kind: 'facilitator', accountId: who.id }, async () => build(await again()), known) : null));
  // The facts just read serve the first build; a refresh reads them again.
  const caller = await build(account, facts);
  return caller ? { ok: true, caller } : refusal('forbidden', 'Only this community’s facilitators and members open its documents.');
}

/** The caller, or null when the community is gone or this person no longer belongs to it. */
function callerFor(
  deps: CommunityGateDeps,
  communityId: string,
  who: CommunityActor,
  refresh: () => Promise<DocCaller | null>,
  facts = deps.community?.facts(communityId),
): DocCaller | null {
  if (!facts) return null;
  const belongs = who.kind === 'facilitator' ? facts.facilitators.includes(who.accountId) : facts.members.some((m) => m.id === who.memberId);
  if (!belongs) return null;
  const actorId = actorIdOf(who);
  return {
    actorId,
    rateKey: `${communityId}:${actorId}`,
    communityId,
    conveningId: null,
    context: facts.name,
    access: (ref) => communityDocAccess(facts, who, ref),
    abilities: (ref) => communityDocAbilities(facts, who, ref),
    list: () => listCommunityDocs(facts, who),
    nameOf: (id) => deps.community?.nameOf(communityId, id) ?? null,
    channelName: (ref) => (ref.kind === 'toolkit' ? facts.channels.find((c) => c.id === ref.channel)?.name : undefined),
    shareTarget: () => false,
    refresh,
  };
}
