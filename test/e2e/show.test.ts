import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { expectAccessible } from './support/axe.ts';
import { affirm, createConvening, fillJoinForm, launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';

/**
 * The run of show in the browser: a facilitator plans three items (putting one in place
 * by keyboard), starts and moves on; a participant on a phone sees now and next, answers
 * the pulse check the second item starts, and sees the chart once it is shared; then a
 * quick check opened from the console, outside the plan, reaches the phone too.
 */
describe('run of show and a pulse check, in the browser', () => {
  const data = tempDir('brave-e2e-show-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let ana: Person;

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone');
  }, 60_000);

  afterEach(async (ctx) => showScreensIfFailed(ctx.task.result?.state, [fran, ana]));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('plan three items, start, move on; a phone sees now and next, answers, and sees the shared chart', { timeout: 120_000 }, async () => {
    const page = fran.page;
    page.setDefaultTimeout(30_000);
    ana.page.setDefaultTimeout(30_000);
    const invite = await (await createConvening(page, server!.url, { title: 'Monthly practice circle', hostName: 'Fran', set: 'Talking openly about race' })).open();

    const show = page.getByRole('region', { name: 'Run of show' });
    for (const kind of ['Welcome', 'Closing', 'Pulse check']) {
      await show.getByLabel('Add an item').selectOption({ label: kind });
      await show.getByRole('button', { name: 'Add', exact: true }).click();
    }
    const items = show.getByRole('list', { name: 'Items, in order' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(3);
    // Put the pulse check before the closing, from the keyboard.
    await show.getByRole('button', { name: 'Move How are we doing? earlier' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.nth(1).getByLabel('Title').inputValue()).toBe('How are we doing?');
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("aria-label") ?? null')).toBe('Move How are we doing? earlier');
    await show.getByRole('button', { name: 'Save the run of show' }).click();
    await show.getByRole('button', { name: 'Start with “Welcome and arriving”' }).click();
    await show.getByRole('button', { name: 'Move on to “How are we doing?”' }).waitFor();

    await ana.page.goto(invite.joinUrl);
    await fillJoinForm(ana.page, 'Ana');
    await affirm(ana.page);
    const now = ana.page.getByRole('region', { name: 'Run of show' });
    await now.getByText('Welcome and arriving').waitFor();
    await now.getByText(/Next\s*How are we doing\?/).waitFor();
    await expectAccessible(page, 'the console running the show');

    await show.getByRole('button', { name: 'Move on to “How are we doing?”' }).click();
    await now.getByText(/Next\s*Closing circle/).waitFor();
    const check = ana.page.getByRole('region', { name: 'How are you arriving today?' });
    await check.getByRole('button', { name: '4, fairly full' }).click();
    await check.getByText('Your answer: 4. Thank you.').waitFor();
    expect(await check.getByRole('list', { name: 'Results' }).count()).toBe(0);

    // Fran sees the count, then shares it with everyone.
    await show.getByText('1 answer').waitFor();
    await show.getByRole('button', { name: 'Show results to everyone' }).click();
    const bar = check.getByRole('list', { name: 'Results' }).getByRole('listitem').filter({ hasText: 'fairly full' });
    await bar.getByLabel('4 · fairly full: 1').waitFor();
    await expectAccessible(ana.page, 'a phone with a pulse check and its shared chart');

    await show.getByRole('button', { name: 'Move on to “Closing circle”' }).click();
    await now.getByText('Closing circle').waitFor();

    // A quick check outside the plan: anonymous, results for facilitators, unless changed.
    await show.getByText('Ask the room a quick question').click();
    const opener = show.getByRole('form', { name: /outside the run of show/ });
    await opener.getByLabel('Question').fill('How is your energy right now?');
    await opener.getByRole('button', { name: 'Open this check' }).click();
    await show.getByRole('status').filter({ hasText: '“How is your energy right now?” is open on every screen.' }).waitFor({ state: 'attached' });
    const quick = ana.page.getByRole('region', { name: 'How is your energy right now?' });
    await quick.getByRole('button', { name: '2, a little low' }).click();
    await quick.getByText('Your answer: 2. Thank you.').waitFor();
    expect(await quick.getByRole('list', { name: 'Results' }).count()).toBe(0);
    await show.getByText(/Pulse checks so far/).click();
    const held = show.locator('.pulse-host').filter({ hasText: 'How is your energy right now?' });
    await held.getByText('Anonymous').waitFor();
    await held.getByText('1 answer').waitFor();
    expect(await ana.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect([...fran.problems, ...ana.problems]).toEqual([]);
  });
});
