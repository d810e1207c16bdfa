export { loadConfig, type Config } from './config.ts';
export { startServer, type RunningServer } from './server.ts';
export { SqliteStore } from './store/sqlite.ts';
export type { Store } from './store/types.ts';
