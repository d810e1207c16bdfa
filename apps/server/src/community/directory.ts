import type { CommunityChannel } from '@brave/protocol';

/**
 * What the rest of the server (documents, the doorbell) may ask about communities.
 * Documents ask synchronously, on every upgrade and re-check, so the directory keeps a
 * copy in memory of what they need (facts, current members' credential versions, names),
 * read from the community store at start-up and again for one community after each of
 * its writes commits in this process (the stores call `refresh` before they resolve), and
 * for all of them every `refreshMs` when several processes share the database.
 * The community routes ask the store itself (principals.ts), never this copy.
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

/** One community as the directory holds it. */
export interface DirectoryEntry {
  facts: CommunityFacts;
  /** Credential version of each current member. */
  versions: Map<string, number>;
  /** Every name the community knows for an id: members (also former ones, as renamed) and facilitators. */
  names: Map<string, string>;
  /** Members who left (or were removed). */
  former: Set<string>;
  /** Its live and past convenings (started schedules). */
  convenings: string[];
}

/** What the directory reads (community/index.ts builds it from the stores). */
export interface DirectorySource {
  ids(): Promise<string[]>;
  entry(communityId: string): Promise<DirectoryEntry | null>;
}

export interface MemberTokenVerifier {
  verify(token: unknown): { communityId: string; memberId: string; version: number } | null;
}

export class CommunityDirectory {
  private readonly entries = new Map<string, DirectoryEntry>();
  private timer: NodeJS.Timeout | null = null;
  /** Reads of one community run one after another, so an older read never lands last. */
  private readonly turns = new Map<string, Promise<void>>();
  private readonly byConvening = new Map<string, string>();

  constructor(
    private readonly source: DirectorySource,
    private readonly tokens: MemberTokenVerifier,
    private readonly log: (msg: string, err?: unknown) => void = () => undefined,
  ) {}

  /** Read every community (start-up; with several processes, again every `refreshMs`). */
  async load(refreshMs?: number): Promise<void> {
    const ids = await this.source.ids();
    for (const id of [...this.entries.keys()]) if (!ids.includes(id)) this.entries.delete(id);
    for (const id of ids) await this.refresh(id);
    if (refreshMs && !this.timer) {
      this.timer = setInterval(() => void this.load().catch((err) => this.log('directory: could not read the communities again', err)), refreshMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Read one community again (after a write of it committed). A refusal keeps the copy and is logged: the next write or load reads again. */
  refresh(communityId: string): Promise<void> {
    const turn = (this.turns.get(communityId) ?? Promise.resolve()).then(async () => {
      try {
        const entry = await this.source.entry(communityId);
        for (const c of this.entries.get(communityId)?.convenings ?? []) this.byConvening.delete(c);
        if (entry) this.entries.set(communityId, entry);
        else this.entries.delete(communityId);
        for (const c of entry?.convenings ?? []) this.byConvening.set(c, communityId);
      } catch (err) {
        this.log(`community ${communityId}: the directory could not read it again`, err);
      }
    });
    this.turns.set(communityId, turn);
    void turn.then(() => {
      if (this.turns.get(communityId) === turn) this.turns.delete(communityId);
    });
    return turn;
  }

  /** The member behind a credential, or null (forged, re-issued, or they left). Never throws. */
  verifyMember(token: unknown): MemberPrincipal | null {
    const claims = this.tokens.verify(token);
    if (!claims) return null;
    const entry = this.entries.get(claims.communityId);
    if (entry?.versions.get(claims.memberId) !== claims.version) return null;
    const name = entry.facts.members.find((m) => m.id === claims.memberId)?.name;
    return name === undefined ? null : { communityId: claims.communityId, memberId: claims.memberId, name };
  }

  /**
   * What decides whether a participant of a convening still belongs to its community
   * (community/hooks.ts stillBelongs): null for a quick convening. Account ids are the
   * only ids made with the `a_` prefix (accounts/routes.ts).
   */
  belonging(conveningId: string, participantId: string): { former: boolean; facilitator: boolean; account: boolean } | null {
    const communityId = this.byConvening.get(conveningId);
    const entry = communityId === undefined ? undefined : this.entries.get(communityId);
    if (!entry) return null;
    return { former: entry.former.has(participantId), facilitator: entry.facts.facilitators.includes(participantId), account: participantId.startsWith('a_') };
  }

  /** The community's channels, facilitators, members and working groups; null if there is none. */
  facts(communityId: string): CommunityFacts | null {
    return this.entries.get(communityId)?.facts ?? null;
  }

  /** A display name for document version authors (member id or account id); null if unknown. */
  nameOf(communityId: string, id: string): string | null {
    return this.entries.get(communityId)?.names.get(id) ?? null;
  }
}
