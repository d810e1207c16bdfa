import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importGraph } from './collect.ts';
import { importCircles, loopThrough } from './graph.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A throwaway source tree; returns the circles found in it, as relative paths. */
function circlesIn(files: Record<string, string>): string[][] {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return importCircles(importGraph(root, ['src'])).map((c) => c.map((f) => relative(root, f)));
}

describe('import circle check', () => {
  it('finds two files that import each other, even when one side imports only a type', () => {
    expect(
      circlesIn({
        'src/auth.ts': "import type { Row } from './store.ts';\nexport interface Account { id: string }\n",
        'src/store.ts': "import type { Account } from './auth.ts';\nexport type Row = Account;\n",
      }),
    ).toEqual([['src/auth.ts', 'src/store.ts']]);
  });

  it('finds a longer circle through re-exports and folders', () => {
    expect(
      circlesIn({
        'src/a.ts': "export { b } from './deep/b.ts';\n",
        'src/deep/b.ts': "import { c } from '../c.ts';\nexport const b = c;\n",
        'src/c.ts': "import '../src/a.ts';\nexport const c = 1;\n",
        'src/leaf.ts': "import { b } from './deep/b.ts';\nexport const leaf = b;\n",
      }),
    ).toEqual([['src/a.ts', 'src/c.ts', 'src/deep/b.ts']]);
  });

  it('passes arrows that run one way, and ignores packages and missing files', () => {
    expect(
      circlesIn({
        'src/types.ts': 'export interface Account { id: string }\n',
        'src/auth.ts': "import type { Account } from './types.ts';\nimport ts from 'typescript';\nimport './gone.ts';\nexport const a = (x: Account) => ts.version + x.id;\n",
        'src/store.ts': "import type { Account } from './types.ts';\nimport { a } from './auth.ts';\nexport const s = (x: Account) => a(x);\n",
      }),
    ).toEqual([]);
  });

  it('names one way round the circle for the message', () => {
    const graph = new Map([
      ['solver', ['anneal', 'state']],
      ['anneal', ['state']],
      ['state', ['solver']],
      ['pools', ['solver']],
    ]);
    const [members] = importCircles(graph);
    expect(members).toEqual(['anneal', 'solver', 'state']);
    expect(loopThrough(graph, 'anneal', members!)).toEqual(['anneal', 'state', 'solver', 'anneal']);
  });
});
