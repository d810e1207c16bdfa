import type { DocAccess, DocKind } from '@brave/protocol';

/** Every label of the notes screens, in one place and in our own words. */
export const ACCESS_LABEL: Record<DocAccess, string> = { write: 'You can edit', read: 'Read only' };

export const KIND_HINT: Record<DocKind, string> = {
  toolkit: 'Written together across convenings; facilitators can publish a version.',
  plenary: 'Everyone in the convening can write here.',
  room: 'For the people in this room and the facilitators.',
  caucus: 'Private to the caucus. Nothing leaves it unless the caucus chooses.',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const whenSaved = (at: number): string => timeFormat.format(at);

/** What the editor says about the copy kept on this device (notes/local.ts, CollabStatus). */
export const LOCAL_WORDS = {
  notShared: 'Saved on this device, not yet shared',
  shared: 'Connected: your edits are shared',
  discarded: 'The copy kept on this device could not be read, so it was set aside. The shared document loads from the server.',
  tooLargeKept: 'The copy kept on this device was larger than a document may be, so it was set aside. The shared document loads from the server.',
  tooLargeNow: 'This document is now larger than this device keeps. Your edits are still shared while you are connected.',
} as const;
