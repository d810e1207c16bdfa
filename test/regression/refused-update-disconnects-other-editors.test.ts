// Bug (issue 15, item 6): when one writer sent an update that decoded but failed to
// integrate, the server reloaded the document and closed every other editor with 1001
// ("The document is reloading"), although a refusal should touch only its sender.

import { expect, it } from 'vitest';
import { COLLAB_CLOSE } from '@brave/protocol';
import { openConvening } from '../support/people.ts';
import { brokenEdit, closed, connectDoc, copyOf, plain, rawConnect, startCollabServer, syncFrame, synced, typeParagraph, untilDoc } from '../integration/collab-helpers.ts';

it('one writer’s refused update leaves every other editor connected', async () => {
  const server = await startCollabServer();
  const { made, host } = await openConvening(server.url);
  host.close();
  const name = `notes:${made.id}:plenary`;
  const editors = [0, 1, 2].map(() => connectDoc(server.url, name, made.facilitatorToken));
  await Promise.all(editors.map((e) => synced(e.provider)));
  const drops: string[] = [];
  editors.forEach((e, i) => e.provider.on('status', (s: { status: string }) => s.status !== 'connected' && drops.push(`editor ${i}: ${s.status}`)));
  typeParagraph(editors[0]!.doc, 'Notes from the plenary.');
  await untilDoc(editors[2]!.doc, () => plain(editors[2]!.doc).includes('plenary'));

  const r = await rawConnect(server.url, name, made.facilitatorToken);
  if (!('open' in r)) throw new Error(`refused: ${r.status}`);
  const done = closed(r.open);
  r.open.send(syncFrame(brokenEdit(copyOf(editors[2]!.doc))));
  expect((await done).code).toBe(COLLAB_CLOSE.badMessage);

  // The next edit flows to everyone over the connections they already had.
  typeParagraph(editors[1]!.doc, 'After the refusal.');
  await Promise.all(editors.map((e) => untilDoc(e.doc, () => plain(e.doc).endsWith('After the refusal.'))));
  expect(drops).toEqual([]);
  for (const e of editors) e.destroy();
  await server.close();
});
