import type { IncomingMessage } from 'node:http';
import type { Router } from 'express';
import type { AccountAuth } from '../accounts/auth.ts';
import type { AccountStore } from '../accounts/store.ts';
import { principals } from '../community/principals.ts';
import type { MemberStore } from '../community/members-store.ts';
import type { MemberTokenVerifier } from '../community/directory.ts';
import type { CommunityStore } from '../community/store.ts';
import type { Config } from '../config.ts';
import type { HubStore } from '../hub/store.ts';
import type { Database } from '../store/database.ts';
import { sendDigests } from './digest.ts';
import { Outbox } from './outbox.ts';
import { unsubscribePages } from './page.ts';
import { mailRouter } from './routes.ts';
import { ReminderScheduler } from './scheduler.ts';
import { KyselyMailStore, type MailStore } from './store.ts';
import { smtpMailer, type Mailer } from './transport.ts';
import { UnsubscribeTokens } from './unsubscribe.ts';

export { KyselyMailStore, type MailStore } from './store.ts';

export interface Mail {
  store: MailStore;
  /** Null without SMTP_URL. */
  outbox: Outbox | null;
  api: Router;
  pages: Router;
  /** A member left or was removed: their address and choices go. */
  forgetMember(communityId: string, memberId: string): Promise<void>;
  start(): void;
  close(): Promise<void>;
}

/**
 * Email (docs/email.md) on the server's database. Choices and unsubscribing work whether or
 * not SMTP_URL is set; mail is sent, and reminders scheduled, only when it is.
 */
export async function attachMail(deps: {
  database: Database;
  config: Pick<Config, 'mail' | 'secret' | 'publicUrl' | 'accounts'>;
  accounts: AccountStore;
  auth: AccountAuth;
  communities: CommunityStore;
  members: Pick<MemberStore, 'active' | 'groups'>;
  /** The hub, for its weekly digest. */
  hub: Pick<HubStore, 'digestCommunities' | 'between'>;
  memberTokens: MemberTokenVerifier;
  originAllowed: (req: IncomingMessage) => boolean;
  /** Where links in mail point when no request says (the reminders): PUBLIC_URL, else the server's own address. */
  base: () => string;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  /** Tests only: another sender in place of SMTP. */
  mailer?: Mailer;
}): Promise<Mail> {
  const { config, now, log } = deps;
  const store = new KyselyMailStore(deps.database);
  const tokens = new UnsubscribeTokens(config.secret);
  const mc = config.mail;
  const mailer = mc ? (deps.mailer ?? (await smtpMailer(mc.smtpUrl, mc.from))) : null;
  const outbox = mc && mailer ? new Outbox(mailer, { tries: mc.tries, retryMs: mc.retryMs, perMinute: mc.perMinute, perRecipientPerHour: mc.perRecipientPerHour, log, now }) : null;
  const digests = (o: Outbox, hourMs: number) => () =>
    sendDigests({ store, outbox: o, tokens, hub: deps.hub, community: (id) => deps.communities.get(id), groups: (id) => deps.members.groups(id), hourMs, base: deps.base, now });
  const scheduler = mc && outbox ? new ReminderScheduler(store, outbox, tokens, { tickMs: mc.tickMs, hourMs: mc.hourMs, base: deps.base, now, log, digests: digests(outbox, mc.hourMs) }) : null;
  const who = principals({ auth: deps.auth, communities: deps.communities, members: deps.members, tokens: deps.memberTokens });
  return {
    store,
    outbox,
    api: mailRouter({ store, outbox, tokens, accounts: deps.accounts, auth: deps.auth, who, communities: deps.communities, originAllowed: deps.originAllowed, publicUrl: config.publicUrl, rate: config.accounts.rate, now }),
    pages: unsubscribePages({ store, tokens, now }),
    forgetMember: (communityId, memberId) => store.forget({ kind: 'member', communityId, memberId }),
    start: () => scheduler?.start(),
    async close() {
      await scheduler?.stop();
      outbox?.close();
    },
  };
}
