import type { Browser } from './community-helpers.ts';
import type { ReceivedMail } from '../support/smtp.ts';

/** Mails to one address. */
export const to = (mails: ReceivedMail[], address: string) => mails.filter((m) => m.to.includes(address));

/** The link of a mail's List-Unsubscribe header. */
export const unsubscribeLink = (m: ReceivedMail): string => /<([^>]+)>/.exec(m.headers.get('list-unsubscribe') ?? '')?.[1] ?? '';

/** The first link to our server in a mail's text that contains `part`. */
export const linkIn = (m: ReceivedMail, part: string): string => /https?:\/\/\S+/g.exec(m.body.split('\n').find((l) => l.includes(part)) ?? '')?.[0] ?? '';

/** POST the one-click form, as a mail client does (RFC 8058) or the page's button. */
export const oneClick = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

/** The address of the account a browser is signed in as. */
export const emailOf = async (b: Browser): Promise<string> => ((await b.call('GET', '/api/account/session')).json as { account: { email: string } }).account.email;
