#!/usr/bin/env node
// `pnpm test`: everything a fresh machine needs, then every suite. Installs Debian's
// chromium for the end-to-end tests when it is missing (needs root, as in CI).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @param {string} cmd */
const run = (cmd) => {
  console.log(`\n$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
};

if (!existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() !== 0) {
    console.error('The end-to-end tests need Debian\'s chromium: run `sudo apt-get install -y chromium` first.');
    process.exit(1);
  }
  run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null');
}

run('pnpm typecheck');
run('pnpm lint');
run('pnpm build');
run('pnpm exec vitest run');
