import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/procs.ts';

const DOC = join(ROOT, 'docs/benchmarks.md');
const BEGIN = '<!-- bench:latest:begin (written by `pnpm bench`; edit outside these markers) -->';
const END = '<!-- bench:latest:end -->';

/** Replace the "latest figures" block of docs/benchmarks.md; the prose around it stays. */
export function writeDoc(rendered: string): void {
  const block = `${BEGIN}\n\`\`\`text\n${rendered}\n\`\`\`\n${END}`;
  const text = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n## Latest figures\n\n${block}\n`;
  writeFileSync(DOC, next);
}
