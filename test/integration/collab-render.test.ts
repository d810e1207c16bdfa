import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toHtml, toMarkdown } from '../../apps/server/src/collab/render.ts';
import { copyNode, replaceContent } from '../../apps/server/src/collab/prose.ts';
import { templateUpdate, toolkitTemplate } from '../../apps/server/src/collab/template.ts';

/** Export of Tiptap-shaped Yjs content (as y-prosemirror stores it), without a server. */
function sample(): Y.Doc {
  const doc = new Y.Doc();
  const el = (name: string, kids: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string | number> = {}) => {
    const e = new Y.XmlElement<Record<string, string | number>>(name);
    for (const [k, val] of Object.entries(attrs)) e.setAttribute(k, val);
    e.insert(0, kids);
    return e as Y.XmlElement;
  };
  const text = (delta: { insert: string; attributes?: object }[]) => {
    const t = new Y.XmlText();
    t.applyDelta(delta);
    return t;
  };
  doc.getXmlFragment('default').insert(0, [
    el('heading', [text([{ insert: 'Standards' }])], { level: 2 }),
    el('paragraph', [
      text([
        { insert: 'Pay ' },
        { insert: 'fairly', attributes: { bold: {} } },
        { insert: ' and ' },
        { insert: 'openly', attributes: { italic: {}, 'link--x1': { href: 'https://example.org/a b' } } },
        { insert: ', never ' },
        { insert: 'this', attributes: { link: { href: 'javascript:alert(1)' } } },
        { insert: ' <b>raw</b> *stars*' },
      ]),
    ]),
    el('bulletList', [el('listItem', [el('paragraph', [text([{ insert: 'one' }])])]), el('listItem', [el('paragraph', [text([{ insert: 'two' }])])])]),
    el('orderedList', [el('listItem', [el('paragraph', [text([{ insert: 'first' }])])])], { start: 3 }),
    el('blockquote', [el('paragraph', [text([{ insert: 'quoted' }])])]),
    el('paragraph', [text([{ insert: '# not a heading' }])]),
    el('codeBlock', [text([{ insert: 'let x = 1;' }])], { language: 'js' }),
  ]);
  return doc;
}

describe('export', () => {
  it('renders Markdown', () => {
    const md = toMarkdown(sample().getXmlFragment('default'));
    expect(md).toContain('## Standards');
    expect(md).toContain('Pay **fairly** and [*openly*](https://example.org/a%20b), never this \\<b\\>raw\\</b\\> \\*stars\\*');
    expect(md).toContain('- one\n- two');
    expect(md).toContain('3. first');
    expect(md).toContain('> quoted');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('```js\nlet x = 1;\n```');
  });

  it('renders HTML with text escaped and only safe links', () => {
    const html = toHtml(sample().getXmlFragment('default'));
    expect(html).toContain('<h2>Standards</h2>');
    expect(html).toContain('<strong>fairly</strong>');
    expect(html).toContain('<a href="https://example.org/a b" rel="noopener noreferrer"><em>openly</em></a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;b&gt;raw&lt;/b&gt;');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<pre><code>let x = 1;</code></pre>');
  });
});

describe('content operations', () => {
  it('copies nodes keeping numeric attributes (heading levels), and replaces content exactly', () => {
    const src = sample();
    const dst = new Y.Doc();
    dst.transact(() => replaceContent(dst.getXmlFragment('default'), src.getXmlFragment('default')));
    expect(toMarkdown(dst.getXmlFragment('default'))).toBe(toMarkdown(src.getXmlFragment('default')));
    expect((dst.getXmlFragment('default').get(0) as Y.XmlElement).getAttribute('level')).toBe(2);
    const other = new Y.Doc(); // copyNode's result is a new, not yet placed node
    const copy = copyNode(src.getXmlFragment('default').get(0)) as Y.XmlElement;
    other.getXmlFragment('default').insert(0, [copy]);
    expect(copy.getAttribute('level')).toBe(2);
  });

  it('writes the same template update every time (two servers seeding it do not duplicate it)', () => {
    const a = new Y.Doc();
    Y.applyUpdate(a, templateUpdate('policy'));
    Y.applyUpdate(a, templateUpdate('policy'));
    const md = toMarkdown(a.getXmlFragment('default'));
    expect(md.match(/## 1\. The history of harm/g)).toHaveLength(1);
    expect(toolkitTemplate('money').filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      'Money toolkit: our standards of accountability',
      '1. The history of harm',
      '2. Shifting power',
      '3. Mutual accountability and standards',
    ]);
  });
});
