import type { ApiError, DocSummary } from '@brave/protocol';
import { docAbilities, docAccess, isQuickConvening, isShareTarget, listDocs, type DocAbilities, type DocDecision, type DocRef, type Viewer } from '@brave/core';
import type { TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import type { ConveningRoom } from '../convening/room.ts';
import type { CommunityDirectory } from '../community/directory.ts';

/**
 * Who is calling the document API or holding a /collab connection, as their gate sees
 * them right now. There is one gate per kind of credential, chosen by the credential and
 * never by the document's name: a convening credential goes through the convening gate
 * (core docs/access.ts), a member credential or a facilitator's account through the
 * community gate (core docs/community.ts). Routes and connections only talk to this.
 */
export interface DocCaller {
  /** Recorded as the author of versions, restores and share-backs. */
  readonly actorId: string;
  /** Key of the per-person limit on saving, restoring, publishing and sharing. */
  readonly rateKey: string;
  /** The community whose toolkit drafts this caller reaches (re-checked when it changes). */
  readonly communityId: string;
  /** The convening whose notes this caller reaches; null through the community gate. */
  readonly conveningId: string | null;
  /** The convening title or the community name: shown under exports and publications. */
  readonly context: string;
  access(ref: DocRef): DocDecision;
  abilities(ref: DocRef): DocAbilities;
  list(): DocSummary[];
  /** A display name for a version author's id, or null when nobody here knows it
   *  (a plain function: routes hand it on without the caller). */
  readonly nameOf: (id: string) => string | null;
  /** The name a toolkit draft's channel has here (heads a new draft's template). */
  channelName(ref: DocRef): string | undefined;
  /** May passages of `from` be shared into `to` (the convening gate only; false elsewhere)? */
  shareTarget(from: DocRef, to: DocRef): boolean;
  /** The same credential asked again, on fresh facts; null once it no longer holds. */
  refresh(): Promise<DocCaller | null>;
}

export type Resolved = { ok: true; caller: DocCaller } | { ok: false; error: ApiError };

export const refusal = (code: ApiError['code'], message: string): Resolved => ({ ok: false, error: { code, message } });

export interface ConveningGateDeps {
  tokens: TokenService;
  rooms: RoomRegistry;
  /** Names of community members who wrote in a community's drafts between convenings. */
  community?: Pick<CommunityDirectory, 'nameOf'> | undefined;
}

/** The convening gate: a participant's convening credential (`v1.…`). */
export async function conveningCaller(deps: ConveningGateDeps, token: unknown): Promise<Resolved> {
  const cred = deps.tokens.verify(token);
  if (!cred) return refusal('unauthorized', 'A valid credential is needed to open documents; please join again.');
  const viewer: Viewer = { participantId: cred.participantId, role: cred.role };
  const callerIn = (room: ConveningRoom | null): DocCaller | null => {
    if (!room?.admits(viewer.participantId)) return null;
    const state = room.snapshot;
    return {
      actorId: viewer.participantId,
      rateKey: `${state.id}:${viewer.participantId}`,
      communityId: state.communityId,
      conveningId: state.id,
      context: state.title,
      access: (ref) => docAccess(state, viewer, ref),
      abilities: (ref) => docAbilities(state, viewer, ref),
      list: () => listDocs(state, viewer),
      nameOf: (id) => state.participants[id]?.name ?? (isQuickConvening(state) ? null : (deps.community?.nameOf(state.communityId, id) ?? null)),
      channelName: (ref) => (ref.kind === 'toolkit' ? state.channels.find((c) => c.id === ref.channel)?.name : undefined),
      shareTarget: (from, to) => isShareTarget(state, from, to),
      refresh: async () => callerIn(await deps.rooms.get(cred.conveningId)),
    };
  };
  const room = await deps.rooms.get(cred.conveningId);
  if (!room) return refusal('not_found', 'There is no such convening.');
  const caller = callerIn(room);
  return caller ? { ok: true, caller } : refusal('unauthorized', 'Your credential is not valid here; please join again.');
}

/** Is the document one of the caller's community (toolkit drafts) or convening (notes)? */
export const belongsTo = (caller: DocCaller, ref: DocRef): boolean =>
  ref.kind === 'toolkit' ? ref.communityId === caller.communityId : ref.conveningId === caller.conveningId;
