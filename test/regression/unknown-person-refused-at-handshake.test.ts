// Bug: a validly signed token for someone the convening does not know (its data was reset,
// or the convening is gone) connected, got a fault and was disconnected; LiveClient then
// retried forever and connect() never settled. It is now refused at the handshake.

import { expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import { TokenService } from '../../apps/server/src/auth/tokens.ts';
import { startTestServer, TEST_SECRET } from '../support/server.ts';
import { closeAll, openConvening } from '../support/people.ts';

it('a token for an unknown person or convening is refused with a typed reason, and the client stops', async () => {
  await using server = await startTestServer();
  const { made, host } = await openConvening(server.url);
  const tokens = new TokenService(TEST_SECRET, 3_600_000);
  for (const cred of [
    { conveningId: made.id, participantId: 'p_never_admitted', role: 'participant' as const },
    { conveningId: 'c_long_gone', participantId: 'p_someone', role: 'facilitator' as const },
  ]) {
    const client = new LiveClient({ url: server.url, token: tokens.issue(cred) });
    await expect(client.connect()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(client.status).toBe('refused');
    client.close();
  }
  closeAll(host);
});
