import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

/** `pnpm start`: read config, start, print where to go, and shut down cleanly. */
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Brave Space is running at ${server.url}  (data in ${config.dataDir})`);
  if (!config.publicUrl && config.host !== '127.0.0.1' && config.host !== 'localhost') {
    // Invite and reset links are then built from each request's Host header.
    console.log('Tip: set PUBLIC_URL to the address people use (e.g. https://brave.example.org) so invite links and secure cookies follow it.');
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
