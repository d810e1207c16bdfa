// `pnpm lint` runs this after ESLint: it fails when any of our files imports a file that
// (directly or through others) imports it back. ESLint's import plugins skip type-only
// imports; this check counts them, because a circle of types still ties two modules
// into one and is how circles of values start.
import { relative, resolve } from 'node:path';
import { importGraph } from './cycles/collect.ts';
import { importCircles, loopThrough } from './cycles/graph.ts';

const root = resolve(import.meta.dirname, '..');
const graph = importGraph(root, ['packages', 'apps', 'test', 'bench', 'scripts']);
const circles = importCircles(graph);
const name = (file: string) => relative(root, file);

if (circles.length === 0) {
  console.log(`No import circles among ${graph.size} files.`);
} else {
  for (const members of circles) {
    const loop = loopThrough(graph, members[0]!, members).map(name);
    console.error(`Import circle of ${members.length} file(s):\n    ${loop.join('\n  → ')}`);
  }
  console.error(`\n${circles.length} import circle(s). Move what both sides need into a module they can both import.`);
  process.exitCode = 1;
}
