import * as Y from 'yjs';

/**
 * ProseMirror-shaped content in a Y.XmlFragment, the way y-prosemirror (and so Tiptap's
 * Collaboration extension) stores it: one Y.XmlElement per node, named after the node
 * type, node attributes as element attributes, text as Y.XmlText whose formatting
 * attributes are the marks. Everything the server writes or reads goes through here.
 */
export const FRAGMENT = 'default';

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; italic?: boolean }
  | { type: 'blockquote'; paragraphs: string[] };

/** Element attributes as Yjs stores them (numbers stay numbers, e.g. heading levels). */
type Attrs = { [key: string]: object | number | string | null };

export const fragmentOf = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(FRAGMENT);

function textNode(text: string, marks?: Record<string, object>): Y.XmlText {
  const t = new Y.XmlText();
  if (text) t.applyDelta([{ insert: text, ...(marks ? { attributes: marks } : {}) }]);
  return t;
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Attrs = {}): Y.XmlElement {
  const el = new Y.XmlElement<Attrs>(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (children.length) el.insert(0, children);
  return el as Y.XmlElement;
}

const paragraph = (text: string, italic = false) => element('paragraph', text ? [textNode(text, italic ? { italic: {} } : undefined)] : []);

export function blockNode(b: Block): Y.XmlElement {
  switch (b.type) {
    case 'heading':
      return element('heading', [textNode(b.text)], { level: b.level });
    case 'paragraph':
      return paragraph(b.text, b.italic);
    case 'blockquote':
      return element('blockquote', b.paragraphs.map((p) => paragraph(p)));
  }
}

/** Append blocks at the end of the fragment (call inside a transaction). */
export function appendBlocks(fragment: Y.XmlFragment, blocks: Block[]): void {
  fragment.insert(fragment.length, blocks.map(blockNode));
}

/** A deep copy that keeps every attribute (Y.XmlElement.clone drops non-string ones, like heading levels). */
export function copyNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook): Y.XmlElement | Y.XmlText | null {
  if (node instanceof Y.XmlText) {
    const t = new Y.XmlText();
    t.applyDelta(node.toDelta() as unknown[]);
    return t;
  }
  if (node instanceof Y.XmlElement) {
    const el = new Y.XmlElement<Attrs>(node.nodeName);
    for (const [k, v] of Object.entries(node.getAttributes() as Record<string, unknown>)) {
      if (v !== undefined && !(v instanceof Y.AbstractType)) el.setAttribute(k, v);
    }
    const kids = node.toArray().map(copyNode).filter((n): n is Y.XmlElement | Y.XmlText => n !== null);
    if (kids.length) el.insert(0, kids);
    return el as Y.XmlElement;
  }
  return null;
}

/** Make `target` hold exactly the content of `source` (call inside a transaction on target's doc). */
export function replaceContent(target: Y.XmlFragment, source: Y.XmlFragment): void {
  if (target.length) target.delete(0, target.length);
  const kids = source.toArray().map(copyNode).filter((n): n is Y.XmlElement | Y.XmlText => n !== null);
  if (kids.length) target.insert(0, kids);
}

/** Text of a node without formatting; nested blocks on their own lines. */
export function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  }
  if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
    const kids = node.toArray();
    if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') return '\n';
    const inline = kids.every((k) => k instanceof Y.XmlText || (k instanceof Y.XmlElement && k.nodeName === 'hardBreak'));
    return kids.map(plainText).join(inline ? '' : '\n');
  }
  return '';
}

/** The top-level blocks of a document as plain text, in order (for choosing passages). */
export const blockTexts = (fragment: Y.XmlFragment): string[] => fragment.toArray().map(plainText);
