/**
 * Turn an exported HTML page into nodes safe to show inside our page: only the article,
 * only text-level and block tags an editor can make, only web and mail links. The server
 * escapes already; this keeps the screen safe even if that ever changes.
 */
const ALLOWED = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'STRONG', 'EM', 'S', 'U', 'CODE', 'PRE', 'A', 'BR', 'HR']);

function clean(node: Node, into: Node): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(document.createTextNode(child.textContent ?? ''));
    } else if (child instanceof Element) {
      // Unknown elements keep their text (nothing typed disappears), never their tag.
      if (!ALLOWED.has(child.tagName)) {
        if (!['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'TEMPLATE'].includes(child.tagName)) clean(child, into);
        continue;
      }
      const copy = document.createElement(child.tagName.toLowerCase());
      const href = child.getAttribute('href');
      if (child.tagName === 'A' && href && /^(https?:\/\/|mailto:)/i.test(href.trim())) {
        copy.setAttribute('href', href.trim());
        copy.setAttribute('rel', 'noopener noreferrer');
        copy.setAttribute('target', '_blank');
      }
      clean(child, copy);
      into.appendChild(copy);
    }
  }
}

export function articleNodes(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const article = parsed.querySelector('article') ?? parsed.body;
  const out = document.createDocumentFragment();
  clean(article, out);
  return out;
}
