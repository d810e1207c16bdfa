import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../../apps/server/src/store/database.ts';
import { available, startPostgres, type PostgresServer } from './engines.ts';
import { tempDir } from './server.ts';

/** One engine a contract test runs on: `fresh()` makes a new, empty database; its `open` connects another handle to it. */
export interface ContractEngine {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  fresh(): { open: () => Promise<Database> };
}

/**
 * The engines every store contract test runs on: an SQLite file in a temp folder and a
 * real, throwaway PostgreSQL (test/support/engines.ts), started once for the file. Call at
 * the top of a test file and `describe.each` over the result.
 */
export function contractEngines(prefix: string): { engines: ContractEngine[]; withPostgres: boolean; postgres: () => PostgresServer } {
  const withPostgres = available('postgres');
  let pg: PostgresServer | undefined;
  const dir = tempDir(`brave-${prefix}-`);
  beforeAll(async () => {
    if (withPostgres) pg = await startPostgres({ durable: false });
  }, 60_000);
  afterAll(() => {
    pg?.destroy();
    dir.remove();
  });
  let n = 0;
  const engines: ContractEngine[] = [
    {
      name: 'sqlite',
      skip: false,
      fresh: () => {
        const file = `${dir.path}/db${++n}.db`;
        return { open: () => openDatabase({ sqliteFile: file }) };
      },
    },
    {
      name: 'postgres',
      skip: !withPostgres,
      fresh: () => {
        const url = pg!.createDatabase(`${prefix.replace(/\W/g, '_')}_${++n}`);
        return { open: () => openDatabase({ databaseUrl: url, sqliteFile: '' }) };
      },
    },
  ];
  return { engines, withPostgres, postgres: () => pg! };
}
