import { z } from 'zod';
import { ChannelId } from './breakouts.ts';
import { Id, text } from './model.ts';

/**
 * Collaborative documents (issue 4): toolkit drafts and notes, edited live over the
 * standard y-websocket protocol at `/collab/<docName>?token=…`. Names:
 *   toolkit:<communityId>:<channelId>        one draft per channel of the community
 *   notes:<conveningId>:plenary              the plenary's notes
 *   notes:<conveningId>:<roundId>:<roomId>   a breakout or caucus room's notes
 * A quick convening is its own community (communityId = conveningId), so its drafts keep
 * their names. Ids never contain ':' (see Id), so the parts split unambiguously.
 */
export const DocChannel = ChannelId;
export type DocChannel = z.infer<typeof DocChannel>;

export const DOC_NAME_MAX = 200;
export const DocName = z
  .string()
  .max(DOC_NAME_MAX)
  .regex(/^(toolkit|notes):[A-Za-z0-9_-]+(:[A-Za-z0-9_-]+){1,2}$/, 'is not a document name');
export type DocName = z.infer<typeof DocName>;

/** What a document is, as the docs list shows it. */
export const DocKind = z.enum(['toolkit', 'plenary', 'room', 'caucus']);
export type DocKind = z.infer<typeof DocKind>;

export const DocAccess = z.enum(['read', 'write']);
export type DocAccess = z.infer<typeof DocAccess>;

export const DocSummary = z.object({ name: DocName, title: z.string(), kind: DocKind, access: DocAccess });
export type DocSummary = z.infer<typeof DocSummary>;

/** GET /api/convenings/:id/docs */
export const DocsListResult = z.object({ docs: z.array(DocSummary) });
export type DocsListResult = z.infer<typeof DocsListResult>;

/**
 * Close codes of a /collab connection. A refused upgrade is answered over HTTP instead
 * (401, 403, 404 with an ApiError body), since no websocket exists yet at that point.
 */
export const COLLAB_CLOSE = {
  /** Binary garbage, a truncated message, an unknown message type. */
  badMessage: 4400,
  /** Reserved: today a bad credential is refused before the upgrade, with HTTP 401. */
  unauthorized: 4401,
  /** Access changed while connected (moved out of a room): reconnecting will be refused. */
  forbidden: 4403,
  /** Reserved: today an unknown document is refused before the upgrade, with HTTP 404. */
  notFound: 4404,
  /** The peer stopped reading and its send buffer passed its bound. */
  tooSlow: 4408,
  /** A message over the size limit, or a write that would pass the document's size limit. */
  tooLarge: 4413,
  rateLimited: 4429,
  /** The store refused a write; nothing was relayed. Reconnect and your edits are re-sent. */
  unavailable: 4503,
  /** The server is shutting down or reloading the document; reconnect. */
  goingAway: 1001,
} as const;
export type CollabCloseCode = (typeof COLLAB_CLOSE)[keyof typeof COLLAB_CLOSE];

/**
 * Our one message beside y-protocols' (sync 0, awareness 1, auth 2, query awareness 3).
 * `stored`: a client sends the bare type to ask for receipts on this connection; the
 * server answers at once, and again after every write that stored an edit it sent, with
 * a Yjs snapshot (state vector and deletions) of what the document holds in the store.
 * An edit the snapshot contains is shared; until then it is only on the sender's device.
 */
export const COLLAB_MESSAGE = { stored: 4 } as const;

/** Defaults for the collaborative document limits (operators can change them by env). */
export const COLLAB_LIMITS = {
  /** Largest websocket message the server reads. */
  messageBytes: 2 * 1024 * 1024,
  /** Largest a document may grow (stored snapshot plus update log). */
  docBytes: 16 * 1024 * 1024,
  /** Messages per second per connection (token bucket), with a burst allowance. */
  messagesPerSecond: 100,
  messageBurst: 600,
  /** Stored updates after which a document is compacted into a snapshot. */
  compactEvery: 500,
  /** How long a document with nobody connected stays in memory. */
  unloadAfterMs: 30_000,
  /** Bytes waiting to be sent to one connection before it is dropped as too slow. */
  sendBufferBytes: 16 * 1024 * 1024,
  versionLabelMax: 120,
  passagesMax: 50,
  passageTextMax: 5_000,
} as const;
export type CollabLimits = { -readonly [K in keyof typeof COLLAB_LIMITS]: number };

export const CreateVersionBody = z.strictObject({ label: text(COLLAB_LIMITS.versionLabelMax) });
export type CreateVersionBody = z.infer<typeof CreateVersionBody>;

export const DocVersion = z.object({
  id: Id,
  doc: DocName,
  label: z.string(),
  at: z.number(),
  /** Who saved it (participant, member or account id), or null when the server did (e.g. before a restore). */
  by: Id.nullable(),
  byName: z.string().nullable(),
  bytes: z.number().int(),
});
export type DocVersion = z.infer<typeof DocVersion>;

export const DocVersionsResult = z.object({ versions: z.array(DocVersion) });
export type DocVersionsResult = z.infer<typeof DocVersionsResult>;

/** POST …/versions/:versionId/restore answers the version restored and the safety copy made first. */
export const RestoreResult = z.object({ restored: DocVersion, savedBefore: DocVersion });
export type RestoreResult = z.infer<typeof RestoreResult>;

export const ExportFormat = z.enum(['md', 'html']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A published version: a read-only public page at a URL that stays the same per document. */
export const Publication = z.object({
  slug: z.string(),
  doc: DocName,
  versionId: Id,
  label: z.string(),
  publishedAt: z.number(),
  url: z.string(),
  markdownUrl: z.string(),
});
export type Publication = z.infer<typeof Publication>;

/** A passage chosen from a room's notes: a top-level block by index, or exact text. */
export const Passage = z.union([
  z.strictObject({ block: z.number().int().min(0).max(100_000) }),
  z.strictObject({ text: text(COLLAB_LIMITS.passageTextMax) }),
]);
export type Passage = z.infer<typeof Passage>;

/** POST …/docs/:name/share: copy chosen passages of a room's notes to the plenary or a toolkit. */
export const ShareBackBody = z.strictObject({
  to: DocName,
  passages: z.array(Passage).min(1).max(COLLAB_LIMITS.passagesMax),
});
export type ShareBackBody = z.infer<typeof ShareBackBody>;

export const ShareBackResult = z.object({ to: DocName, shared: z.number().int() });
export type ShareBackResult = z.infer<typeof ShareBackResult>;
