// Bug: creating a convening while the database refused writes answered 500 "internal"
// instead of the typed 503 store_unavailable that every other write gives.

import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig, startServer } from '../../apps/server/src/index.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite.ts';
import { StoreUnavailableError } from '../../apps/server/src/store/types.ts';
import { tempDir, TEST_SECRET } from '../support/server.ts';
import { apiError, postJson } from '../support/people.ts';

class RefusingStore extends SqliteStore {
  override createConvening(): Promise<never> {
    return Promise.reject(new StoreUnavailableError('The database refused the write (SQLITE_FULL).'));
  }
}

it('POST /api/convenings answers 503 store_unavailable when the write is refused', async () => {
  const dir = tempDir();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, SECRET: TEST_SECRET, LOG: 'silent' });
  const server = await startServer(config, { store: await RefusingStore.open(join(dir.path, 'brave-space.db')) });
  try {
    const res = await postJson(server.url, '/api/convenings', { title: 'Disk is full' });
    expect(res.status).toBe(503);
    expect(apiError(res.body)).toMatchObject({ code: 'store_unavailable' });
  } finally {
    await server.close();
    dir.remove();
  }
});
