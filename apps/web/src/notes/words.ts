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
