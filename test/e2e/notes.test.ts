import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import type { LiveClient } from '@brave/client';
import type { CreateConveningResult } from '@brave/protocol';
import { TokenService } from '../../apps/server/src/auth/tokens.ts';
import { joinAs, ok, openConvening } from '../support/people.ts';
import { TEST_SECRET, freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { affirm, fillJoinForm, launchBrowser, openPerson, requireWebBuild, seeStatus, showScreensIfFailed, type Person } from './support/browser.ts';
import { caretOf, docStatus, openDoc, openDocsList, typeAtEnd, whoIsHere } from './support/notes.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * Collaborative notes and toolkit drafts in real Chromium against the real server
 * process: two participants write in their breakout room's notes together, then a
 * facilitator publishes a toolkit version that a visitor without an account reads.
 */
const ROOM_NOTES = /^Notes: .+ \(Pairs\)$/;

describe('notes and toolkit drafts in the browser', () => {
  const data = tempDir('brave-e2e-notes-');
  let server: ServerProcess | undefined;
  let port = 0;
  const start = async () => {
    server = await spawnServer({ PORT: String(port), DATA_DIR: data.path });
  };
  let browser: Browser | undefined;
  let host: LiveClient | undefined;
  let made: CreateConveningResult;
  let ana: Person;
  let ben: Person;
  let anaNotes: Locator;
  let benNotes: Locator;

  beforeAll(async () => {
    requireWebBuild();
    port = await freePort();
    await start();
    ({ made, host } = await openConvening(server!.url, { title: 'Summer toolkit convening', hostName: 'Fran' }));
    browser = await launchBrowser();
    ana = await openPerson(browser, 'Ana', 'laptop');
    ben = await openPerson(browser, 'Ben', 'phone');
    people.push(ana, ben);
  });

  const people: Person[] = [];
  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  afterAll(async () => {
    host?.close();
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('two people in one breakout room write in its notes together and see each other’s words and carets', async () => {
    for (const p of [ana, ben]) {
      await p.page.goto(made.joinUrl);
      await fillJoinForm(p.page, p.name);
      await affirm(p.page);
    }
    // Two people in pairs: one room, both in it.
    await ok(host!, {
      type: 'round.open',
      spec: { name: 'Pairs', strategy: { kind: 'mix', spec: { by: 'size', size: 2 } }, durationSeconds: 1200 },
      seed: 7,
    });

    for (const p of [ana, ben]) await openDocsList(p.page, 'Notes and toolkit drafts');
    anaNotes = await openDoc(ana.page, 'Your room right now', ROOM_NOTES);
    benNotes = await openDoc(ben.page, 'Your room right now', ROOM_NOTES);
    await docStatus(ana.page, 'Connected');
    await docStatus(ben.page, 'Connected');

    await typeAtEnd(ana.page, anaNotes, 'Who decides where the money goes today?');
    await benNotes.filter({ hasText: 'Who decides where the money goes today?' }).waitFor();
    await typeAtEnd(ben.page, benNotes, 'The budget committee, and nobody from the block club.');
    await anaNotes.filter({ hasText: 'nobody from the block club' }).waitFor();

    // Each sees the other's caret with their name, and both in "here now".
    await caretOf(ana.page, 'Ben').waitFor();
    await caretOf(ben.page, 'Ana').waitFor();
    await expect.poll(() => whoIsHere(ana.page).allInnerTexts()).toEqual(['Ana (you)', 'Ben']);
    await expectAccessible(ana.page, 'room notes, written together');
    await expectAccessible(ben.page, 'room notes on a phone, written together');
    // The formatting toolbar says what is on, for assistive technology too.
    await ana.page.getByRole('button', { name: 'Bold' }).click();
    await ana.page.keyboard.type(' Loudly.');
    await expect.poll(() => ana.page.getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('true');
    await benNotes.locator('strong', { hasText: 'Loudly.' }).waitFor();

    // Keyboard only: Escape leaves the text for the toolbar, arrows move along it, Ctrl+K adds a link.
    // Focus moves when the page gets to it (the editor takes it back on the next frame): poll.
    const focused = () => ana.page.evaluate<string | null>('document.activeElement?.getAttribute("aria-label") ?? null');
    await ana.page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Bold');
    await ana.page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe('Italic');
    await ana.page.keyboard.press('Escape');
    await expect.poll(focused).toMatch(ROOM_NOTES);
    await ana.page.keyboard.press('Control+k');
    await ana.page.getByRole('textbox', { name: 'Link address' }).fill('example.org/budget');
    await expectAccessible(ana.page, 'adding a link in the notes');
    await ana.page.keyboard.press('Enter');
    await benNotes.locator('a[href="https://example.org/budget"]').waitFor();
  });

  it('edits made while offline reach the room once the connection returns', async () => {
    await ana.context.setOffline(true);
    await docStatus(ana.page, 'Offline');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('Written on the train, offline.');
    await docStatus(ana.page, 'Saved on this device, not yet shared');
    expect(await benNotes.innerText()).not.toContain('Written on the train');
    await expectAccessible(ana.page, 'notes while offline');

    await ana.context.setOffline(false);
    await docStatus(ana.page, 'Connected');
    await benNotes.filter({ hasText: 'Written on the train, offline.' }).waitFor();
  });

  it('after a server crash the notes reconnect by themselves and nothing typed meanwhile is lost', async () => {
    await server!.crash();
    await docStatus(ana.page, 'Reconnecting');
    await ana.page.keyboard.press('Enter');
    await ana.page.keyboard.type('Typed while the server was away.');
    await docStatus(ana.page, 'Saved on this device, not yet shared');

    await start();
    // Reconnects back off (with jitter) while the server is away, so allow for a few attempts.
    await docStatus(ana.page, 'Connected', 45_000);
    await docStatus(ben.page, 'Connected', 45_000);
    await benNotes.filter({ hasText: 'Typed while the server was away.' }).waitFor();
    await caretOf(ben.page, 'Ana').waitFor();
  });

  it('a room shares only the passage it chose with the plenary notes', async () => {
    const share = ana.page.getByRole('region', { name: 'Share back with consent' });
    await share.getByRole('checkbox', { name: 'Who decides where the money goes today?' }).check();
    await share.getByLabel('Send to').selectOption({ label: 'Plenary notes' });
    await share.getByRole('button', { name: /Review what will be shared/ }).click();
    await share.getByRole('button', { name: 'Share these with Plenary notes' }).waitFor();
    await expectAccessible(ana.page, 'reviewing what a room shares back');
    await share.getByRole('button', { name: 'Share these with Plenary notes' }).click();
    await share.getByRole('status').filter({ hasText: 'Shared 1 paragraph with Plenary notes.' }).waitFor();

    await share.getByRole('link', { name: 'Open Plenary notes' }).click();
    const plenary = ana.page.getByRole('textbox', { name: 'Plenary notes' });
    await plenary.filter({ hasText: 'Who decides where the money goes today?' }).waitFor();
    const text = await plenary.innerText();
    expect(text).toContain('Shared with consent from Notes:');
    expect(text).not.toContain('block club');
    expect([...ana.problems, ...ben.problems]).toEqual([]);
  });

  it('a facilitator names and publishes a toolkit version, and a visitor without an account reads it', async () => {
    const fran = await openPerson(browser!, 'Fran', 'laptop');
    people.push(fran);
    await fran.page.goto(made.hostUrl);
    await fran.page.getByRole('heading', { name: 'Signal queue' }).waitFor();
    await openDocsList(fran.page, 'Notes and toolkit');
    const draft = await openDoc(fran.page, 'Toolkit drafts', 'Narrative toolkit draft');
    await draft.filter({ hasText: 'Narrative toolkit: our standards of accountability' }).waitFor();
    await docStatus(fran.page, 'Connected');
    await typeAtEnd(fran.page, draft, 'Stories about our blocks will be told by the people who live on them.');

    await fran.page.getByLabel('Name this version').fill('Public share-out');
    await fran.page.getByRole('button', { name: 'Save version' }).click();
    await fran.page.getByRole('status').filter({ hasText: 'Saved “Public share-out”.' }).waitFor();
    await fran.page.getByRole('button', { name: 'Publish version Public share-out' }).click();
    const link = fran.page.getByRole('link', { name: 'Open the public page' });
    await link.waitFor();
    const url = (await link.getAttribute('href'))!;
    expect(url).toMatch(new RegExp(`^${server!.url}/p/narrative-toolkit-[a-z0-9]+$`));
    await expectAccessible(fran.page, 'a toolkit draft with a published version');

    // Markdown export of the live draft, as a download.
    const [download] = await Promise.all([fran.page.waitForEvent('download'), fran.page.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(await readFile(await download.path(), 'utf8')).toContain('Stories about our blocks will be told');

    const visitor = await browser!.newContext();
    try {
      const page = await visitor.newPage();
      const res = await page.goto(url);
      expect(res?.status()).toBe(200);
      await page.getByRole('heading', { name: 'Narrative toolkit: our standards of accountability' }).waitFor();
      expect(await page.locator('article').innerText()).toContain('Stories about our blocks will be told by the people who live on them.');
      expect(await page.locator('header').innerText()).toContain('“Public share-out”');
      await expectAccessible(page, 'a published toolkit, read by a visitor');
    } finally {
      await visitor.close();
    }
    expect(fran.problems).toEqual([]);
    await fran.context.close();
  });

  it('an observer reads a toolkit draft live but cannot change it', async () => {
    // Nobody joins as an observer through the public API yet: mint a credential for a real person.
    const { joined, client } = await joinAs(server!.url, made.joinCode, 'Oli');
    client.close();
    const token = new TokenService(TEST_SECRET, 3_600_000).issue({ conveningId: made.id, participantId: joined.participantId, role: 'observer' });
    const oli = await openPerson(browser!, 'Oli', 'phone');
    people.push(oli);
    const seat = JSON.stringify({ token, role: 'observer', name: 'Oli' });
    await oli.context.addInitScript({ content: `localStorage.setItem(${JSON.stringify(`brave-space:seat:${made.id}`)}, ${JSON.stringify(seat)});` });
    await oli.page.goto(`${server!.url}/notes/${made.id}`);
    await oli.page.getByRole('region', { name: 'Toolkit drafts' }).getByText('Read only').first().waitFor();
    const draft = await openDoc(oli.page, 'Toolkit drafts', 'Narrative toolkit draft');
    await draft.filter({ hasText: 'Stories about our blocks will be told' }).waitFor();

    expect(await draft.getAttribute('aria-readonly')).toBe('true');
    expect(await oli.page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    expect(await oli.page.getByRole('button', { name: 'Save version' }).count()).toBe(0);
    await oli.page.getByText('You can read this document').waitFor();
    await expectAccessible(oli.page, 'a toolkit draft, as an observer');
    const before = await draft.innerText();
    await draft.click();
    await oli.page.keyboard.type('An observer should not be able to write this.');
    expect(await draft.innerText()).toBe(before);
    await expect.poll(() => whoIsHere(oli.page).allInnerTexts()).toContain('Oli (you)');
    expect(oli.problems).toEqual([]);
    await oli.context.close();
  });
  it('someone writing in their room’s notes sees the round’s time and messages, and is told when the rooms close', async () => {
    // Ben has stayed in the room's notes all along.
    const page = ben.page;
    await benNotes.waitFor();
    await page.getByRole('timer', { name: /left$/ }).waitFor();
    await page.getByText(/^Breakouts · Pairs · /).waitFor();

    await ok(host!, { type: 'round.broadcast', text: 'Five more minutes, then pick one idea to bring back.' });
    const message = page.getByRole('status', { name: 'Message from the facilitators' });
    await message.filter({ hasText: 'Five more minutes, then pick one idea to bring back.' }).waitFor();
    expect(await message.getAttribute('aria-live')).toBe('polite');

    await ok(host!, { type: 'round.close' });
    await page.getByText('The rooms have closed').waitFor();
    await seeStatus(page, 'Welcome back to the main room. The breakout round has ended.');
    await expectAccessible(page, 'room notes after the rooms closed');
    expect(await page.getByRole('timer').count()).toBe(0);
    await page.getByRole('link', { name: 'Back to the main room' }).click();
    await page.getByRole('button', { name: 'Ouch', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${made.id}`);
    expect(ben.problems).toEqual([]);
  });
});
