import type { ConveningView, DomainEvent } from '@brave/protocol';
import { DOC_ACCESS_EVENTS, allConfidentialNotesToDelete, confidentialNotesToDelete } from '@brave/core';

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

/** Asks a convening's open documents the gate again (collab's `conveningChanged`); absent without documents. */
export type RecheckDocs = (conveningId: string) => Promise<void>;

/**
 * After events are durable and folded: when they may change who reads which notes (core's
 * DOC_ACCESS_EVENTS; a room marked confidential live above all), the convening's open
 * document connections are checked again before the command is answered, so a facilitator
 * outside a room that just became confidential holds its notes open no longer than that.
 */
export async function recheckDocs(recheck: RecheckDocs | undefined, conveningId: string, events: readonly { event: DomainEvent }[], log: Log): Promise<void> {
  if (!recheck || !events.some((e) => DOC_ACCESS_EVENTS.has(e.event.type))) return;
  try {
    await recheck(conveningId);
  } catch (err) {
    log(`convening ${conveningId}: re-checking open documents failed (the periodic re-check still runs)`, err);
  }
}
