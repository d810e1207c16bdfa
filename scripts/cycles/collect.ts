// Which of our files imports which, read with the TypeScript compiler and resolved the
// way tsc resolves them (relative paths with their .ts extension, @brave/* through the
// workspace links). Every import counts, `import type` and `export … from` included.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { ImportGraph } from './graph.ts';

const SKIP = new Set(['node_modules', 'dist', 'coverage', 'data']);
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

const options: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  allowJs: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The import graph of every source file under `dirs` of `root`; imports that leave
 *  those files (packages from node_modules, Node built-ins) are left out. */
export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((dir) => sourceFiles(join(root, dir)));
  const ours = new Set(files);
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  const importsOf = (file: string): string[] => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const found = ts.resolveModuleName(fileName, file, options, ts.sys, cache).resolvedModule;
      const target = found && resolve(found.resolvedFileName);
      if (target && ours.has(target)) targets.add(target);
    }
    return [...targets];
  };
  return new Map(files.map((file) => [file, importsOf(file)]));
}
