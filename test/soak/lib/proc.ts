import { readFileSync } from 'node:fs';

/** Resident memory of a process we started (VmRSS from /proc/<pid>/status), in bytes. */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * A free port below the ephemeral range (32768+ on Linux). A server restarted on such a
 * port cannot find it taken by another test's port-0 listener, nor by one of its own
 * reconnecting clients (a connect from an ephemeral port to itself can occupy it).
 */
export async function quietPort(random: () => number = Math.random): Promise<number> {
  const { createServer } = await import('node:net');
  for (;;) {
    const port = 20_000 + Math.floor(random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
