import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { affirm, launchBrowser, openPerson, requireWebBuild, seeSpotlight, showScreensIfFailed, spotlightButton, type Person } from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * A community over months, in real Chromium against the real server process: a
 * facilitator signs up, makes a community with two channels, invites members, plans a
 * convening with a breakout round and runs it; the next day (after a server restart) a
 * working-group member edits the Money toolkit from the community page while a member
 * outside the group can only read it; then a member reads what the community holds about
 * them and leaves.
 */
describe('a community in the browser', () => {
  const data = tempDir('brave-e2e-community-');
  let server: ServerProcess | undefined;
  let port = 0;
  const start = async () => {
    server = await spawnServer({ PORT: String(port), DATA_DIR: data.path });
  };
  let browser: Browser | undefined;
  let fay: Person;
  let ana: Person;
  let bo: Person;
  let home = '';
  let invite = '';
  const people: Person[] = [];

  beforeAll(async () => {
    requireWebBuild();
    port = await freePort();
    await start();
    browser = await launchBrowser();
    fay = await openPerson(browser, 'Fay', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone');
    bo = await openPerson(browser, 'Bo', 'laptop');
    people.push(fay, ana, bo);
  });

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('a facilitator signs up and creates a community with two channels', async () => {
    const page = fay.page;
    await page.goto(`${server!.url}/`);
    await page.getByRole('link', { name: 'Go to your communities' }).click();
    await expectAccessible(page, 'communities, signed out');
    await page.getByRole('link', { name: 'Sign in or create an account' }).click();
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Fay');
    await page.getByLabel('Email').fill('fay@example.org');
    await page.getByLabel('Password').fill('a long shared passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/communities');
    await page.getByRole('heading', { name: 'Create a community' }).waitFor();
    await expectAccessible(page, 'creating a first community');

    await page.getByLabel('Community name').fill('Riverside Learning Network');
    await page.getByRole('button', { name: 'Remove channel 3 (Policy)' }).click();
    await page.getByRole('button', { name: 'Create the community' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Learning Network' }).waitFor();
    home = page.url();
    invite = await page.getByRole('textbox', { name: 'Member invite link' }).inputValue();
    expect(invite).toContain('/join#code=');
    // Two channels, two drafts.
    await page.getByRole('link', { name: 'Edit the Money draft' }).waitFor();
    await page.getByRole('link', { name: 'Edit the Narrative draft' }).waitFor();
    expect(await page.getByRole('link', { name: /Policy draft/ }).count()).toBe(0);
    await expectAccessible(page, 'a new community’s home, as its facilitator');
  });

  it('members join from the invite link without an account and are placed in a working group', async () => {
    const join = async (p: Person, channel: string) => {
      await p.page.goto(invite);
      await p.page.getByRole('heading', { name: 'Our agreements' }).waitFor();
      await expectAccessible(p.page, `joining a community (${p.name})`);
      await p.page.getByLabel('Display name').fill(p.name);
      await p.page.getByLabel('Pronouns (optional)').fill('they/them');
      await p.page.getByLabel('Channel').selectOption({ label: channel });
      await p.page.getByRole('button', { name: 'Join the community' }).click();
      await p.page.getByRole('link', { name: 'My data' }).waitFor();
      await expectAccessible(p.page, `a member’s home (${p.name})`);
    };
    await join(ana, 'Money');
    await join(bo, 'Narrative');

    const page = fay.page;
    await page.reload();
    await page.getByRole('button', { name: 'Create a working group' }).click();
    await page.getByLabel('Working group name').fill('Money writers');
    await page.getByRole('checkbox', { name: 'Money' }).check();
    await page.getByRole('checkbox', { name: /^Ana/ }).check();
    await expectAccessible(page, 'making a working group');
    await page.getByRole('button', { name: 'Save working group' }).click();
    await page.getByRole('heading', { name: 'Money writers' }).waitFor();
  });

  it('the facilitator plans a convening; members see it coming and can add it to their calendar', async () => {
    const page = fay.page;
    await page.getByRole('button', { name: 'Schedule a convening' }).click();
    await page.getByLabel('Convening title').fill('May all-team call');
    await page.getByLabel('Date').fill('2031-05-08');
    await page.getByLabel('Start time').fill('15:00');
    await page.getByLabel('Agenda outline, one item a line (optional)').fill('Opening and agreements\nPairs\nClosing');
    await page.getByLabel('Round name').fill('Pairs');
    await page.getByRole('button', { name: 'Add the round' }).click();
    // The run of show, planned ahead with the convening and kept for the next one.
    await page.getByText('Run of show (optional)').click();
    for (const kind of ['Welcome', 'Closing']) {
      await page.getByLabel('Add an item').selectOption({ label: kind });
      await page.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await page.getByRole('button', { name: 'Keep as a template' }).click();
    await page.getByRole('status').filter({ hasText: 'Kept for the community’s next convening' }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'scheduling a convening');
    await page.getByRole('button', { name: 'Schedule the convening' }).click();
    await page.getByRole('button', { name: 'Start May all-team call' }).waitFor();

    await ana.page.reload();
    await ana.page.getByText('May all-team call').first().waitFor();
    await expectAccessible(ana.page, 'a member’s home with a convening coming');
    const download = ana.page.waitForEvent('download');
    await ana.page.getByRole('button', { name: 'Add to calendar: May all-team call' }).click();
    const ics = await readFile(await (await download).path(), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('SUMMARY:May all-team call');
    expect(ics).toMatch(/DTSTART:2031050\d{1}T\d{6}Z/);
  });

  it('the facilitator starts it; members join with one click and the planned round opens', async () => {
    const page = fay.page;
    await page.getByRole('button', { name: 'Start May all-team call' }).click();
    await page.waitForURL('**/host/**');
    await page.getByRole('heading', { level: 1, name: 'May all-team call' }).waitFor();
    await expectAccessible(page, 'console of a community’s convening');
    // The run of show planned with it is there, ready to begin.
    await page.getByRole('region', { name: 'Run of show' }).getByRole('button', { name: 'Start with “Welcome and arriving”' }).waitFor();

    for (const p of [ana, bo]) {
      await p.page.goto(home);
      await p.page.getByRole('button', { name: 'Join May all-team call' }).click();
      await affirm(p.page);
    }
    await spotlightButton(page, 'how it landed').first().click();
    for (const p of [ana, bo]) await seeSpotlight(p.page, 'how it landed');

    // The round planned the day before is on the agenda, ready to start.
    const agenda = page.getByRole('region', { name: /^Agenda/ });
    await agenda.getByRole('button', { name: 'Start Pairs' }).click();
    for (const p of [ana, bo]) await p.page.locator('section.room-card').getByText(p === ana ? 'Bo' : 'Ana').first().waitFor();

    await page.getByRole('button', { name: 'Close the convening' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close the convening' }).click();
    await page.getByRole('link', { name: 'Community page' }).click();
    await page.getByRole('listitem').filter({ hasText: 'May all-team call' }).filter({ hasText: 'Ended' }).waitFor();
    // Planning the next one starts from the community's kept template.
    await page.getByRole('button', { name: 'Schedule a convening' }).click();
    await page.getByText('Run of show (optional)').click();
    await page.getByRole('button', { name: 'Use the kept template (2)' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Items, in order' }).getByRole('listitem').count()).toBe(2);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the next day a working-group member edits the toolkit from the community page; others read it', async () => {
    // Overnight the server restarts: communities, credentials and sessions all carry over.
    await server!.stop();
    await start();

    await ana.page.goto(home);
    await ana.page.getByRole('link', { name: 'Edit the Money draft' }).click();
    const anaEditor = ana.page.getByRole('textbox', { name: /Money toolkit draft/ });
    await anaEditor.waitFor();
    await ana.page.getByText('Connected').first().waitFor();
    await anaEditor.click();
    await ana.page.keyboard.press('Control+End');
    await ana.page.keyboard.type('We move money to the people closest to the harm.');

    await bo.page.goto(home);
    await bo.page.getByRole('link', { name: 'Read the Money draft' }).click();
    const boEditor = bo.page.getByRole('textbox', { name: /Money toolkit draft/ });
    await bo.page.getByText('We move money to the people closest to the harm.').waitFor();
    expect(await boEditor.getAttribute('contenteditable')).toBe('false');
    await expectAccessible(bo.page, 'a toolkit draft, read only');
    await expectAccessible(ana.page, 'a toolkit draft, being written on a phone');

    await fay.page.goto(home);
    await fay.page.getByRole('link', { name: 'Edit the Money draft' }).click();
    await fay.page.getByText('We move money to the people closest to the harm.').waitFor();
  });

  it('a member sees everything the community holds about them, then leaves under “Former member”', async () => {
    const page = bo.page;
    await page.goto(home);
    await page.getByRole('link', { name: 'My data' }).click();
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await page.getByRole('heading', { name: 'Convenings you took part in' }).waitFor();
    await page.getByRole('heading', { name: /May all-team call/ }).waitFor();
    await expectAccessible(page, 'my data');

    await page.getByRole('button', { name: 'Leave the community' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('checkbox', { name: /Former member/ }).check();
    await expectAccessible(page, 'asked to confirm leaving');
    await dialog.getByRole('button', { name: 'Leave the community' }).click();
    await page.getByRole('heading', { name: 'You have left the community' }).waitFor();
    await expectAccessible(page, 'having left the community');
    await page.goto(home);
    await page.getByRole('heading', { name: 'This page is for the community’s members' }).waitFor();
    await expectAccessible(page, 'a community page for members only');

    // The facilitator's member list no longer has Bo; Ana is still there.
    await fay.page.goto(home);
    const members = fay.page.getByRole('region', { name: /^Members/ });
    await members.getByText('Ana (they/them)', { exact: true }).waitFor();
    expect(await members.getByText('Bo (they/them)', { exact: true }).count()).toBe(0);
    expect([...fay.problems, ...ana.problems, ...bo.problems]).toEqual([]);
  });
});
