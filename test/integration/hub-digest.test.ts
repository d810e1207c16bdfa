import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, tempDir } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { asMember, createCommunity, facilitator, joinCommunity, memberCode } from './community-helpers.ts';
import { oneClick, to, unsubscribeLink } from './mail-helpers.ts';

/**
 * The hub's weekly digest through a real SMTP server. A mail "hour" lasts MAIL_HOUR_MS
 * (100 ms here), so a digest week is 16.8 s: each test waits for at most a week or two.
 */
const WEEK = 168 * 100;
/** Posts written together must fall in one digest week: start with at least 5 s of the week left. */
async function earlyInAWeek(): Promise<void> {
  const left = WEEK - (Date.now() % WEEK);
  if (left < 5_000) await new Promise((r) => setTimeout(r, left + 50));
}
const env = (smtp: TestSmtp, dataDir: string) => ({ SMTP_URL: smtp.url, MAIL_HOUR_MS: '100', MAIL_TICK_MS: '100', DATA_DIR: dataDir });

let smtp: TestSmtp;
const dir = tempDir('brave-digest-');
beforeAll(async () => {
  smtp = await startSmtp();
}, 60_000);
afterAll(async () => {
  await smtp?.close();
  dir.remove();
});

it('sends each week once to those who chose it, across a restart, never a hidden, group-private or caucus-naming post, nor who wrote them; one click stops it', async () => {
  let server = await startTestServer(env(smtp, dir.path));
  try {
    const fran = await facilitator(server.url);
    const c = await createCommunity(fran, { name: 'Riverside network', caucusOptions: ['Rosewood'] });
    const code = await memberCode(fran, c.id);
    const ana = await joinCommunity(server.url, c.id, code, { name: 'Ana Marchetti' });
    const bo = await joinCommunity(server.url, c.id, code, { name: 'Bo Quillfeather' });
    const cy = await joinCommunity(server.url, c.id, code, { name: 'Cy Underhill' });
    const group = await fran.call('POST', `/api/communities/${c.id}/working-groups`, { name: 'Money writers', channels: ['money'], members: [ana.memberId] });
    const groupId = (group.json as { id: string }).id;
    const mail = (token: string, email: string, news: boolean) => asMember(server.url, 'PUT', `/api/communities/${c.id}/me/mail`, token, { email, reminders: true, news });
    await mail(ana.token, 'ana@example.org', true);
    await mail(bo.token, 'bo@example.org', true);
    // Cy wants reminders, not news: no digest.
    await mail(cy.token, 'cy@example.org', false);

    const post = async (token: string, body: Record<string, unknown>) => {
      const a = await asMember(server.url, 'POST', `/api/communities/${c.id}/hub/posts`, token, body);
      if (a.status !== 201) throw new Error(`post failed: ${a.status} ${a.text}`);
      return (a.json as { id: string }).id;
    };
    await earlyInAWeek();
    await post(bo.token, { kind: 'question', title: 'Who has a budget template?' });
    const pinned = await post(cy.token, { kind: 'resource', title: 'Hearing calendar for the spring' });
    await post(ana.token, { kind: 'resource', title: 'Draft standards, group only', workingGroupId: groupId });
    await post(bo.token, { kind: 'idea', title: 'Supper before the Rosewood caucus' });
    const hidden = await post(cy.token, { kind: 'challenge', title: 'Something that hurt' });
    expect((await fran.call('PATCH', `/api/communities/${c.id}/hub/posts/${pinned}`, { pinned: true })).status).toBe(200);
    expect((await fran.call('PATCH', `/api/communities/${c.id}/hub/posts/${hidden}`, { hidden: true })).status).toBe(200);

    await smtp.waitFor((m) => to(m, 'bo@example.org').length >= 1 && to(m, 'ana@example.org').length >= 1, 'the first digest', 40_000);
    const first = to(smtp.mails, 'bo@example.org')[0]!;
    expect(first.subject).toBe('This week in the Riverside network hub');
    const body = first.body;
    // Pinned first, then in the order they were written.
    expect(body.indexOf('Hearing calendar for the spring')).toBeGreaterThan(-1);
    expect(body.indexOf('Hearing calendar for the spring')).toBeLessThan(body.indexOf('Who has a budget template?'));
    expect(body).toContain(`/c/${c.id}/hub/${pinned}`);
    expect(first.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Ana is in the working group, and still its thread stays out of mail.
    for (const m of [first, to(smtp.mails, 'ana@example.org')[0]!]) {
      for (const secret of ['Draft standards', 'Rosewood', 'Something that hurt', 'Ana Marchetti', 'Bo Quillfeather', 'Cy Underhill', 'Quillfeather']) {
        expect(m.raw, `${secret} in the mail to ${m.to.join()}`).not.toContain(secret);
      }
    }

    // Bo stops the digest with one click.
    expect((await oneClick(unsubscribeLink(first))).status).toBe(200);

    // A restart: the week already sent is not sent again; the next week's is.
    await server.close();
    server = await startTestServer(env(smtp, dir.path));
    const later = await asMember(server.url, 'POST', `/api/communities/${c.id}/hub/posts`, ana.token, { kind: 'idea', title: 'A second week of ideas' });
    expect(later.status).toBe(201);
    await smtp.waitFor((m) => to(m, 'ana@example.org').some((x) => x.body.includes('A second week of ideas')), 'the second week’s digest', 40_000);

    const anas = to(smtp.mails, 'ana@example.org');
    expect(anas).toHaveLength(2);
    expect(anas[1]!.body).not.toContain('Who has a budget template?');
    expect(to(smtp.mails, 'bo@example.org')).toHaveLength(1);
    expect(to(smtp.mails, 'cy@example.org')).toEqual([]);
  } finally {
    await server.close();
  }
}, 120_000);
