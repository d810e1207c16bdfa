import type { Socket } from 'socket.io';
import type { SnapshotParts } from '../convening/hello-text.ts';

/** What the hello writer needs of engine.io's websocket transport (untyped members). */
type Transport = { name: string; perMessageDeflate?: unknown; socket?: { _sender?: { sendFrame?: unknown } } };

/** What follows the hello's JSON in its socket.io packet: `2["hello",` … `]`. */
export const HELLO_SUFFIX = ']';

/**
 * Write a snapshot hello as one ready websocket frame: the reader's own head, then the
 * shared tail's bytes as they are, so a crowd reconnecting at once does not encode the
 * whole roster to UTF-8 again per person. This is the path socket.io's own broadcasts take
 * (a frame made once, handed to engine.io as `wsPreEncodedFrame`), written in order with
 * every other packet of this connection. False when the connection is not a plain
 * websocket (long-polling, compression, another namespace): the caller sends text then.
 */
export function writeSnapshotFrame(socket: Socket, event: string, hello: SnapshotParts): boolean {
  const transport = socket.conn.transport as unknown as Transport;
  if (socket.nsp.name !== '/' || transport.name !== 'websocket' || transport.perMessageDeflate) return false;
  if (typeof transport.socket?._sender?.sendFrame !== 'function') return false;
  if (socket.conn.readyState !== 'open') return true;
  // "4" is engine.io's message packet, "2" socket.io's EVENT in the main namespace.
  const head = Buffer.from(`42[${JSON.stringify(event)},${hello.head}`);
  const frame = [Buffer.concat([textFrameHeader(head.length + hello.tail.length), head]), hello.tail];
  // engine.io sends `wsPreEncodedFrame` as it is; `data` is what the send-buffer bound counts.
  const options = { compress: false, wsPreEncodedFrame: frame } as { compress: boolean };
  socket.conn.write(hello.tail, options);
  return true;
}

/** RFC 6455 header of one final, unmasked text frame of `length` bytes (server to client). */
export function textFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0x81, length]);
  if (length < 65_536) {
    const b = Buffer.alloc(4);
    b[0] = 0x81;
    b[1] = 126;
    b.writeUInt16BE(length, 2);
    return b;
  }
  const b = Buffer.alloc(10);
  b[0] = 0x81;
  b[1] = 127;
  b.writeBigUInt64BE(BigInt(length), 2);
  return b;
}
