import { mailableConvening, type DigestItem, type MailableConvening } from '@brave/core';
import { formatDate, type Language } from '@brave/i18n';
import { translate } from '../http/language.ts';
import type { OutgoingMail } from './transport.ts';

/**
 * Every email we send, in our own words: short, plain, warm, in the recipient's language
 * (packages/i18n, mail namespace). Each has a text part and a simple HTML part saying the
 * same. Nothing here names a member or a caucus: reminders take only what core's
 * mailableConvening lets through.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function html(lng: Language, paragraphs: string[], link?: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  const button = link ? `<p><a href="${esc(link.href)}">${esc(link.label)}</a></p>` : '';
  return `<!doctype html><html lang="${lng}"><body style="font-family:sans-serif;line-height:1.5;max-width:36em">\n${body}\n${button}\n\n</body></html>`;
}

/** What a mail is, as its unsubscribe footer names it. */
export type MailWhat = 'invitation' | 'reminders' | 'news' | 'all';

/** The footer and headers of every mail but a password reset (RFC 8058 one-click). */
export function unsubscribable(mail: Omit<OutgoingMail, 'headers'>, unsubscribeUrl: string, what: MailWhat, lng: Language): OutgoingMail {
  const t = translate(lng);
  const named = t(`mail:footer.${what}`);
  const [before, link, after] = t('mail:footer.html', { what: '\u0000' }).split(/<a>|<\/a>/);
  const htmlFooter = `${esc(before ?? '').replace('\u0000', esc(named))}<a href="${esc(unsubscribeUrl)}">${esc(link ?? '')}</a>${esc(after ?? '')}`;
  return {
    ...mail,
    text: `${mail.text}\n\n--\n${t('mail:footer.text', { what: named, url: unsubscribeUrl })}\n`,
    html: mail.html.replace('\n</body>', `\n<hr><p style="font-size:small">${htmlFooter}</p>\n</body>`),
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

export function resetMail(to: string, name: string, url: string, lng: Language): OutgoingMail {
  const t = translate(lng);
  const lines = [t('mail:helloName', { name }), t('mail:reset.body')];
  const after = t('mail:reset.after');
  return {
    kind: 'reset',
    to,
    subject: t('mail:reset.subject'),
    text: `${lines.join('\n\n')}\n\n${url}\n\n${after}\n`,
    html: html(lng, lines, { href: url, label: t('mail:reset.button') }).replace('\n</body>', `\n<p>${esc(after)}</p>\n</body>`),
  };
}

export function inviteMail(to: string, communityName: string, url: string, lng: Language): Omit<OutgoingMail, 'headers'> {
  const t = translate(lng);
  const community = communityName;
  const lines = [t('mail:hello'), t('mail:invite.body', { community }), t('mail:invite.how')];
  return {
    kind: 'invite',
    to,
    subject: t('mail:invite.subject', { community }),
    text: `${lines.join('\n\n')}\n\n${url}\n\n${t('mail:invite.notYou')}\n`,
    html: html(lng, lines, { href: url, label: t('mail:invite.button', { community }) }),
  };
}

export function reminderMail(
  to: string,
  c: MailableConvening & { startsAt: number; durationMinutes: number },
  lead: 'day' | 'hour',
  homeUrl: string,
  ics: string,
  lng: Language,
): Omit<OutgoingMail, 'headers'> {
  const t = translate(lng);
  const vars = { title: c.title, community: c.communityName, when: formatDate(lng, c.startsAt, 'full', 'UTC'), minutes: c.durationMinutes };
  const lines = [
    t('mail:hello'),
    lead === 'day' ? t('mail:reminder.tomorrow', vars) : t('mail:reminder.hour', vars),
    ...(c.outline.length > 0 ? [`${t('mail:reminder.plan')}\n${c.outline.map((o) => `- ${o}`).join('\n')}`] : []),
    t('mail:reminder.calendar'),
  ];
  return {
    kind: 'reminder',
    to,
    subject: lead === 'day' ? t('mail:reminder.tomorrowSubject', vars) : t('mail:reminder.hourSubject', vars),
    text: `${lines.join('\n\n')}\n\n${homeUrl}\n`,
    html: html(lng, lines, { href: homeUrl, label: t('mail:reminder.button', vars) }),
    attachments: [{ filename: 'convening.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
  };
}

/**
 * The hub's weekly digest: titles only (core digestFor chose them: no hidden or private
 * thread, no caucus named), never who wrote them, each with its link.
 */
export function digestMail(to: string, community: { name: string; caucusOptions: string[] }, items: DigestItem[], hubUrl: string, lng: Language): Omit<OutgoingMail, 'headers'> {
  const t = translate(lng);
  const { communityName } = mailableConvening({ communityName: community.name, title: '', outline: [] }, community.caucusOptions);
  const vars = { community: communityName };
  const line = (i: DigestItem) =>
    `- ${i.pinned ? t('mail:digest.pinned') : ''}${t(`mail:digest.kind.${i.kind}`)}: ${i.title}${i.replies > 0 ? ` (${t('mail:digest.replies', { count: i.replies })})` : ''}\n  ${hubUrl}/${i.id}`;
  const lines = [t('mail:hello'), t('mail:digest.body', vars), items.map(line).join('\n'), t('mail:digest.after')];
  return {
    kind: 'digest',
    to,
    subject: t('mail:digest.subject', vars),
    text: `${lines.join('\n\n')}\n\n${hubUrl}\n`,
    html: html(lng, lines, { href: hubUrl, label: t('mail:digest.button', vars) }),
  };
}
