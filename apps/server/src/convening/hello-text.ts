import { PROTOCOL_VERSION, type ConveningView, type Hello, type LoggedEvent, type Self } from '@brave/protocol';
import { eventFor, personalView, sharedView, type Viewer } from '@brave/core';

/**
 * A snapshot hello in two pieces whose concatenation is its JSON text (then `suffix`):
 * the reader's own `head`, and the `tail` every reader shares, as UTF-8 bytes.
 */
export interface SnapshotParts {
  head: string;
  tail: Buffer;
}

/**
 * Snapshot hellos as JSON text, cheap for a crowd. The part of a snapshot every reader
 * shares (the roster above all: thousands of people) is serialised and encoded to UTF-8
 * once per state and sequence number; only the reader's own part (policy.ts
 * `personalView`: their signals, rooms, floor, pulses) is built and serialised per
 * connection, and it comes first, so the shared bytes can be written as they are, after
 * it. Redaction stays per reader: nothing personal is ever in the shared part.
 *
 * The text parses to exactly `{ mode: 'snapshot', protocolVersion, self, snapshot:
 * viewFor(state, viewer) }` (apps/server/test/hello-text.test.ts holds it to that).
 */
export class SnapshotText {
  private state: ConveningView | null = null;
  private seq = -1;
  private shared = '';
  private readonly tails = new Map<string, Buffer>();

  /**
   * `suffix` is what the transport writes after the hello (the socket.io packet's `]`):
   * it ends the shared bytes, so a writer can send head and tail without copying the tail.
   */
  parts(state: ConveningView, viewer: Viewer, self: Self, suffix = ''): SnapshotParts {
    // The state is folded in place, so its sequence number says when it changed; a
    // rewrite (retention) refolds into a new object, which the identity check catches.
    if (state !== this.state || state.seq !== this.seq) {
      this.state = state;
      this.seq = state.seq;
      this.shared = inner(JSON.stringify(sharedView(state)));
      this.tails.clear();
    }
    let tail = this.tails.get(suffix);
    if (!tail) this.tails.set(suffix, (tail = Buffer.from(`${this.shared}}}${suffix}`)));
    const personal = inner(JSON.stringify(personalView(state, viewer)));
    return { head: `{"mode":"snapshot","protocolVersion":${PROTOCOL_VERSION},"self":${JSON.stringify(self)},"snapshot":{${personal},`, tail };
  }

  of(state: ConveningView, viewer: Viewer, self: Self): string {
    const { head, tail } = this.parts(state, viewer, self);
    return head + tail.toString('utf8');
  }
}

/** The members of a serialised object without its braces (both parts always have some). */
const inner = (json: string): string => json.slice(1, -1);

/**
 * What a reader missed since `lastSeq`, each event as they may see it, when the recent
 * log still holds all of it; null when only a snapshot will do.
 */
export function replayFor(recent: readonly LoggedEvent[], state: ConveningView, viewer: Viewer, lastSeq: number | undefined, self: Self): Hello | null {
  const oldest = recent[0]?.seq ?? Infinity;
  if (lastSeq === undefined || lastSeq > state.seq || (lastSeq + 1 < oldest && lastSeq !== state.seq)) return null;
  const events: LoggedEvent[] = [];
  for (const e of recent) {
    if (e.seq <= lastSeq) continue;
    const visible = eventFor(e.event, state, viewer);
    if (visible) events.push({ seq: e.seq, at: e.at, event: visible });
  }
  return { mode: 'replay', protocolVersion: PROTOCOL_VERSION, self, events, head: state.seq };
}
