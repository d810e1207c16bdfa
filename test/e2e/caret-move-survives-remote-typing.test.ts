import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import type { LiveClient } from '@brave/client';
import type { CreateConveningResult } from '@brave/protocol';
import { openConvening } from '../support/people.ts';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { affirm, fillJoinForm, launchBrowser, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';
import { docStatus, openDoc, openDocsList } from './support/notes.ts';

/**
 * Issue 15, item 10: a caret moved by keyboard was put back where it had been when a
 * change from someone else arrived before the editor had read the move, so the next
 * words landed in the middle of the draft. Two people write in one toolkit draft; one
 * keeps typing in section 2 while the other moves to the end with Ctrl+End and writes.
 */
const TRIES = 6;

describe('a caret moved by keyboard stays put while someone else types', () => {
  const data = tempDir('brave-e2e-caret-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let host: LiveClient | undefined;
  let made: CreateConveningResult;
  const people: Person[] = [];

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    ({ made, host } = await openConvening(server.url, { title: 'Narrative drafting', hostName: 'Fran' }));
    browser = await launchBrowser();
    people.push(await openPerson(browser, 'Ana', 'laptop'), await openPerson(browser, 'Ben', 'laptop'));
  });

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  afterAll(async () => {
    host?.close();
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('Ctrl+End then typing writes at the end of the draft, every time', async () => {
    const editors: Locator[] = [];
    for (const p of people) {
      await p.page.goto(made.joinUrl);
      await fillJoinForm(p.page, p.name);
      await affirm(p.page);
      await openDocsList(p.page, 'Notes and toolkit drafts');
      editors.push(await openDoc(p.page, 'Toolkit drafts', 'Narrative toolkit draft'));
      await docStatus(p.page, 'Connected');
    }
    const [ana, ben] = people as [Person, Person];
    const [anaDraft, benDraft] = editors as [Locator, Locator];
    const section1 = anaDraft.getByText('How have news, images, campaigns');

    // Ben writes on and on in section 2, a word at a time, until Ana is done.
    await benDraft.getByText('Who gets to tell the story').click();
    await ben.page.keyboard.press('End');
    let writing = true;
    const benTypes = (async () => {
      while (writing) await ben.page.keyboard.type(' more', { delay: 5 });
    })().catch((err: unknown) => {
      if (writing) throw err; // a closed page after the test gave up is not news
    });

    // How much of Ben's writing has reached Ana's screen.
    const arrived = async () => (await anaDraft.getByText('Who gets to tell the story').innerText()).split(' more').length;
    try {
      for (let i = 1; i <= TRIES; i++) {
        await section1.click();
        await ana.page.keyboard.press('Control+End');
        // The race needs Ben's changes landing after the move, before Ana types.
        const before = await arrived();
        await expect.poll(arrived, { timeout: 15_000 }).toBeGreaterThan(before + 1);
        const mark = `Ana wrote this at the end, try ${i}.`;
        await ana.page.keyboard.type(mark);
        await anaDraft.filter({ hasText: mark }).waitFor();
        // The words sit at the end of the last paragraph, not in section 1.
        expect(await anaDraft.locator('p').last().innerText()).toContain(mark);
        expect(await section1.innerText()).not.toContain('Ana wrote this');
      }
    } finally {
      writing = false;
      await benTypes;
    }
    // And Ben's screen agrees once everything has arrived.
    await benDraft.locator('p').last().filter({ hasText: `try ${TRIES}.` }).waitFor();
    expect(await benDraft.getByText('How have news, images, campaigns').innerText()).not.toContain('Ana wrote this');
    expect(people.flatMap((p) => p.problems)).toEqual([]);
  });
});
