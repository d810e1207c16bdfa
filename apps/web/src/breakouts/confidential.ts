import type { ConfidentialNotes } from '@brave/protocol';

/** What a confidential room means, in the words both screens use (docs/breakouts.md). */
export const CONFIDENTIAL_TITLE = 'This room is confidential';

/** What happens to the notes, as the room is told. */
export const NOTES_FATE: Record<ConfidentialNotes, string> = {
  delete: 'Your notes here are deleted when the round closes.',
  keep: 'Your notes here are kept for the people in this room only, until the community’s retention period ends.',
};

/** What confidential means for the people in the room. */
export const CONFIDENTIAL_MEANS =
  'What is said and written here stays here. Facilitators see only that this room exists and how many are in it, ' +
  'not who, not its notes, not an ouch or whoops raised here, unless someone in the room lets them in. ' +
  'The notes cannot be exported or shared back to the main room.';

/** The same promise, said to the facilitator who marks a room. */
export const CONFIDENTIAL_FOR_HOSTS =
  'Its people, notes and signals are for the room and the facilitators it lets in. Others knock and wait. ' +
  'Once marked, it stays confidential until the round closes.';

/** The one-sentence announcement read out on entering. */
export const confidentialAnnouncement = (notes: ConfidentialNotes): string => `${CONFIDENTIAL_TITLE}. ${NOTES_FATE[notes]}`;
