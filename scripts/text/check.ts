import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findLiteralText, type LiteralText } from './literal.ts';

export interface FileFinding extends LiteralText {
  file: string;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Literal text in every .tsx file under `srcDir`, except folders still on `todo`. */
export function checkTree(srcDir: string, todo: readonly string[]): FileFinding[] {
  const skipped = (file: string) => {
    const rel = relative(srcDir, file).split(sep).join('/');
    return todo.some((dir) => rel === dir || rel.startsWith(`${dir}/`));
  };
  return tsxFiles(srcDir)
    .filter((file) => !skipped(file))
    .flatMap((file) => findLiteralText(readFileSync(file, 'utf8'), file).map((f) => ({ ...f, file })));
}
