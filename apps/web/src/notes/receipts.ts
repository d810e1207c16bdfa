import * as Y from 'yjs';

/** Past this many kept updates they are merged into one, so typing offline for hours stays small. */
const MERGE_AT = 64;

/**
 * Edits made on this device that the server has not yet said it stored. The server's
 * receipts (COLLAB_MESSAGE.stored) are Yjs snapshots of its stored document: an edit is
 * shared once a receipt contains it, its new text by the state vector and its deletions
 * by the delete set (a deletion adds no clock, so the vector alone would miss it).
 */
export class Unconfirmed {
  private updates: Uint8Array[] = [];

  get empty(): boolean {
    return this.updates.length === 0;
  }

  add(update: Uint8Array): void {
    this.updates.push(update);
    if (this.updates.length >= MERGE_AT) this.updates = [Y.mergeUpdates(this.updates)];
  }

  /** Drop what `receipt` shows is stored; true when nothing unconfirmed is left. */
  confirm(receipt: Y.Snapshot): boolean {
    this.updates = this.updates.filter((u) => !contains(receipt, u));
    return this.empty;
  }

  clear(): void {
    this.updates = [];
  }
}

function contains(receipt: Y.Snapshot, update: Uint8Array): boolean {
  try {
    return Y.snapshotContainsUpdate(receipt, update);
  } catch {
    return false; // never claim "shared" on a receipt we could not compare
  }
}

/** A receipt's payload, or null when it cannot be read (it is then ignored). */
export function readReceipt(data: Uint8Array): Y.Snapshot | null {
  try {
    return Y.decodeSnapshot(data);
  } catch {
    return null;
  }
}
