// Bug (issue 15, item 5): an update that decoded but failed half-way through integrating
// (a bit-flipped insert into the plenary notes) closed its sender with 4400, yet the part
// Yjs had integrated before failing stayed in the shared document, was stored and was
// relayed: a fresh reader of the stored document held an element from the refused update.

import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '@brave/protocol';
import { openConvening } from '../support/people.ts';
import {
  brokenEdit,
  closed,
  connectDoc,
  copyOf,
  plain,
  rawConnect,
  sameDoc,
  startCollabServer,
  storedDoc,
  syncFrame,
  synced,
  typeParagraph,
  untilDoc,
} from '../integration/collab-helpers.ts';

it('a refused update reaches neither the store nor another editor', async () => {
  const server = await startCollabServer();
  const { made, host } = await openConvening(server.url);
  host.close();
  const name = `notes:${made.id}:plenary`;
  const editor = connectDoc(server.url, name, made.facilitatorToken);
  const other = connectDoc(server.url, name, made.facilitatorToken);
  await Promise.all([synced(editor.provider), synced(other.provider)]);
  typeParagraph(editor.doc, 'What we heard in the opening round.');
  typeParagraph(editor.doc, 'Questions to come back to.');
  // Relayed means stored: once the other editor has it, so does the database.
  await untilDoc(other.doc, () => plain(other.doc).endsWith('come back to.'));
  const before = copyOf(other.doc);

  const r = await rawConnect(server.url, name, made.facilitatorToken);
  if (!('open' in r)) throw new Error(`refused: ${r.status}`);
  const done = closed(r.open);
  r.open.send(syncFrame(brokenEdit(before)));
  expect((await done).code).toBe(COLLAB_CLOSE.badMessage);

  // A fresh reader of the stored document holds exactly what was there before.
  expect(sameDoc(storedDoc(server.dataDir, name), before)).toBe(true);

  // An edit after it reaches the other editor: anything relayed before it has arrived too.
  typeParagraph(editor.doc, 'Still writing.');
  await untilDoc(other.doc, () => plain(other.doc).endsWith('Still writing.'));
  const expected = copyOf(before);
  Y.applyUpdate(expected, Y.encodeStateAsUpdate(editor.doc));
  expect(sameDoc(other.doc, expected)).toBe(true);
  expect(sameDoc(storedDoc(server.dataDir, name), expected)).toBe(true);
  editor.destroy();
  other.destroy();
  await server.close();
});
