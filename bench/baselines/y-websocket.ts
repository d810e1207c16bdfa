/**
 * Reference document server: @y/websocket-server's own `bin` (src/server.js), run
 * unchanged. It reads HOST and PORT; PORT 0 is not allowed by its parser, so the bench
 * passes a free port. This file only locates that script.
 */
import { fileURLToPath } from 'node:url';

export function yWebsocketServerScript(): string {
  const utils = fileURLToPath(import.meta.resolve('@y/websocket-server/utils'));
  return utils.replace(/utils\.js$/, 'server.js');
}
