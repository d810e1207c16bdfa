/**
 * Baseline (b): a bare `ws` broadcast server. A text frame from anyone is parsed
 * (as a real server would) and the same JSON is sent to every open socket, then a
 * small ack goes back to the sender.
 */
import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

const http = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 64 * 1024 });

wss.on('connection', (socket) => {
  socket.on('message', (data: Buffer) => {
    const payload = JSON.parse(data.toString()) as { seq: number };
    const text = JSON.stringify(payload);
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
    socket.send(JSON.stringify({ ack: payload.seq }));
  });
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = http.address();
  console.log(`ws baseline ready on port ${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', () => {
  for (const c of wss.clients) c.terminate();
  http.close(() => process.exit(0));
});
