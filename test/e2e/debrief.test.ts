import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { expectAccessible } from './support/axe.ts';
import { affirm, createConvening, fillJoinForm, launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';

/**
 * Looking back, in the browser: a facilitator runs a small convening (two items, a
 * one-word check answered by two people, a raised hand); a phone sees the words as a
 * cloud, live; the facilitator finishes, sees the timeline and the bars, and saves the
 * report and a picture, whose contents we read back.
 */
describe('the debrief and the word cloud, in the browser', () => {
  const data = tempDir('brave-e2e-debrief-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let ana: Person;
  let bo: Person;

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone');
    bo = await openPerson(browser, 'Bo', 'phone');
  }, 60_000);

  afterEach(async (ctx) => showScreensIfFailed(ctx.task.result?.state, [fran, ana, bo]));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  const saved = async (page: Page, button: Locator): Promise<string> => {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return readFile((await download.path()), 'utf8');
  };

  it('a word cloud on a phone, then the timeline, the bars and the saved report', { timeout: 180_000 }, async () => {
    const page = fran.page;
    for (const p of [fran, ana, bo]) p.page.setDefaultTimeout(30_000);
    const invite = await (await createConvening(page, server!.url, { title: 'Money circle', hostName: 'Fran', set: 'Talking openly about race' })).open();

    const show = page.getByRole('region', { name: 'Run of show' });
    for (const kind of ['Welcome', 'Closing']) {
      await show.getByLabel('Add an item').selectOption({ label: kind });
      await show.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await show.getByRole('button', { name: 'Save the run of show' }).click();
    await show.getByRole('button', { name: 'Start with “Welcome and arriving”' }).click();

    for (const [p, name] of [[ana, 'Ana'], [bo, 'Bo']] as const) {
      await p.page.goto(invite.joinUrl);
      await fillJoinForm(p.page, name);
      await affirm(p.page);
    }

    await show.getByText('Ask the room a quick question').click();
    const opener = show.getByRole('form', { name: /outside the run of show/ });
    await opener.getByLabel('Question').fill('One word for how you arrive?');
    await opener.getByLabel('Answer with').selectOption({ label: 'One word' });
    await opener.getByLabel('Who sees the results live').selectOption({ label: 'Everyone' });
    await opener.getByRole('button', { name: 'Open this check' }).click();
    for (const [p, word] of [[ana, 'Hopeful'], [bo, ' hopeful ']] as const) {
      const check = p.page.getByRole('region', { name: 'One word for how you arrive?' });
      await check.getByLabel('Your word').fill(word);
      await check.getByRole('button', { name: 'Send' }).click();
      await check.getByText('Your answer: hopeful. Thank you.').waitFor();
    }
    // The cloud on Ana's phone: one word, met across case and spaces, given twice; no name with it.
    const cloud = ana.page.getByRole('region', { name: 'One word for how you arrive?' });
    await cloud.getByRole('list', { name: 'Words given, most given first' }).getByText('hopeful: 2 times').waitFor({ state: 'attached' });
    await cloud.getByText('2 answers, 1 word').waitFor();
    expect(await cloud.locator('.word-cloud-picture').innerText()).toBe('hopeful');
    expect(await cloud.innerText()).not.toMatch(/Bo\b/);
    expect(await ana.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expectAccessible(ana.page, 'a phone with a word cloud');

    await bo.page.getByRole('button', { name: 'Raise my hand' }).click();
    await bo.page.getByRole('button', { name: 'Lower my hand' }).waitFor();

    await show.getByRole('button', { name: 'Move on to “Closing circle”' }).click();
    await show.getByRole('button', { name: 'Finish the run of show' }).click();

    const debrief = page.getByRole('region', { name: 'Looking back' });
    const timeline = debrief.getByRole('img', { name: 'Run of show: planned and actual' });
    await timeline.waitFor();
    const hands = debrief.getByRole('figure', { name: 'Hands raised, by room' });
    await hands.getByRole('img', { name: 'Hands raised, by room' }).waitFor();
    await hands.getByText('The numbers as a table').click();
    await hands.getByRole('row', { name: 'Main room 1' }).waitFor();
    // Two answers only: the check keeps its total, not which words, in anything handed on.
    await debrief.getByText(/2 answers\. With fewer than 3, the answers stay unshown/).waitFor();
    await expectAccessible(page, 'the debrief');

    const md = await saved(page, debrief.getByRole('button', { name: 'Download the report (Markdown)' }));
    expect(md).toContain('# Money circle');
    expect(md).toContain('| Welcome and arriving | 10 min from 0:00 |');
    expect(md).toContain('| Main room | 1 | 0 |');
    expect(md).toContain('### One word for how you arrive?');
    expect(md).not.toMatch(/Ana|Bo\b|Fran|hopeful/);

    const svg = await saved(page, debrief.getByRole('figure', { name: 'Run of show: planned and actual' }).getByRole('button', { name: /Save as SVG/ }));
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title');
    expect(svg).toContain('Welcome and arriving');
    expect(svg).toContain('Closing circle');
    const png = await (async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), hands.getByRole('button', { name: /Save as PNG/ }).click()]);
      return readFile((await download.path()));
    })();
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect([...fran.problems, ...ana.problems, ...bo.problems]).toEqual([]);
  });
});
