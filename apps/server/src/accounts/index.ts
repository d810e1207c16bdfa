import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import type { Router } from 'express';
import type { Config } from '../config.ts';
import { createAccountAuth, type AccountAuth } from './auth.ts';
import { accountRouter } from './routes.ts';
import { AccountStore } from './store.ts';

export type { Account, AccountAuth } from './auth.ts';

/** Facilitator accounts on the server's SQLite file: the auth other routes use and the /api routes. */
export function attachAccounts(deps: {
  db: Database.Database;
  config: Pick<Config, 'publicUrl' | 'accounts'>;
  originAllowed: (req: IncomingMessage) => boolean;
  now: () => number;
}): { auth: AccountAuth; api: Router } {
  const store = new AccountStore(deps.db);
  const auth = createAccountAuth({ store, originAllowed: deps.originAllowed, now: deps.now });
  const api = accountRouter({
    store,
    auth,
    originAllowed: deps.originAllowed,
    publicUrl: deps.config.publicUrl,
    sessionTtlMs: deps.config.accounts.sessionTtlMs,
    rate: deps.config.accounts.rate,
    signinFailuresMax: deps.config.accounts.signinFailuresMax,
    maxAccounts: deps.config.accounts.maxAccounts,
    now: deps.now,
  });
  return { auth, api };
}
