/**
 * The community's web paths. /c/<id> is shared with a participant's place in a live
 * convening (/c/<conveningId>): community ids start with `k_` (convening ids with `c_`),
 * and every sub-path below /c/<id>/ belongs to communities.
 *   /communities               the facilitator's communities, and a new one
 *   /c/<id>                    community home
 *   /c/<id>/join#code=…        member invite
 *   /c/<id>/welcome#claim=…    a re-issued member link is claimed here
 *   /c/<id>/cohost#code=…      a co-facilitator accepts
 *   /c/<id>/me                 my data
 *   /c/<id>/doc/<channelId>    a toolkit draft
 *   /c/<id>/hub                the hub between convenings
 *   /c/<id>/hub/<postId>       one thread of the hub
 */
export type CommunityPage =
  | { kind: 'home' }
  | { kind: 'join' }
  | { kind: 'welcome' }
  | { kind: 'cohost' }
  | { kind: 'me' }
  | { kind: 'doc'; channel: string }
  | { kind: 'hub'; postId: string | null };

export type CommunityRoute = { name: 'communities' } | { name: 'community'; id: string; page: CommunityPage };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CHANNEL = /^[a-z0-9-]{1,32}$/;

const isCommunityId = (id: string): boolean => id.startsWith('k_') && ID.test(id);

/** The community route of these path segments, 'missing' for a community path that leads nowhere, or null when not ours. */
export function communityRoute(parts: readonly string[]): CommunityRoute | 'missing' | null {
  const [head, id, sub, arg, ...more] = parts;
  if (head === 'communities') return id === undefined ? { name: 'communities' } : 'missing';
  if (head !== 'c' || id === undefined) return null;
  if (sub === undefined) return isCommunityId(id) ? { name: 'community', id, page: { kind: 'home' } } : null;
  if (!ID.test(id) || more.length > 0) return 'missing';
  if (sub === 'doc') return arg !== undefined && CHANNEL.test(arg) ? { name: 'community', id, page: { kind: 'doc', channel: arg } } : 'missing';
  if (sub === 'hub') return arg === undefined ? { name: 'community', id, page: { kind: 'hub', postId: null } } : ID.test(arg) ? { name: 'community', id, page: { kind: 'hub', postId: arg } } : 'missing';
  if (arg !== undefined) return 'missing';
  if (sub === 'join' || sub === 'welcome' || sub === 'cohost' || sub === 'me') return { name: 'community', id, page: { kind: sub } };
  return 'missing';
}

export const homeHref = (id: string): string => `/c/${encodeURIComponent(id)}`;
export const myDataHref = (id: string): string => `${homeHref(id)}/me`;
export const draftHref = (id: string, channel: string): string => `${homeHref(id)}/doc/${encodeURIComponent(channel)}`;
export const hubHref = (id: string, postId?: string): string => `${homeHref(id)}/hub${postId ? `/${encodeURIComponent(postId)}` : ''}`;
