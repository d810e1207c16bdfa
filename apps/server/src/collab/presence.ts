import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { COLLAB_CLOSE } from '@brave/protocol';
import type { PresenceIdentity } from '@brave/core';
import type { LiveDoc, Peer } from './live-doc.ts';
import { Refusal } from './registry.ts';

/** The stock provider announces one client id per document; a few more leave room for odd clients. */
const CLAIMS_PER_CONNECTION = 4;

/**
 * Presence (a Yjs awareness update) from one connection, made safe before anyone sees it.
 * A connection speaks only for the client ids it introduced: its first awareness message
 * claims them (not the server's own, not one another person's connection holds; the same
 * person reconnecting takes theirs over), and later entries for any other id are dropped.
 * The `user` of every state is replaced by who the credential says this is, so nobody can
 * borrow a name. Returns the update to apply, or null when nothing of it stands.
 */
export function admitPresence(doc: LiveDoc, peer: Peer, update: Uint8Array, who: PresenceIdentity): Uint8Array | null {
  const d = decoding.createDecoder(update);
  const kept: { client: number; clock: number; state: string }[] = [];
  const first = !peer.presenceClaimed;
  peer.presenceClaimed = true;
  for (let n = decoding.readVarUint(d); n > 0; n--) {
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state = ownState(JSON.parse(decoding.readVarString(d)) as unknown, who);
    if (peer.awarenessIds.has(client) || (first && claim(doc, peer, client))) kept.push({ client, clock, state });
  }
  if (kept.length === 0) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const k of kept) {
    encoding.writeVarUint(e, k.client);
    encoding.writeVarUint(e, k.clock);
    encoding.writeVarString(e, k.state);
  }
  return encoding.toUint8Array(e);
}

function claim(doc: LiveDoc, peer: Peer, client: number): boolean {
  if (client === doc.awareness.clientID || peer.awarenessIds.size >= CLAIMS_PER_CONNECTION) return false;
  const owner = doc.presenceOwners.get(client);
  if (owner && owner !== peer) {
    if (doc.peers.has(owner) && owner.participantId !== peer.participantId) return false;
    owner.awarenessIds.delete(client);
  }
  doc.presenceOwners.set(client, peer);
  peer.awarenessIds.add(client);
  return true;
}

/** A state as JSON with the credential's identity as its `user`; null (leaving) stays null. */
function ownState(state: unknown, who: PresenceIdentity): string {
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) throw new Refusal(COLLAB_CLOSE.badMessage, 'A presence state must be an object.');
  return JSON.stringify({ ...state, user: who });
}
