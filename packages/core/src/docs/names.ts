import { ChannelId, DocName } from '@brave/protocol';

/**
 * A document name, taken apart. Pure: no lookups, just the shape of the name.
 * Toolkit drafts belong to a community (a quick convening is its own community, so its
 * drafts are `toolkit:<conveningId>:<channel>` as before); notes belong to one convening.
 */
export type DocRef =
  | { kind: 'toolkit'; communityId: string; channel: string }
  | { kind: 'plenary'; conveningId: string }
  | { kind: 'room'; conveningId: string; roundId: string; roomId: string };

export function docName(ref: DocRef): string {
  switch (ref.kind) {
    case 'toolkit':
      return `toolkit:${ref.communityId}:${ref.channel}`;
    case 'plenary':
      return `notes:${ref.conveningId}:plenary`;
    case 'room':
      return `notes:${ref.conveningId}:${ref.roundId}:${ref.roomId}`;
  }
}

/** The parts of a name, or null for anything that is not one of our document names. */
export function parseDocName(name: unknown): DocRef | null {
  const parsed = DocName.safeParse(name);
  if (!parsed.success) return null;
  const [prefix, owner, a, b] = parsed.data.split(':') as [string, string, string, string | undefined];
  if (prefix === 'toolkit') {
    if (b !== undefined || !ChannelId.safeParse(a).success) return null;
    return { kind: 'toolkit', communityId: owner, channel: a };
  }
  if (b === undefined) return a === 'plenary' ? { kind: 'plenary', conveningId: owner } : null;
  return { kind: 'room', conveningId: owner, roundId: a, roomId: b };
}

/** "Money toolkit draft", from the channel's name; null for a channel that is not offered. */
export function toolkitTitle(channels: readonly { id: string; name: string }[], channelId: string): string | null {
  const channel = channels.find((c) => c.id === channelId);
  return channel ? `${channel.name} toolkit draft` : null;
}
