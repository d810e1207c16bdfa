/**
 * Micro-benchmark: what trying each client update on a scratch copy costs (issue 15,
 * items 5 and 6). For documents of several sizes, 200 editors each type a character; we
 * time integrating those updates straight into the document (as before) against trying
 * each on the copy and then integrating it (as now), per update, and one rebuild of the
 * copy (what a refused update costs). Both sides collect the update Yjs reports, as the
 * flush does. The first size also warms up the JIT; read the others.
 * Run: node --import tsx bench/rehearsal.ts
 */
import * as Y from 'yjs';
import { Rehearsal } from '../apps/server/src/collab/rehearsal.ts';

function documentOf(paragraphs: number): Y.Doc {
  const doc = new Y.Doc();
  const f = doc.getXmlFragment('default');
  for (let i = 0; i < paragraphs; i++) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`Paragraph ${i}: what we heard, what we will try next, and who carries it forward.`)]);
    f.insert(f.length, [p]);
  }
  return doc;
}

/** One keystroke per editor, each from an editor that synced the document. */
function keystrokes(doc: Y.Doc, editors: number): Uint8Array[] {
  const state = Y.encodeStateAsUpdate(doc);
  const sv = Y.encodeStateVector(doc);
  const f = doc.getXmlFragment('default');
  return Array.from({ length: editors }, (_, i) => {
    const w = new Y.Doc();
    Y.applyUpdate(w, state);
    const text = (w.getXmlFragment('default').get((i * 7) % f.length) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(i % text.length, 'x');
    const u = Y.encodeStateAsUpdate(w, sv);
    w.destroy();
    return u;
  });
}

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

console.log('| paragraphs | document bytes | direct µs/update | tried µs/update | rebuild ms |');
console.log('|---|---|---|---|---|');
for (const paragraphs of [50, 50, 500, 5_000]) {
  const base = documentOf(paragraphs);
  const state = Y.encodeStateAsUpdate(base);
  const updates = keystrokes(base, 200);
  const direct = new Y.Doc();
  Y.applyUpdate(direct, state);
  const tried = new Y.Doc();
  Y.applyUpdate(tried, state);
  const rehearsal = new Rehearsal(tried);
  rehearsal.try(Y.encodeStateAsUpdate(new Y.Doc()), null); // build the copy outside the timing
  const reported: Uint8Array[] = [];
  direct.on('update', (u: Uint8Array) => reported.push(u));
  const a = time(() => updates.forEach((u) => Y.applyUpdate(direct, u)));
  const b = time(() =>
    updates.forEach((u) => {
      const r = rehearsal.try(u, null);
      if (r.ok && r.added) Y.applyUpdate(tried, r.added);
    }),
  );
  rehearsal.discard();
  const rebuild = time(() => rehearsal.try(Y.encodeStateAsUpdate(new Y.Doc()), null));
  const us = (ms: number) => ((ms * 1000) / updates.length).toFixed(0);
  console.log(`| ${paragraphs} | ${state.length} | ${us(a)} | ${us(b)} | ${rebuild.toFixed(1)} |`);
}
