import type { CommunityChannel } from '@brave/protocol';

/**
 * What the rest of the server (documents, H3b) may ask about communities. Synchronous:
 * the store is SQLite, so access checks can run on every upgrade and every recheck.
 * Build one per server: `new CommunityDirectory(store, memberTokens)`; server.ts passes
 * it to attachCollab.
 */

/** A member, proven by their `m1.…` credential (current version, still a member). */
export interface MemberPrincipal {
  communityId: string;
  memberId: string;
  name: string;
}

export interface CommunityFacts {
  communityId: string;
  name: string;
  channels: CommunityChannel[];
  /** Account ids of its facilitators. */
  facilitators: string[];
  /** Current members (people who left are not here). */
  members: { id: string; name: string }[];
  workingGroups: { id: string; name: string; channels: string[]; members: string[] }[];
}

/** What the directory reads; CommunityStore implements it (apps/server/src/community/store.ts). */
export interface DirectorySource {
  facts(communityId: string): CommunityFacts | null;
  /** The member's name if they are a current member whose credential version is `version`. */
  activeMember(communityId: string, memberId: string, version: number): { name: string } | null;
  /** Any name this community knows for an id: members (also former ones, as renamed) and facilitator accounts. */
  nameOf(communityId: string, id: string): string | null;
}

export interface MemberTokenVerifier {
  verify(token: unknown): { communityId: string; memberId: string; version: number } | null;
}

export class CommunityDirectory {
  constructor(
    private readonly source: DirectorySource,
    private readonly tokens: MemberTokenVerifier,
  ) {}

  /** The member behind a credential, or null (forged, re-issued, or they left). Never throws. */
  verifyMember(token: unknown): MemberPrincipal | null {
    const claims = this.tokens.verify(token);
    if (!claims) return null;
    try {
      const m = this.source.activeMember(claims.communityId, claims.memberId, claims.version);
      return m ? { communityId: claims.communityId, memberId: claims.memberId, name: m.name } : null;
    } catch {
      return null;
    }
  }

  /** The community's channels, facilitators, members and working groups; null if there is none. */
  facts(communityId: string): CommunityFacts | null {
    return this.source.facts(communityId);
  }

  /** A display name for document version authors (member id or account id); null if unknown. */
  nameOf(communityId: string, id: string): string | null {
    return this.source.nameOf(communityId, id);
  }
}
