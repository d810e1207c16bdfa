import type { ConveningView, DomainEvent } from '@brave/protocol';
import { allConfidentialNotesToDelete, confidentialNotesToDelete } from '@brave/core';

/** Deletes documents through the document store (collab's `deleteNotes`); absent without documents. */
export type DeleteNotes = (names: readonly string[]) => Promise<void>;

type Log = (msg: string, err?: unknown) => void;

/**
 * After a round's end is durable: delete the notes of its confidential rooms that chose
 * "delete" (core says which). Awaited before the command is answered, so whoever closed
 * the round knows the notes are gone; a failure is logged and tried again when the
 * convening next loads (`deleteLeftoverNotes`), never undoing the close.
 */
export async function deleteEndedNotes(remove: DeleteNotes | undefined, state: ConveningView, e: DomainEvent, log: Log): Promise<void> {
  if (!remove || e.type !== 'round.ended') return;
  const names = confidentialNotesToDelete(state, e.roundId);
  if (names.length === 0) return;
  try {
    await remove(names);
  } catch (err) {
    log(`convening ${state.id}: deleting a closed round's confidential notes failed (tried again at the next load)`, err);
  }
}

/** When a convening loads: delete what a deletion cut short left behind (nothing, usually). */
export function deleteLeftoverNotes(remove: DeleteNotes | undefined, state: ConveningView, log: Log): void {
  const names = allConfidentialNotesToDelete(state);
  if (!remove || names.length === 0) return;
  remove(names).catch((err: unknown) => log(`convening ${state.id}: deleting confidential notes failed`, err));
}
