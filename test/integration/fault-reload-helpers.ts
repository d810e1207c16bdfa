import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, SOCKET_EVENTS, type Hello, type LoggedEvent } from '@brave/protocol';

/**
 * One reloaded page, on the wire: a fresh socket.io connection with no last sequence
 * number (a reload forgets it), recording what arrives, in order, so a test can tell a
 * duplicate or a gap that a LiveClient would quietly fold away.
 */
export class ReloadedPage {
  readonly socket: Socket;
  hello: Extract<Hello, { mode: 'snapshot' }> | null = null;
  readonly seqs: number[] = [];
  readonly problems: string[] = [];

  constructor(url: string, token: string) {
    this.socket = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token, protocolVersion: PROTOCOL_VERSION } });
    this.socket.on(SOCKET_EVENTS.hello, (h: Hello) => {
      if (this.hello) this.problems.push('a second hello');
      if (h.mode !== 'snapshot') this.problems.push(`a ${h.mode} hello without a last sequence number`);
      else this.hello = h;
    });
    this.socket.on(SOCKET_EVENTS.event, (e: LoggedEvent) => {
      if (!this.hello) this.problems.push(`event ${e.seq} before hello`);
      this.seqs.push(e.seq);
    });
  }

  /** The last sequence number this page holds: its snapshot's, then each event's. */
  get head(): number {
    return this.seqs.at(-1) ?? this.hello?.snapshot.seq ?? -1;
  }

  /** Problems with what arrived: every event after the snapshot, once each, none missing. */
  check(): string[] {
    const out = [...this.problems];
    if (!this.hello) return [...out, 'no hello'];
    let expected = this.hello.snapshot.seq + 1;
    for (const seq of this.seqs) {
      if (seq < expected) out.push(`seq ${seq} again (or already in the snapshot)`);
      else if (seq > expected) out.push(`seqs ${expected}–${seq - 1} missing`);
      expected = Math.max(expected, seq + 1);
    }
    return out;
  }

  close(): void {
    this.socket.disconnect();
  }
}
