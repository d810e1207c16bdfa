import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, tempDir } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { asMember, Browser, createCommunity, facilitator, joinCommunity, memberCode, schedule } from './community-helpers.ts';
import { emailOf, oneClick, to, unsubscribeLink } from './mail-helpers.ts';

/**
 * Convening reminders a day and an hour before, with the .ics, through a real SMTP server.
 * A reminder "hour" lasts MAIL_HOUR_MS (10 s here), so a day is 240 s: a convening 15 s
 * away is due its day reminder at once and its hour reminder 5 s later.
 */
const HOUR = 10_000;
const env = (smtp: TestSmtp, dataDir: string) => ({ SMTP_URL: smtp.url, MAIL_HOUR_MS: String(HOUR), MAIL_TICK_MS: '100', DATA_DIR: dataDir });

let smtp: TestSmtp;
const dir = tempDir('brave-mail-');
beforeAll(async () => {
  smtp = await startSmtp();
}, 60_000);
afterAll(async () => {
  await smtp?.close();
  dir.remove();
});

it('reminds members who chose it a day and an hour before, once across a restart, never naming a caucus or a member; one click stops them', async () => {
  let server = await startTestServer(env(smtp, dir.path));
  try {
    const fran = await facilitator(server.url);
    const franEmail = await emailOf(fran);
    const c = await createCommunity(fran, { name: 'Roots circle', caucusOptions: ['Rosewood caucus'] });
    const code = await memberCode(fran, c.id);
    const bo = await joinCommunity(server.url, c.id, code, { name: 'Bo Quillfeather' });
    const ana = await joinCommunity(server.url, c.id, code, { name: 'Ana Marchetti' });
    await asMember(server.url, 'PUT', `/api/communities/${c.id}/me/mail`, bo.token, { email: 'bo@example.org', reminders: true, news: false });
    // Ana gave her address but wants no reminders.
    await asMember(server.url, 'PUT', `/api/communities/${c.id}/me/mail`, ana.token, { email: 'ana@example.org', reminders: false, news: true });

    const startsAt = Date.now() + 1.5 * HOUR;
    await schedule(fran, c.id, { title: 'Spring gathering', startsAt, durationMinutes: 60, outline: ['Welcome back', 'Rosewood caucus check-in', 'Closing round'] });
    const both = (m: typeof smtp.mails, n: number) => to(m, 'bo@example.org').length >= n && to(m, franEmail).length >= n;
    await smtp.waitFor((m) => both(m, 1), 'the day reminders');
    const [day] = to(smtp.mails, 'bo@example.org');
    expect(day!.subject).toBe('Tomorrow: Spring gathering');
    expect(day!.body).toContain('Welcome back');
    expect(day!.body).toContain('BEGIN:VCALENDAR');
    expect(day!.raw).toMatch(/filename=convening\.ics/);
    expect(day!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    await smtp.waitFor((m) => both(m, 2), 'the hour reminders', 60_000);
    expect(to(smtp.mails, 'bo@example.org')[1]!.subject).toBe('In an hour: Spring gathering');

    // Bo stops reminders with one click (the POST a mail client sends).
    expect((await oneClick(unsubscribeLink(day!))).status).toBe(200);
    expect(((await asMember(server.url, 'GET', `/api/communities/${c.id}/me/mail`, bo.token)).json as { reminders: boolean }).reminders).toBe(false);

    // A restart while the first convening is still within its hour: nothing goes out twice.
    await server.close();
    server = await startTestServer(env(smtp, dir.path));
    // The same browser (its cookie and csrf token, kept in the database) at the restarted server's address.
    const again = new Browser(server.url);
    for (const [k, v] of fran.cookies) again.cookies.set(k, v);
    again.csrf = fran.csrf;
    // A second convening, due a reminder on the restarted server's first look, marks that it looked.
    await schedule(again, c.id, { title: 'Budget huddle', startsAt: Date.now() + 2 * HOUR, durationMinutes: 30 });
    await smtp.waitFor((m) => to(m, franEmail).some((x) => x.subject === 'Tomorrow: Budget huddle'), 'the second convening’s reminder');

    expect(to(smtp.mails, franEmail).map((m) => m.subject).sort()).toEqual(['In an hour: Spring gathering', 'Tomorrow: Budget huddle', 'Tomorrow: Spring gathering']);
    expect(to(smtp.mails, 'bo@example.org').map((m) => m.subject)).toEqual(['Tomorrow: Spring gathering', 'In an hour: Spring gathering']);
    expect(to(smtp.mails, 'ana@example.org')).toEqual([]);
    for (const m of smtp.mails) {
      for (const secret of ['Rosewood', 'Bo Quillfeather', 'Ana Marchetti', 'Quillfeather']) {
        expect(m.raw, `${m.subject} to ${m.to.join()}`).not.toContain(secret);
        expect(m.body, `${m.subject} to ${m.to.join()}`).not.toContain(secret);
      }
    }
  } finally {
    await server.close();
  }
}, 120_000);
