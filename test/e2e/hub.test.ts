import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';
import { expectAccessible, expectAccessibleAtBothSizes } from './support/axe.ts';

/**
 * The hub between convenings in real Chromium against the real server process: a member on
 * a phone asks a question with a link, another member replies and the first hears it
 * arrive, a facilitator pins the question and then hides it, and it leaves the members'
 * screens without a reload.
 */
describe('the hub in the browser', () => {
  const data = tempDir('brave-e2e-hub-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fay: Person;
  let ana: Person;
  let bo: Person;
  let home = '';
  let thread = '';
  const people: Person[] = [];

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: '0', DATA_DIR: data.path });
    browser = await launchBrowser();
    fay = await openPerson(browser, 'Fay', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone');
    bo = await openPerson(browser, 'Bo', 'laptop');
    people.push(fay, ana, bo);
    // Fay's account and community through the API, in her browser's own cookie jar.
    const req = fay.context.request;
    const signed = await req.post(`${server.url}/api/account/signup`, { data: { email: 'fay@example.org', password: 'a long shared passphrase', name: 'Fay' } });
    const csrf = ((await signed.json()) as { csrfToken: string }).csrfToken;
    const made = await req.post(`${server.url}/api/communities`, {
      headers: { 'x-csrf-token': csrf },
      data: { name: 'Riverside Learning Network', channels: [{ id: 'money', name: 'Money' }, { id: 'narrative', name: 'Narrative' }] },
    });
    const id = ((await made.json()) as { id: string }).id;
    home = `${server.url}/c/${id}`;
    const invite = ((await (await req.get(`${server.url}/api/communities/${id}/member-invite`)).json()) as { url: string }).url;
    for (const p of [ana, bo]) {
      await p.page.goto(invite);
      await p.page.getByLabel('Display name').fill(p.name);
      await p.page.getByLabel('Channel').selectOption({ label: 'Money' });
      await p.page.getByRole('button', { name: 'Join the community' }).click();
      await p.page.getByRole('link', { name: 'My data' }).waitFor();
    }
  }, 180_000);

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('a member on a phone asks a question with a link, from the community home', async () => {
    const page = ana.page;
    await page.getByRole('link', { name: 'Open the hub' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hub' }).waitFor();
    await page.getByText('Nothing here yet. Be the first to share something.').waitFor();
    await expectAccessible(page, 'an empty hub, on a phone');
    await page.getByRole('button', { name: 'Share something' }).click();
    await page.getByRole('radio', { name: /^Question/ }).check();
    await page.getByLabel('Title').fill('Who has a budget hearing template?');
    await page.getByLabel('More words (optional)').fill('We testify in May and would love to borrow one.');
    await page.getByLabel('Link 1').fill('https://example.org/hearings');
    await page.getByRole('checkbox', { name: 'Money' }).check();
    await page.getByRole('checkbox', { name: 'Funders' }).check();
    await expectAccessible(page, 'writing a hub post, on a phone');
    await page.getByRole('button', { name: 'Post it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who has a budget hearing template?' }).waitFor();
    thread = page.url();
    expect(thread).toMatch(/\/hub\/h_/);
    expect(await page.getByRole('link', { name: 'https://example.org/hearings' }).getAttribute('rel')).toContain('noopener');
    await expectAccessibleAtBothSizes(page, 'a hub thread');
  });

  it('another member replies, by keyboard alone; the first hears it arrive without reloading', async () => {
    await bo.page.goto(`${home}/hub`);
    await bo.page.getByRole('link', { name: 'Who has a budget hearing template?' }).focus();
    await bo.page.keyboard.press('Enter');
    await bo.page.getByLabel('Your reply').focus();
    await bo.page.keyboard.type('Ours is in the shared drive, I will send it.');
    // The reply button follows its field.
    await bo.page.keyboard.press('Tab');
    expect(await bo.page.getByRole('button', { name: 'Reply' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await bo.page.keyboard.press('Enter');
    await bo.page.getByRole('status').filter({ hasText: 'Your reply is posted.' }).waitFor();

    await ana.page.getByText('Ours is in the shared drive, I will send it.').waitFor();
    await ana.page.getByRole('status').filter({ hasText: 'A new reply arrived.' }).waitFor();
    await expectAccessible(ana.page, 'a hub thread with a reply, on a phone');
  });

  it('a facilitator pins the question, then hides it, and it leaves the members’ screens', async () => {
    const page = fay.page;
    await page.goto(`${home}/hub`);
    await page.getByRole('link', { name: 'Who has a budget hearing template?' }).click();
    await page.getByRole('button', { name: 'Pin to the top' }).click();
    await page.getByRole('status').filter({ hasText: 'Pinned to the top of the hub.' }).waitFor();
    await expectAccessible(page, 'a hub thread, as its facilitator');

    await bo.page.goto(`${home}/hub`);
    const item = bo.page.getByRole('listitem').filter({ hasText: 'Who has a budget hearing template?' });
    await item.getByText('Pinned', { exact: true }).waitFor();
    await expectAccessible(bo.page, 'the hub with a pinned post');

    await page.getByRole('button', { name: 'Hide from members' }).click();
    await page.getByRole('status').filter({ hasText: 'Hidden from members.' }).waitFor();
    await page.getByText('Hidden from members', { exact: true }).first().waitFor();

    // Both members' open screens let go of it at the doorbell's ring.
    await item.waitFor({ state: 'detached' });
    await bo.page.getByText('Nothing here yet. Be the first to share something.').waitFor();
    await ana.page.getByRole('heading', { name: 'This thread is not here' }).waitFor();
    await expectAccessible(ana.page, 'a hidden thread, as a member');
    for (const p of people) expect(p.problems).toEqual([]);
  });
});
