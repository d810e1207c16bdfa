import type { IncomingMessage } from 'node:http';
import type { Router } from 'express';
import type { Config } from '../config.ts';
import { createAccountAuth, type AccountAuth } from './auth.ts';
import { accountRouter } from './routes.ts';
import type { Database } from '../store/database.ts';
import { KyselyAccountStore, type AccountStore } from './store.ts';

export type { Account, AccountAuth } from './auth.ts';

/** Facilitator accounts on the server's database (either engine): the auth other routes use and the /api routes. */
export function attachAccounts(deps: {
  database: Database;
  config: Pick<Config, 'publicUrl' | 'accounts'>;
  originAllowed: (req: IncomingMessage) => boolean;
  now: () => number;
}): { auth: AccountAuth; api: Router; store: AccountStore } {
  const store = new KyselyAccountStore(deps.database);
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
  return { auth, api, store };
}
