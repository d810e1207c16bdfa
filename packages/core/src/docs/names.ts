import { CHANNELS, DocName, type DocChannel } from '@brave/protocol';

/** A document name, taken apart. Pure: no lookups, just the shape of the name. */
export type DocRef =
  | { kind: 'toolkit'; conveningId: string; channel: DocChannel }
  | { kind: 'plenary'; conveningId: string }
  | { kind: 'room'; conveningId: string; roundId: string; roomId: string };

export function docName(ref: DocRef): string {
  switch (ref.kind) {
    case 'toolkit':
      return `toolkit:${ref.conveningId}:${ref.channel}`;
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
  const [prefix, conveningId, a, b] = parsed.data.split(':') as [string, string, string, string | undefined];
  if (prefix === 'toolkit') {
    if (b !== undefined || !(CHANNELS as readonly string[]).includes(a)) return null;
    return { kind: 'toolkit', conveningId, channel: a as DocChannel };
  }
  if (b === undefined) return a === 'plenary' ? { kind: 'plenary', conveningId } : null;
  return { kind: 'room', conveningId, roundId: a, roomId: b };
}
