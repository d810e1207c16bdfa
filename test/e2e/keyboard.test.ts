import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LiveClient } from '@brave/client';
import type { CreateConveningResult } from '@brave/protocol';
import { joinAs, ok, openConvening } from '../support/people.ts';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { launchBrowser, mySignals, openPerson, requireWebBuild, showScreensIfFailed, signalStep, type Person } from './support/browser.ts';
import { docStatus } from './support/notes.ts';
import { expectFocusShown, press, tabTo } from './support/keyboard.ts';

/**
 * Someone who uses only a keyboard: from the join link to writing in their breakout
 * room's notes, with Tab, Enter, Space and typing, never the mouse. At every stop focus
 * is somewhere and, on a control, visible. The facilitator and a second participant act
 * over the API; their screens are not what this test is about.
 */
describe('keyboard only, from joining to the room notes', () => {
  const data = tempDir('brave-e2e-keyboard-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let host: LiveClient | undefined;
  let other: LiveClient | undefined;
  let made: CreateConveningResult;
  let kim: Person;

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    ({ made, host } = await openConvening(server.url, { title: 'Evening practice call', hostName: 'Fran' }));
    other = (await joinAs(server.url, made.joinCode, 'Lee', { affirm: true })).client;
    browser = await launchBrowser();
    kim = await openPerson(browser, 'Kim', 'laptop');
  });

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, [kim]));

  afterAll(async () => {
    host?.close();
    other?.close();
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('joins, affirms the agreements and sends an ouch with words', async () => {
    const page = kim.page;
    await page.goto(made.joinUrl);
    await tabTo(page, page.getByLabel('Your name'), 'the name field');
    await page.keyboard.type('Kim');
    await press(page, 'Enter', 'joining');
    await page.getByRole('heading', { name: 'Before you come in' }).waitFor();
    await expectFocusShown(page, 'the agreements appearing');

    await tabTo(page, page.getByRole('button', { name: /keep these with you/ }), 'the affirm button');
    await press(page, 'Enter', 'affirming');
    await page.getByRole('button', { name: 'Ouch', exact: true }).waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Ouch', exact: true }), 'Ouch');
    await press(page, 'Enter', 'choosing ouch');
    const step = signalStep(page, 'Ouch');
    // The group is one tab stop: Tab lands on the chosen option.
    await tabTo(page, step.locator('[role="radio"][aria-checked="true"]'), 'who sees it');
    // In a radio group the arrows choose; move until the choice is "only facilitators".
    const choice = step.getByRole('radio', { name: 'Only facilitators see my name' });
    for (let i = 0; i < 4 && (await choice.getAttribute('aria-checked')) !== 'true'; i++) await press(page, 'ArrowDown', 'choosing who sees it');
    expect(await choice.getAttribute('aria-checked')).toBe('true');
    await tabTo(page, step.getByLabel('A few words (optional)'), 'the words box');
    await page.keyboard.type('The joke about accents stung.');
    await tabTo(page, step.getByRole('button', { name: 'Send ouch' }), 'Send ouch');
    await press(page, 'Enter', 'sending the ouch');
    await mySignals(page).filter({ hasText: 'The joke about accents stung.' }).waitFor();
    await step.waitFor({ state: 'detached' });
    await expectFocusShown(page, 'the ouch being sent');
  });

  it('reaches the breakout room and types in its notes', async () => {
    const page = kim.page;
    await ok(host!, {
      type: 'round.open',
      spec: { name: 'Pairs', strategy: { kind: 'mix', spec: { by: 'size', size: 2 } }, durationSeconds: 1200 },
      seed: 3,
    });
    await page.locator('section.room-card').waitFor();
    await expectFocusShown(page, 'the breakout round opening');
    await tabTo(page, page.getByRole('link', { name: 'Notes and toolkit drafts' }), 'the notes link');
    await press(page, 'Enter', 'opening the notes list');
    await page.getByRole('heading', { name: 'Notes and toolkit drafts', level: 1 }).waitFor();

    const roomNotes = page.getByRole('region', { name: 'Your room right now' }).getByRole('link', { name: /^Notes: .+ \(Pairs\)$/ });
    await tabTo(page, roomNotes, 'the room’s notes');
    await press(page, 'Enter', 'opening the room’s notes');
    const editor = page.getByRole('textbox', { name: /^Notes: .+ \(Pairs\)$/ });
    await docStatus(page, 'Connected');
    await tabTo(page, editor, 'the notes editor');
    await page.keyboard.press('Control+End');
    await press(page, 'Enter', 'a new line in the notes');
    await page.keyboard.type('We begin by naming who is not in the room.');
    await editor.filter({ hasText: 'We begin by naming who is not in the room.' }).waitFor();
    await expectFocusShown(page, 'typing in the notes');
    await docStatus(page, 'Connected');
    expect(kim.problems).toEqual([]);
  });
});
