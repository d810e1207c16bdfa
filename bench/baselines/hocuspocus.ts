/**
 * Reference document server (Hocuspocus), defaults as shipped, in memory: no
 * persistence extension, so it does strictly less work than ours per update.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
});

await server.listen();
const address = server.httpServer.address();
console.log(`hocuspocus baseline ready on port ${typeof address === 'object' && address ? address.port : 0}`);
process.once('SIGTERM', () => void server.destroy().then(() => process.exit(0)));
