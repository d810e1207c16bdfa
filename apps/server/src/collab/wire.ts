import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { COLLAB_MESSAGE } from '@brave/protocol';

/**
 * The y-websocket wire format (y-protocols): every message starts with a varUint type;
 * sync messages carry a sub-type (step 1 = state vector, step 2 / update = a Yjs update).
 * Encoders only: decoding is done step by step in connection.ts, where each read can fail.
 */
export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, stored: COLLAB_MESSAGE.stored } as const;
export const SYNC = { step1: syncProtocol.messageYjsSyncStep1, step2: syncProtocol.messageYjsSyncStep2, update: syncProtocol.messageYjsUpdate } as const;

export function syncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** Step 2: what the peer (whose state vector this is) is missing. Throws on a malformed vector. */
export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

/** y-protocols/auth "permission denied": the stock provider reports the reason (console.warn). */
export function permissionDenied(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.auth);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, reason);
  return encoding.toUint8Array(e);
}

/** Ours: a receipt, what the document holds in the store (a snapshot: state vector and deletions). */
export function storedMessage(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MSG.stored);
  encoding.writeVarUint8Array(e, Y.encodeSnapshot(Y.snapshot(doc)));
  return encoding.toUint8Array(e);
}
