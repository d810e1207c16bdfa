import { mailableConvening, type DigestItem, type MailableConvening } from '@brave/core';
import type { OutgoingMail } from './transport.ts';

/**
 * Every email we send, in our own words: short, plain, warm. Each has a text part and a
 * simple HTML part saying the same. Nothing here names a member or a caucus: reminders
 * take only what core's mailableConvening lets through.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function html(paragraphs: string[], link?: { href: string; label: string }, footer?: string): string {
  const body = paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  const button = link ? `<p><a href="${esc(link.href)}">${esc(link.label)}</a></p>` : '';
  const foot = footer ? `<hr><p style="font-size:small">${esc(footer).replace(/\n/g, '<br>')}</p>` : '';
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:36em">\n${body}\n${button}\n${foot}\n</body></html>`;
}

/** The footer and headers of every mail but a password reset (RFC 8058 one-click). */
export function unsubscribable(mail: Omit<OutgoingMail, 'headers'>, unsubscribeUrl: string, what: string): OutgoingMail {
  const footer = `You receive ${what} because you asked to. To stop them, open ${unsubscribeUrl} (one click, no sign-in).`;
  return {
    ...mail,
    text: `${mail.text}\n\n--\n${footer}\n`,
    html: mail.html.replace('\n</body>', `\n<hr><p style="font-size:small">You receive ${esc(what)} because you asked to. <a href="${esc(unsubscribeUrl)}">Stop these emails</a> (one click, no sign-in).</p>\n</body>`),
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

export function resetMail(to: string, name: string, url: string): OutgoingMail {
  const lines = [
    `Hello ${name},`,
    'Someone (we hope you) asked to choose a new password for your Brave Space account. This link lets you do that, once, within the next 24 hours:',
  ];
  const after = 'If it was not you, you can let this email be: your password stays as it is, and the link stops working by itself.';
  return {
    kind: 'reset',
    to,
    subject: 'Choose a new password for Brave Space',
    text: `${lines.join('\n\n')}\n\n${url}\n\n${after}\n`,
    html: html(lines, { href: url, label: 'Choose a new password' }).replace('\n</body>', `\n<p>${esc(after)}</p>\n</body>`),
  };
}

export function inviteMail(to: string, communityName: string, url: string): Omit<OutgoingMail, 'headers'> {
  const lines = [
    'Hello,',
    `A facilitator of ${communityName} invites you to join the community on Brave Space, where it gathers, plans and keeps its work between meetings.`,
    'Open the link to choose the name others will see. No account or password is needed.',
  ];
  return {
    kind: 'invite',
    to,
    subject: `You are invited to ${communityName}`,
    text: `${lines.join('\n\n')}\n\n${url}\n\nIf this is not for you, you can let this email be: nothing happens unless you open the link.\n`,
    html: html(lines, { href: url, label: `Join ${communityName}` }),
  };
}

const when = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(ms)) + ' (UTC)';

export function reminderMail(
  to: string,
  c: MailableConvening & { startsAt: number; durationMinutes: number },
  lead: 'day' | 'hour',
  homeUrl: string,
  ics: string,
): Omit<OutgoingMail, 'headers'> {
  const soon = lead === 'day' ? 'tomorrow' : 'in about an hour';
  const lines = [
    'Hello,',
    `${c.title}, a convening of ${c.communityName}, starts ${soon}: ${when(c.startsAt)}, for ${c.durationMinutes} minutes.`,
    ...(c.outline.length > 0 ? [`What we plan:\n${c.outline.map((o) => `- ${o}`).join('\n')}`] : []),
    'The calendar file attached adds it to your calendar. When it is time, join from the community page.',
  ];
  return {
    kind: 'reminder',
    to,
    subject: lead === 'day' ? `Tomorrow: ${c.title}` : `In an hour: ${c.title}`,
    text: `${lines.join('\n\n')}\n\n${homeUrl}\n`,
    html: html(lines, { href: homeUrl, label: `Open ${c.communityName}` }),
    attachments: [{ filename: 'convening.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
  };
}

const KIND_WORDS: Record<DigestItem['kind'], string> = { resource: 'Resource', question: 'Question', challenge: 'Challenge', idea: 'Idea' };

/**
 * The hub's weekly digest: titles only (core digestFor chose them: no hidden or private
 * thread, no caucus named), never who wrote them, each with its link.
 */
export function digestMail(to: string, community: { name: string; caucusOptions: string[] }, items: DigestItem[], hubUrl: string): Omit<OutgoingMail, 'headers'> {
  const { communityName } = mailableConvening({ communityName: community.name, title: '', outline: [] }, community.caucusOptions);
  const line = (i: DigestItem) => `- ${i.pinned ? 'Pinned. ' : ''}${KIND_WORDS[i.kind]}: ${i.title}${i.replies > 0 ? ` (${i.replies} ${i.replies === 1 ? 'reply' : 'replies'})` : ''}\n  ${hubUrl}/${i.id}`;
  const lines = [
    'Hello,',
    `Here is what was shared in the hub of ${communityName} this past week:`,
    items.map(line).join('\n'),
    'Open the hub to read the threads and reply. Threads kept private to a working group are never in this email.',
  ];
  return {
    kind: 'digest',
    to,
    subject: `This week in the ${communityName} hub`,
    text: `${lines.join('\n\n')}\n\n${hubUrl}\n`,
    html: html(lines, { href: hubUrl, label: `Open the ${communityName} hub` }),
  };
}
