import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../lib/procs.ts';

const DIST = join(ROOT, 'apps/web/dist');

export interface BundleResult {
  available: boolean;
  note?: string;
  builtAt?: string;
  files: { file: string; bytes: number; gzipBytes: number; why: string }[];
  gzipBytes: number;
  rawBytes: number;
  lazyExcluded: string[];
}

/** Lazy chunks that belong to the participant screen (by Vite's chunk naming). */
const PARTICIPANT_CHUNK = /(participant|attend|join)/i;
const STAFF_CHUNK = /(host|facilitat|console|editor|collab|toolkit)/i;

/**
 * Gzip size of what a participant's browser downloads for the /c/ route: the scripts
 * and styles named in dist/index.html, everything they import statically, and lazy
 * chunks named for the participant view. The facilitator console and other lazy
 * chunks are listed but not counted.
 */
export function measureBundle(log: (s: string) => void): BundleResult {
  if (!existsSync(join(DIST, 'index.html'))) {
    log('  bundle: apps/web/dist is missing, building it (pnpm --filter @brave/web build)…');
    const built = spawnSync('pnpm', ['--filter', '@brave/web', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (built.status !== 0 || !existsSync(join(DIST, 'index.html'))) {
      return { available: false, note: `web build failed: ${(built.stderr || built.stdout || '').split('\n').slice(-5).join(' ')}`, files: [], gzipBytes: 0, rawBytes: 0, lazyExcluded: [] };
    }
  }
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const wanted = new Map<string, string>();
  const lazy = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) wanted.set(local(m[1]!), 'index.html script');
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.(?:css|js))"/g)) wanted.set(local(m[1]!), 'index.html link');
  const queue = [...wanted.keys()].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const file = queue.shift()!;
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const dep of staticImports(code)) {
      const path = posix.normalize(posix.join(posix.dirname(file), dep));
      if (!wanted.has(path)) {
        wanted.set(path, `imported by ${basename(file)}`);
        if (path.endsWith('.js')) queue.push(path);
      }
    }
    for (const dep of dynamicImports(code)) lazy.add(posix.normalize(posix.join(posix.dirname(file), dep)));
  }
  for (const file of lazy) {
    if (wanted.has(file)) continue;
    if (PARTICIPANT_CHUNK.test(basename(file)) && !STAFF_CHUNK.test(basename(file))) {
      wanted.set(file, 'lazy participant chunk');
      // Its own static imports and its CSS (Vite names the CSS after the chunk).
      for (const dep of staticImports(readFileSync(join(DIST, file), 'utf8'))) wanted.set(posix.normalize(posix.join(posix.dirname(file), dep)), `imported by ${basename(file)}`);
      const css = file.replace(/\.js$/, '.css');
      if (existsSync(join(DIST, css))) wanted.set(css, 'style of lazy participant chunk');
    }
  }
  const files = [...wanted].filter(([f]) => existsSync(join(DIST, f))).map(([file, why]) => {
    const body = readFileSync(join(DIST, file));
    return { file, bytes: body.length, gzipBytes: gzipSync(body).length, why };
  });
  return {
    available: true,
    builtAt: statSync(join(DIST, 'index.html')).mtime.toISOString(),
    files,
    gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    rawBytes: files.reduce((s, f) => s + f.bytes, 0),
    lazyExcluded: [...lazy].filter((f) => !wanted.has(f)),
  };
}

const local = (href: string) => href.replace(/^\//, '');

/** `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"` in minified ESM. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) out.push(m[1]!);
  return out;
}

/** `import("./x.js")` and Vite's preload map entries ("assets/x.js"). */
function dynamicImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) out.push(m[1]!);
  for (const m of code.matchAll(/["']assets\/([^"']+\.js)["']/g)) out.push(`../assets/${m[1]!}`);
  return out;
}
