#!/usr/bin/env node
// `pnpm test`: everything a fresh machine needs, then every suite. Installs what is missing
// of Debian's chromium (end-to-end tests), postgresql and redis-server (the store contract
// suite starts its own throwaway instances); installing needs root, as in CI.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** @param {string} cmd */
const run = (cmd) => {
  console.log(`\n$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
};

const hasPostgres = () => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const missing = [
  ['chromium', existsSync('/usr/bin/chromium')],
  ['postgresql', hasPostgres()],
  ['redis-server', existsSync('/usr/bin/redis-server')],
].filter(([, found]) => !found).map(([name]) => name);

if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(`The tests need Debian's ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` first.`);
    process.exit(1);
  }
  run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`);
}

// The PostgreSQL and Redis tests skip only outside `pnpm test`; here they must run.
process.env.CI ??= '1';

run('pnpm typecheck');
run('pnpm lint');
run('pnpm build');
run('pnpm exec vitest run');
