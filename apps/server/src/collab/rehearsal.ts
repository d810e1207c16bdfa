import * as Y from 'yjs';

/**
 * What one connection sent that cannot be integrated yet because it builds on edits the
 * document never received (Yjs "pending" structs and deletions), e.g. a word typed just
 * after reconnecting, sent before the offline edits it follows. It waits with its sender,
 * never in the shared document: it is not stored or relayed until it integrates, and it
 * is dropped with its connection (the editor re-sends everything on reconnecting).
 */
export interface Waiting {
  /** Yjs v2 updates, as Yjs keeps its pending parts. */
  readonly updates: Uint8Array[];
  readonly bytes: number;
  /** Per client, the first clock it waits for (structs only; waiting deletions have none). */
  readonly missing: ReadonlyMap<number, number>;
}

export type Tried = { ok: true; added: Uint8Array | null; waiting: Waiting | null } | { ok: false };

/**
 * A scratch copy of a live document on which every client update is tried before the
 * shared document sees it. Yjs can fail half-way through integrating an update that
 * decodes (a damaged struct), leaving part of it behind; here that part lands in the
 * copy, which is then thrown away and rebuilt from the shared document on the next try.
 * The shared document only ever takes `added`: what a try integrated cleanly, as Yjs
 * reports it, so it never holds a refused or waiting part and never needs a reload.
 *
 * Costs: each update is integrated twice (proportional to the update, not the
 * document); the copy doubles the document's memory while someone writes; a refused
 * update costs one rebuild (proportional to the document, like the sync its sender
 * needs to come back).
 */
export class Rehearsal {
  private copy: Y.Doc | null = null;
  private readonly origin = { kind: 'rehearsal' };

  constructor(private readonly shared: Y.Doc) {}

  /** Integrate `waiting` (the sender's earlier parts) and then `update` on the copy. */
  try(update: Uint8Array, waiting: Waiting | null): Tried {
    const copy = (this.copy ??= copyOf(this.shared));
    let added: Uint8Array | null = null;
    const onUpdate = (u: Uint8Array, o: unknown) => {
      if (o === this.origin) added = u;
    };
    copy.on('update', onUpdate);
    try {
      copy.transact(() => {
        for (const u of waiting?.updates ?? []) Y.applyUpdateV2(copy, u, this.origin);
        Y.applyUpdate(copy, update, this.origin);
      }, this.origin);
    } catch {
      this.discard();
      return { ok: false };
    } finally {
      copy.off('update', onUpdate);
    }
    return { ok: true, added, waiting: takeWaiting(copy) };
  }

  /** The shared document took a change of the server's own: take it too. */
  mirror(update: Uint8Array): void {
    if (!this.copy) return;
    try {
      Y.applyUpdate(this.copy, update);
    } catch {
      this.discard();
    }
  }

  /** The copy's state when it is ahead of the shared document (tried, not yet stored), else the shared one. */
  get state(): Y.Doc {
    return this.copy ?? this.shared;
  }

  /** How many times the copy was thrown away (it is rebuilt from the shared document). */
  discarded = 0;

  discard(): void {
    this.discarded++;
    this.copy?.destroy();
    this.copy = null;
  }
}

/** A Yjs update of nothing: retries a connection's waiting parts on their own. */
export const NOTHING = Y.encodeStateAsUpdate(new Y.Doc());

/** Has the document received something a connection's waiting structs wait for? */
export function mayIntegrate(doc: Y.Doc, waiting: Waiting): boolean {
  for (const [client, clock] of waiting.missing) if (clock < Y.getState(doc.store, client)) return true;
  return false;
}

/**
 * Move Yjs's pending parts out of a document. Between tries the copy (like the shared
 * document) holds no pending parts: they belong to one connection, not to everyone.
 */
export function takeWaiting(doc: Y.Doc): Waiting | null {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return null;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  const updates = [pendingStructs?.update, pendingDs].filter((u): u is Uint8Array => u != null);
  return { updates, bytes: updates.reduce((n, u) => n + u.length, 0), missing: new Map(pendingStructs?.missing ?? []) };
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
