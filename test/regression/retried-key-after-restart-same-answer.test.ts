// Bug: the answer kept for an idempotency key was stored without its seq, so a command
// retried after a server restart got a different answer ({ ok: true } without seq) than
// the first time.

import { expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import { startTestServer, tempDir } from '../support/server.ts';
import { ok, openConvening } from '../support/people.ts';

it('a command retried with the same key after a restart gets the very same answer', async () => {
  const dir = tempDir();
  try {
    const first = await startTestServer({ DATA_DIR: dir.path });
    const { made, host } = await openConvening(first.url);
    const answer = await ok(host, { type: 'spotlight.set', agreementId: host.state!.agreements[0]!.id }, 'spotlight-once-1');
    expect(answer.seq).toBeGreaterThan(0);
    host.close();
    await first.close();

    await using second = await startTestServer({ DATA_DIR: dir.path });
    const again = new LiveClient({ url: second.url, token: made.facilitatorToken });
    await again.connect();
    expect(await again.send({ type: 'spotlight.set', agreementId: again.state!.agreements[0]!.id }, 'spotlight-once-1')).toEqual(answer);
    expect(again.state!.seq).toBe(answer.seq);
    again.close();
  } finally {
    dir.remove();
  }
});
