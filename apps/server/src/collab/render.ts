import * as Y from 'yjs';

/**
 * Export a ProseMirror-shaped Y.XmlFragment (see prose.ts) as Markdown or HTML. Knows the
 * node and mark names of Tiptap's starter kit; unknown nodes render their children, so
 * nothing typed is ever dropped from an export.
 */
type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;
type Run = { insert: unknown; attributes?: Record<string, unknown> };

/** y-prosemirror may suffix a mark name with `--<hash>` when marks of one type overlap. */
const markName = (key: string) => key.replace(/--.*$/, '');
const runs = (t: Y.XmlText) => t.toDelta() as Run[];
const kids = (n: Y.XmlElement | Y.XmlFragment) => n.toArray() as Node[];
const isInline = (n: Node) => n instanceof Y.XmlText || (n instanceof Y.XmlElement && ['hardBreak', 'image'].includes(n.nodeName));
const codeText = (n: Y.XmlElement) =>
  kids(n).map((k) => (k instanceof Y.XmlText ? runs(k).map((r) => (typeof r.insert === 'string' ? r.insert : '')).join('') : '')).join('');
const attr = (el: Y.XmlElement, key: string): unknown => (el.getAttributes() as Record<string, unknown>)[key];

// ---------- HTML ----------

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only web and mail links survive an export; anything else (javascript:, data:) becomes plain text. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  return /^(https?:\/\/|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

function htmlRun(run: Run): string {
  if (typeof run.insert !== 'string') return '';
  let out = escapeHtml(run.insert);
  const marks = run.attributes ?? {};
  for (const [key, value] of Object.entries(marks)) {
    const m = markName(key);
    if (m === 'bold') out = `<strong>${out}</strong>`;
    else if (m === 'italic') out = `<em>${out}</em>`;
    else if (m === 'strike') out = `<s>${out}</s>`;
    else if (m === 'underline') out = `<u>${out}</u>`;
    else if (m === 'code') out = `<code>${out}</code>`;
    else if (m === 'link') {
      const href = safeHref((value as { href?: unknown } | null)?.href);
      if (href) out = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${out}</a>`;
    }
  }
  return out;
}

function htmlNode(n: Node): string {
  if (n instanceof Y.XmlText) return runs(n).map(htmlRun).join('');
  if (!(n instanceof Y.XmlElement)) return '';
  const inner = () => kids(n).map(htmlNode).join('');
  switch (n.nodeName) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attr(n, 'level')) || 1));
      return `<h${level}>${inner()}</h${level}>\n`;
    }
    case 'paragraph':
      return `<p>${inner()}</p>\n`;
    case 'blockquote':
      return `<blockquote>\n${inner()}</blockquote>\n`;
    case 'bulletList':
      return `<ul>\n${inner()}</ul>\n`;
    case 'orderedList': {
      const start = Number(attr(n, 'start')) || 1;
      return `<ol${start !== 1 ? ` start="${start}"` : ''}>\n${inner()}</ol>\n`;
    }
    case 'listItem':
      return `<li>${inner()}</li>\n`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml(codeText(n))}</code></pre>\n`;
    case 'horizontalRule':
      return '<hr>\n';
    case 'hardBreak':
      return '<br>';
    default:
      return inner();
  }
}

export const toHtml = (fragment: Y.XmlFragment): string => kids(fragment).map(htmlNode).join('');

// ---------- Markdown ----------

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>~|])/g, '\\$1');

function mdRun(run: Run): string {
  if (typeof run.insert !== 'string') return '';
  const marks = run.attributes ?? {};
  const names = Object.keys(marks).map(markName);
  if (names.includes('code')) return '`' + run.insert.replace(/`/g, 'ˋ') + '`';
  let out = escapeMd(run.insert);
  if (names.includes('bold')) out = `**${out}**`;
  if (names.includes('italic')) out = `*${out}*`;
  if (names.includes('strike')) out = `~~${out}~~`;
  const linkKey = Object.keys(marks).find((k) => markName(k) === 'link');
  const href = linkKey ? safeHref((marks[linkKey] as { href?: unknown } | null)?.href) : null;
  if (href) out = `[${out}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
  return out;
}

function mdInline(n: Node): string {
  if (n instanceof Y.XmlText) return runs(n).map(mdRun).join('');
  if (n instanceof Y.XmlElement && n.nodeName === 'hardBreak') return '\\\n';
  if (n instanceof Y.XmlElement) return kids(n).map(mdInline).join('');
  return '';
}

/** Escape what would otherwise start a heading, quote, list or rule at the start of a line. */
const guardLineStart = (s: string) => s.replace(/^(\s*)(#|>|[-+]\s|\d+[.)]\s|---)/gm, '$1\\$2');

const indent = (s: string, prefix: string, first = prefix) =>
  s.split('\n').map((line, i) => (i === 0 ? first : line ? prefix : '') + line).join('\n');

function mdBlock(n: Node): string {
  if (!(n instanceof Y.XmlElement)) return guardLineStart(mdInline(n));
  const blocks = () => mdBlocks(kids(n));
  switch (n.nodeName) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attr(n, 'level')) || 1));
      return `${'#'.repeat(level)} ${mdInline(n).replace(/\n/g, ' ')}`;
    }
    case 'paragraph':
      return guardLineStart(mdInline(n));
    case 'blockquote':
      return indent(blocks(), '> ').replace(/^$/gm, '>');
    case 'bulletList':
      return kids(n).map((li) => indent(li instanceof Y.XmlElement ? mdBlocks(kids(li)) : '', '  ', '- ')).join('\n');
    case 'orderedList': {
      const start = Number(attr(n, 'start')) || 1;
      return kids(n).map((li, i) => indent(li instanceof Y.XmlElement ? mdBlocks(kids(li)) : '', '   ', `${start + i}. `)).join('\n');
    }
    case 'codeBlock': {
      const lang = typeof attr(n, 'language') === 'string' ? String(attr(n, 'language')).replace(/[^\w+-]/g, '') : '';
      return '```' + lang + '\n' + codeText(n) + '\n```';
    }
    case 'horizontalRule':
      return '---';
    default:
      return kids(n).every(isInline) ? mdInline(n) : blocks();
  }
}

function mdBlocks(nodes: Node[]): string {
  return nodes.map(mdBlock).join('\n\n');
}

export const toMarkdown = (fragment: Y.XmlFragment): string => {
  const md = mdBlocks(kids(fragment)).trim();
  return md ? md + '\n' : '';
};
