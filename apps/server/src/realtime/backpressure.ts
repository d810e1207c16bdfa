import type { Socket } from 'socket.io';

/** Default bound on what may wait for one reader before it is cut off (bytes). */
export const SEND_BUFFER_BYTES = 4 * 1024 * 1024;

type EnginePacket = { data?: unknown };
type EngineTransport = { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };

/**
 * Bound what the server holds for one reader who stopped reading (a stalled phone, a
 * paused tab, a client that never reads). socket.io queues without limit; here, once
 * more than `limit` bytes wait for this connection, it is cut off. Everyone else is
 * unaffected, and the reader resyncs from its last sequence number when it returns.
 *
 * What waits = packets queued in engine.io (not yet handed to the transport) plus the
 * websocket's own buffer (handed over, not yet taken by the kernel). Checked as each
 * packet is queued, before counting it, so one large message (a big snapshot) to a
 * reader who keeps up is never a reason to cut.
 */
export function boundSendBuffer(socket: Socket, limit: number, onCut: (waiting: number) => void): void {
  const conn = socket.conn;
  let queued = 0;
  let cut = false;
  conn.on('packetCreate', (packet: EnginePacket) => {
    if (cut) return;
    const transport = conn.transport as unknown as EngineTransport;
    const waiting = queued + (transport.socket?.bufferedAmount ?? 0);
    if (waiting > limit) {
      cut = true;
      onCut(waiting);
      // terminate() frees the buffered bytes now; a polite close would queue behind them.
      if (transport.name === 'websocket' && typeof transport.socket?.terminate === 'function') transport.socket.terminate();
      else socket.disconnect(true);
      return;
    }
    queued += sizeOf(packet.data);
  });
  // engine.io hands its whole queue to the transport at once; from then on the
  // websocket's bufferedAmount accounts for those bytes.
  conn.on('flush', () => {
    queued = 0;
  });
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
