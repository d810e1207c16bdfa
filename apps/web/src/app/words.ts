import type { SignalKind, SignalStatus, Visibility } from '@brave/protocol';

/** Every user-facing label for protocol values, in one place and in our own words. */
export const KIND_LABEL: Record<SignalKind, string> = { ouch: 'Ouch', whoops: 'Whoops' };

export const KIND_HINT: Record<SignalKind, string> = {
  ouch: 'Something landed hard, for me or for someone else.',
  whoops: 'I said something I want to take back or put differently.',
};

/** How a participant chooses who learns it was them. */
export const VISIBILITY_CHOICE: Record<Visibility, { label: string; hint: string }> = {
  named: { label: 'Show my name', hint: 'Everyone in the room sees it came from you.' },
  anonymous_to_room: { label: 'Only facilitators see my name', hint: 'The room sees a signal, not who sent it.' },
  anonymous: { label: 'No one sees my name', hint: 'Not the room, not the facilitators.' },
};

/** How the facilitator console describes a signal's visibility. */
export const VISIBILITY_FOR_HOSTS: Record<Visibility, string> = {
  named: 'Named to the room',
  anonymous_to_room: 'Anonymous to the room',
  anonymous: 'Anonymous to everyone',
};

export const STATUS_LABEL: Record<SignalStatus, string> = {
  raised: 'Waiting',
  acknowledged: 'Acknowledged',
  addressed: 'Addressed',
  parked: 'Parked for later',
};

/** What the sender sees about their own signal. */
export const STATUS_FOR_SENDER: Record<SignalStatus, string> = {
  raised: 'Sent. The facilitators can see it.',
  acknowledged: 'A facilitator has seen it and is making space.',
  addressed: 'A facilitator has marked it addressed.',
  parked: 'A facilitator will come back to it later.',
};

/** Who reads a signal's words: said next to every box where they are written. */
export const wordsReaders = (toRoom: boolean): string =>
  toRoom ? 'Everyone in the room will read your words, with your name.' : 'Only the facilitators will read your words.';

export const VISIBILITY_ORDER: readonly Visibility[] = ['named', 'anonymous_to_room', 'anonymous'];

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
export const clockTime = (at: number): string => timeFormat.format(at);
