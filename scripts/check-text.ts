// `pnpm lint` runs this: it fails when a web component renders words that are not in the
// message catalogue (packages/i18n). Folders still being converted are listed in
// scripts/text/todo.ts; that list only shrinks.
import { relative, resolve } from 'node:path';
import { checkTree } from './text/check.ts';
import { NOT_YET_TRANSLATED } from './text/todo.ts';

const root = resolve(import.meta.dirname, '..');
const findings = checkTree(resolve(root, 'apps/web/src'), NOT_YET_TRANSLATED);

if (findings.length === 0) {
  console.log(`No literal text outside the catalogue (${NOT_YET_TRANSLATED.length} folder(s) still to convert).`);
} else {
  for (const f of findings) console.error(`${relative(root, f.file)}:${f.line}:${f.column}  ${f.where}: "${f.text}"`);
  console.error(`\n${findings.length} piece(s) of literal text. Put them in packages/i18n/src/locales and use t().`);
  process.exitCode = 1;
}
