import type { Language } from '@brave/i18n';
import type { IncomingMessage } from 'node:http';
import { Router, type Request } from 'express';
import { AccountMailBody, ForgotBody, InviteEmailBody, MemberMailBody, type MailChoices, type MailQueued } from '@brave/protocol';
import type { AccountAuth } from '../accounts/auth.ts';
import { RESET_LINK_TTL_MS } from '../accounts/routes.ts';
import { randomToken, sha256 } from '../accounts/secrets.ts';
import type { AccountStore } from '../accounts/store.ts';
import type { Principals } from '../community/principals.ts';
import type { CommunityStore } from '../community/store.ts';
import { RateLimiter } from '../http/ratelimit.ts';
import { requestLanguage } from '../http/language.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import { inviteMail, resetMail, unsubscribable } from './messages.ts';
import { ACCOUNT_DEFAULT, type MailStore, type Subject } from './store.ts';
import type { Outbox } from './outbox.ts';
import type { UnsubscribeTokens } from './unsubscribe.ts';

export interface MailRouteDeps {
  store: MailStore;
  /** Null without SMTP_URL: choices are still kept, nothing is sent. */
  outbox: Outbox | null;
  tokens: UnsubscribeTokens;
  accounts: AccountStore;
  auth: AccountAuth;
  who: Principals;
  communities: CommunityStore;
  originAllowed: (req: IncomingMessage) => boolean;
  publicUrl: string | undefined;
  rate: { burst: number; perSecond: number };
  now: () => number;
}

const noMail = (what: string) => new HttpError({ code: 'conflict', message: `This server does not send email, so ${what}` });

/** /api routes of email: choices, a reset link by email, an invitation by email (docs/email.md). */
export function mailRouter(deps: MailRouteDeps): Router {
  const { store, outbox, tokens, now } = deps;
  const r = Router();
  const perIp = new RateLimiter(deps.rate.perSecond, deps.rate.burst, now);
  const limit = (req: Request) => {
    const wait = perIp.take(req.ip ?? 'unknown');
    if (wait > 0) throw new HttpError({ code: 'rate_limited', message: 'Too many requests from this address; please wait a little.', retryAfterMs: wait });
  };
  const base = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  const unsubscribeUrl = (req: Request, s: Subject, list: 'news' | 'all', lng: Language) => `${base(req)}/unsubscribe/${tokens.issue(s, list)}?lang=${lng}`;
  const answer = (c: { email: string | null; reminders: boolean; news: boolean }): MailChoices => ({ ...c, sending: outbox !== null });

  r.get('/communities/:id/me/mail', async (req, res) => {
    const { community, member } = await deps.who.member(req, req.params.id);
    const c = await store.choices({ kind: 'member', communityId: community.id, memberId: member.memberId });
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer(c ?? { email: null, reminders: false, news: false }));
  });

  r.put('/communities/:id/me/mail', async (req, res) => {
    const { community, member } = await deps.who.member(req, req.params.id);
    const body = parseBody(MemberMailBody, req.body);
    const subject: Subject = { kind: 'member', communityId: community.id, memberId: member.memberId };
    // No address, nothing to keep: forgetting it forgets the choices with it.
    if (body.email === null) await store.forget(subject);
    else await store.setChoices(subject, body, now());
    res.json(answer(body.email === null ? { email: null, reminders: false, news: false } : body));
  });

  r.get('/account/mail', async (req, res) => {
    const account = await deps.auth.require(req);
    const c = (await store.choices({ kind: 'account', accountId: account.id })) ?? ACCOUNT_DEFAULT;
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer({ ...c, email: account.email }));
  });

  r.put('/account/mail', async (req, res) => {
    const account = await deps.auth.require(req);
    const body = parseBody(AccountMailBody, req.body);
    await store.setChoices({ kind: 'account', accountId: account.id }, { email: null, ...body }, now());
    res.json(answer({ email: account.email, ...body }));
  });

  /** Forgot the password: the same answer whether or not an account has this address. */
  r.post('/account/forgot', async (req, res) => {
    if (!deps.originAllowed(req)) throw new HttpError({ code: 'forbidden', message: 'This request came from a site we do not trust.', field: 'origin' });
    limit(req);
    const body = parseBody(ForgotBody, req.body);
    if (!outbox) throw noMail('ask the admin of your server for a reset link.');
    const found = await deps.accounts.byEmail(body.email);
    if (found) {
      const token = randomToken();
      const at = now();
      // Stored before the mail is queued: the link in it works the moment it arrives.
      await deps.accounts.createResetLink({ tokenHash: sha256(token), accountId: found.account.id, createdBy: found.account.id, createdAt: at, expiresAt: at + RESET_LINK_TTL_MS });
      outbox.enqueue(resetMail(found.account.email, found.account.name, `${base(req)}/account/reset#token=${token}`, requestLanguage(req)));
    }
    res.status(202).json({ queued: true } satisfies MailQueued);
  });

  r.post('/communities/:id/member-invite/email', async (req, res) => {
    const { community } = await deps.who.facilitator(req, req.params.id);
    const body = parseBody(InviteEmailBody, req.body);
    if (!outbox) throw noMail('copy the invite link and send it yourself.');
    limit(req);
    const code = await deps.communities.memberInviteCode(community.id);
    if (!code) throw new HttpError({ code: 'not_found', message: 'This community has no invite link right now.' });
    // Not a member yet: their unsubscribe link stops further invitations of this community to this address.
    const invitee: Subject = { kind: 'member', communityId: community.id, memberId: `invite-${sha256(body.email).slice(0, 32)}` };
    if ((await store.choices(invitee))?.news === false) {
      res.status(202).json({ queued: true } satisfies MailQueued);
      return;
    }
    const mail = inviteMail(body.email, community.name, `${base(req)}/c/${community.id}/join#code=${code}`, body.language);
    outbox.enqueue(unsubscribable(mail, unsubscribeUrl(req, invitee, 'all', body.language), 'invitation', body.language));
    res.status(202).json({ queued: true } satisfies MailQueued);
  });

  return r;
}
