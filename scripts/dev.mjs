#!/usr/bin/env node
// `pnpm dev`: the server (restarting on change) and Vite's dev server with hot reload.
// Open the Vite URL it prints; API and sockets are proxied to the server on :3000.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'apps/server/src/main.ts'], { stdio: 'inherit', env: { ...process.env, PORT: '3000' } }),
  spawn('pnpm', ['--filter', '@brave/web', 'dev'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);
