/**
 * Baseline (a): the smallest socket.io broadcast server, same socket.io version and
 * the same engine options as ours. A `command` is broadcast to every connected socket
 * as `event`, then acknowledged: the shape of our spotlight path with nothing else.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((_req, res) => res.writeHead(404).end());
const io = new Server(http, {
  path: '/socket.io',
  serveClient: false,
  maxHttpBufferSize: 64 * 1024,
  pingInterval: 20_000,
  pingTimeout: 20_000,
});

io.on('connection', (socket) => {
  void socket.join('all');
  socket.on('command', (payload: { seq: number }, ack?: (answer: { ok: true; seq: number }) => void) => {
    io.to('all').emit('event', payload);
    if (typeof ack === 'function') ack({ ok: true, seq: payload.seq });
  });
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = http.address();
  console.log(`socket.io baseline ready on port ${typeof address === 'object' && address ? address.port : 0}`);
});
// close() only fails if closing fails; then leave anyway, with an error code.
process.once('SIGTERM', () => {
  io.close(() => process.exit(0)).catch(() => process.exit(1));
});
