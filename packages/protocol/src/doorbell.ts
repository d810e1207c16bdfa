import { z } from 'zod';
import { Id } from './model.ts';

/**
 * The community doorbell (issue 15, item 19): a socket.io namespace where the open home
 * of a community hears that something changed, and then fetches the home again over the
 * HTTP API. A ring carries what kind of thing changed and, for a convening, its schedule
 * id; never a name, a title or an answer, so each reader's redaction stays where it is
 * (core community views, behind GET /api/communities/:id).
 */
export const DOORBELL_NAMESPACE = '/community';

/** Socket.io event names of the doorbell namespace. No other file spells them out. */
export const DOORBELL_EVENTS = {
  /** server → client: something the home shows changed; fetch it again. */
  changed: 'community.changed',
} as const;

/** What changed: planned convenings (and their start), members, working groups, the community's own settings, the hub. */
export const CommunityChangeKind = z.enum(['schedule', 'members', 'groups', 'community', 'hub']);
export type CommunityChangeKind = z.infer<typeof CommunityChangeKind>;

export const CommunityChanged = z.strictObject({ kind: CommunityChangeKind, scheduleId: Id.optional() });
export type CommunityChanged = z.infer<typeof CommunityChanged>;

/**
 * The handshake `auth` of a doorbell connection. A member sends their `m1.…` credential;
 * a facilitator sends none and is known by the session cookie the browser sends along.
 */
export const DoorbellAuth = z.strictObject({
  communityId: Id,
  protocolVersion: z.number().int(),
  token: z.string().min(1).max(1024).optional(),
});
export type DoorbellAuth = z.infer<typeof DoorbellAuth>;

/** Typed socket.io maps of the doorbell namespace: the server only rings, the client says nothing. */
export interface DoorbellToClient {
  'community.changed': (msg: CommunityChanged) => void;
}
export type DoorbellToServer = Record<string, never>;
