import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Unconfirmed, readReceipt } from '../src/notes/receipts.ts';
import { madeBy as typed } from './support/yjs.ts';

/** What the server would send: a snapshot of its stored copy. */
const receiptOf = (doc: Y.Doc) => readReceipt(Y.encodeSnapshot(Y.snapshot(doc)))!;

describe('edits not yet confirmed by the server', () => {
  it('are shared once a receipt holds them, deletions included', () => {
    const mine = new Y.Doc();
    const server = new Y.Doc();
    const waiting = new Unconfirmed();
    const text = mine.getText('t');
    const a = typed(mine, () => text.insert(0, 'Who decides?'));
    waiting.add(a);
    expect(waiting.confirm(receiptOf(server))).toBe(false);
    Y.applyUpdate(server, a);
    expect(waiting.confirm(receiptOf(server))).toBe(true);

    // A deletion adds no clock: only the receipt's deletions can confirm it.
    const d = typed(mine, () => text.delete(0, 4));
    waiting.add(d);
    expect(waiting.confirm(receiptOf(server))).toBe(false);
    Y.applyUpdate(server, d);
    expect(waiting.confirm(receiptOf(server))).toBe(true);
  });

  it('stay unconfirmed on a receipt that lacks part of them, and after many edits merged', () => {
    const mine = new Y.Doc();
    const server = new Y.Doc();
    const waiting = new Unconfirmed();
    const first = typed(mine, () => mine.getText('t').insert(0, 'a'));
    waiting.add(first);
    for (let i = 0; i < 100; i++) waiting.add(typed(mine, () => mine.getText('t').insert(0, 'b')));
    Y.applyUpdate(server, first);
    expect(waiting.confirm(receiptOf(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    expect(waiting.confirm(receiptOf(server))).toBe(true);
  });

  it('ignores a receipt it cannot read', () => {
    expect(readReceipt(Uint8Array.of(255, 255, 255))).toBeNull();
  });
});
