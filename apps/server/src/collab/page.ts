import { escapeHtml } from './render.ts';

/** A complete, script-free HTML page for an export or a published version. */
export function htmlPage(p: { title: string; subtitle: string; body: string; footer: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>
  body { font: 1.05rem/1.6 system-ui, sans-serif; color: #1d1d1f; background: #fdfcf9; margin: 0; }
  main { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
  header p { color: #55524c; margin-top: 0; }
  blockquote { border-left: 4px solid #c9c2b4; margin-left: 0; padding-left: 1rem; color: #3a3833; }
  pre { background: #f1eee7; padding: 0.75rem; overflow-x: auto; }
  a { color: #124e8c; }
  footer { margin-top: 3rem; font-size: 0.9rem; color: #55524c; border-top: 1px solid #ddd8cc; padding-top: 1rem; }
  @media (prefers-color-scheme: dark) {
    body { background: #17171a; color: #ecebe8; } header p, footer { color: #b5b1a8; }
    blockquote { color: #d6d3cc; border-color: #5a564e; } pre { background: #26262b; } a { color: #8cc1ff; }
  }
</style>
</head>
<body>
<main>
<header><p>${escapeHtml(p.subtitle)}</p></header>
<article>
${p.body}</article>
<footer>${escapeHtml(p.footer)}</footer>
</main>
</body>
</html>
`;
}
