import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailChoices } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { freePort, startSmtp, type TestSmtp } from '../support/smtp.ts';
import { asMember, createCommunity, facilitator, fragment, joinCommunity, memberCode } from './community-helpers.ts';
import { emailOf, linkIn, oneClick, to, unsubscribeLink } from './mail-helpers.ts';

/** Email through a real SMTP server on 127.0.0.1 (smtp-server), started by the test. */
describe('email with SMTP_URL', () => {
  let smtp: TestSmtp;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('mails a reset link to an account that asks, and the link sets a new password', async () => {
    const fran = await facilitator(server.url);
    const email = await emailOf(fran);
    // An address with no account gets the same answer and no mail.
    expect((await fran.call('POST', '/api/account/forgot', { email: 'nobody-here@example.org' })).status).toBe(202);
    expect((await fran.call('POST', '/api/account/forgot', { email })).status).toBe(202);
    const [mail] = to(await smtp.waitFor((m) => to(m, email).length > 0, 'the reset mail'), email);
    expect(to(smtp.mails, 'nobody-here@example.org')).toEqual([]);
    expect(mail!.subject).toBe('Choose a new password for Brave Space');
    // A reset is asked for: it carries no unsubscribe link.
    expect(mail!.headers.has('list-unsubscribe')).toBe(false);
    const link = linkIn(mail!, '/account/reset#token=');
    const reset = await fran.call('POST', '/api/account/reset', { token: fragment(link, 'token'), password: 'a brand new passphrase' });
    expect(reset.status).toBe(200);
    expect((await fran.call('POST', '/api/account/signin', { email, password: 'a brand new passphrase' })).status).toBe(200);
  });

  it('mails a member invitation whose link lets them join, with a one-click unsubscribe', async () => {
    const fran = await facilitator(server.url);
    const c = await createCommunity(fran, { name: 'Bridges network' });
    const sent = await fran.call('POST', `/api/communities/${c.id}/member-invite/email`, { email: 'Newcomer@Example.org ' });
    expect(sent.status).toBe(202);
    const [mail] = to(await smtp.waitFor((m) => to(m, 'newcomer@example.org').length > 0, 'the invitation'), 'newcomer@example.org');
    expect(mail!.subject).toBe('You are invited to Bridges network');
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = linkIn(mail!, '/join#code=');
    expect(fragment(link, 'code')).toBe(await memberCode(fran, c.id));
    const joined = await joinCommunity(server.url, c.id, fragment(link, 'code'), { name: 'Newcomer' });
    expect(joined.memberId).toBeTruthy();

    // One click stops further invitations of this community to that address.
    const unsubscribe = unsubscribeLink(mail!);
    const page = await fetch(unsubscribe);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect((await oneClick(unsubscribe)).status).toBe(200);
    expect((await fran.call('POST', `/api/communities/${c.id}/member-invite/email`, { email: 'newcomer@example.org' })).status).toBe(202);
    await fran.call('POST', `/api/communities/${c.id}/member-invite/email`, { email: 'second@example.org' });
    await smtp.waitFor((m) => to(m, 'second@example.org').length > 0, 'the second invitation');
    expect(to(smtp.mails, 'newcomer@example.org')).toHaveLength(1);
  });

  it('keeps a member’s address and choices, shows them to them only, and forgets them when they leave', async () => {
    const fran = await facilitator(server.url);
    const c = await createCommunity(fran);
    const bo = await joinCommunity(server.url, c.id, await memberCode(fran, c.id), { name: 'Bo' });
    const path = `/api/communities/${c.id}/me/mail`;
    expect(MailChoices.parse((await asMember(server.url, 'GET', path, bo.token)).json)).toEqual({ email: null, reminders: false, news: false, sending: true });
    const bad = await asMember(server.url, 'PUT', path, bo.token, { email: 'not an address', reminders: true, news: false });
    expect(bad.status).toBe(400);
    expect(bad.error?.field).toBe('email');
    const put = await asMember(server.url, 'PUT', path, bo.token, { email: 'bo@example.org', reminders: true, news: true });
    expect(put.status).toBe(200);
    expect(MailChoices.parse((await asMember(server.url, 'GET', path, bo.token)).json)).toEqual({ email: 'bo@example.org', reminders: true, news: true, sending: true });
    // The facilitator's cookie does not open a member's choices.
    expect((await fran.call('GET', path)).status).toBe(401);
    expect((await asMember(server.url, 'DELETE', `/api/communities/${c.id}/me`, bo.token, { replaceName: false })).status).toBe(204);
    // Joining again, a new member starts with nothing kept.
    const again = await joinCommunity(server.url, c.id, await memberCode(fran, c.id), { name: 'Bo again' });
    expect(MailChoices.parse((await asMember(server.url, 'GET', path, again.token)).json).email).toBeNull();
    const db = new Database(join(server.dataDir, 'brave-space.db'), { readonly: true });
    const left = db.prepare('SELECT COUNT(*) FROM mail_choices WHERE subject = ?').pluck().get(`m:${c.id}:${bo.memberId}`);
    db.close();
    expect(left).toBe(0);
  });
});

describe('email while the SMTP server is down', () => {
  it('answers at once and delivers once the SMTP server is back', async () => {
    const port = await freePort();
    await using server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_MS: '200', MAIL_TRIES: '12' });
    const fran = await facilitator(server.url);
    const email = await emailOf(fran);
    expect((await fran.call('POST', '/api/account/forgot', { email })).status).toBe(202);
    await using smtp = await startSmtp(port);
    const [mail] = to(await smtp.waitFor((m) => to(m, email).length > 0, 'the reset mail after a retry', 60_000), email);
    expect(mail!.subject).toBe('Choose a new password for Brave Space');
  }, 90_000);
});

describe('email without SMTP_URL', () => {
  it('sends nothing, says so, and the reset link is still made to copy', async () => {
    await using server = await startTestServer();
    const fran = await facilitator(server.url);
    const email = await emailOf(fran);
    const forgot = await fran.call('POST', '/api/account/forgot', { email });
    expect(forgot.status).toBe(409);
    expect(forgot.error?.message).toContain('ask the admin of your server for a reset link');
    const c = await createCommunity(fran);
    const invite = await fran.call('POST', `/api/communities/${c.id}/member-invite/email`, { email: 'someone@example.org' });
    expect(invite.status).toBe(409);
    expect(invite.error?.message).toContain('copy the invite link');
    expect((await fran.call('GET', `/api/communities/${c.id}/member-invite`)).status).toBe(200);
    // The first account is the admin: the reset link is shown to copy, as before.
    const link = await fran.call('POST', `/api/admin/accounts/${fran.accountId}/reset-link`);
    expect(link.status).toBe(201);
    expect(MailChoices.parse((await fran.call('GET', '/api/account/mail')).json)).toEqual({ email, reminders: true, news: false, sending: false });
  });
});
