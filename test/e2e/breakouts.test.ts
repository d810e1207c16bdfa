import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { affirm, createConvening, fillJoinForm, launchBrowser, openPerson, planMixRound, requireWebBuild, seeStatus, type Person } from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * Breakouts in real Chromium: a facilitator on a laptop runs a mix round and a caucus
 * round with four participants on phone-sized screens. A round "second" lasts 50 ms on
 * this server, so the caucus round can end by itself while the test watches.
 */
type Answer = 'Person of color' | 'White' | 'Skip this question';
const PEOPLE: { name: string; channel: string; role: string; answer: Answer }[] = [
  { name: 'Ana', channel: 'Money', role: 'Organiser', answer: 'Person of color' },
  { name: 'Ben', channel: 'Narrative', role: 'Educator', answer: 'White' },
  { name: 'Cruz', channel: 'Policy', role: 'Program lead', answer: 'Person of color' },
  { name: 'Dee', channel: 'Money', role: 'Spiritual leader', answer: 'Skip this question' },
];
const BROADCAST = 'Two more minutes, then please come back to the main room.';
const VIDEO = 'https://meet.example.org/brave-room';

/** The participant's room card and the room's name (its heading). */
const roomCard = (page: Page): Locator => page.locator('section.room-card');
async function roomName(page: Page): Promise<string> {
  return roomCard(page).getByRole('heading', { level: 2 }).innerText();
}
const rosterOf = (page: Page): Locator => roomCard(page).getByRole('list').first();

/** A room on the facilitator's board, by its name (the heading also holds the count). */
const boardRoom = (board: Locator, name: string): Locator => board.getByRole('region', { name: new RegExp(`^${name} \\d+$`) });

describe('breakout rounds in the browser', () => {
  const data = tempDir('brave-e2e-breakouts-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let people: Person[] = [];
  const by = (name: string) => people.find((p) => p.name === name)!;

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path, ROUND_SECOND_MS: '50' });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    people = await Promise.all(PEOPLE.map((p) => openPerson(browser!, p.name, 'phone')));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('participants join, then tell a little about themselves and answer the caucus question privately', async () => {
    const form = await createConvening(fran.page, server!.url, { title: 'Regional learning call', hostName: 'Fran', set: 'Talking openly about race' });
    const invite = await form.open();
    await fran.page.getByRole('heading', { name: 'Breakouts', exact: true }).waitFor();

    for (const [i, person] of people.entries()) {
      const { page } = person;
      const about = PEOPLE[i]!;
      await page.goto(invite.joinUrl);
      await fillJoinForm(page, about.name);
      await affirm(page);
      const step = page.getByRole('region', { name: 'About you' });
      await step.getByRole('button', { name: 'Answer now' }).click();
      await step.getByText('Your answer is private').waitFor();
      if (i === 0) await expectAccessible(page, 'telling a little about yourself, on a phone');
      await step.getByRole('radio', { name: about.channel }).click();
      await step.getByLabel('Your role (optional)').fill(about.role);
      await step.getByRole('radio', { name: about.answer }).click();
      if (about.name === 'Ana') await step.getByRole('checkbox', { name: /Keep my answer/ }).check();
      await step.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByText('Thank you. You can change these details').waitFor();
      await step.waitFor({ state: 'detached' });
    }

    // What Ana told is kept, and she can come back to it under "Your details".
    const ana = by('Ana').page;
    await ana.getByText('Your details', { exact: true }).click();
    await expect.poll(() => ana.getByRole('radio', { name: 'Person of color' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => ana.getByRole('checkbox', { name: /Keep my answer/ }).isChecked()).toBe(true);
    await expect.poll(() => ana.getByLabel('Your role (optional)').inputValue()).toBe('Organiser');
    await ana.getByText('Your details', { exact: true }).click();
  });

  it('a mix round: preview, move by keyboard and by drag, open, time, message, help, close', async () => {
    const page = fran.page;
    await planMixRound(page, 'Pairs', 2, 60);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Rooms in this preview' });
    await page.getByText('2 rooms', { exact: true }).waitFor();
    for (const p of PEOPLE) await preview.getByText(p.name, { exact: true }).waitFor();
    await expectAccessible(page, 'breakout preview');

    // With the keyboard: focus "Move Ana", open the menu, the first choice is the other room.
    const anaFirst = (await boardRoom(preview, 'Room 1').getByText('Ana', { exact: true }).count()) > 0 ? 'Room 1' : 'Room 2';
    const other = anaFirst === 'Room 1' ? 'Room 2' : 'Room 1';
    await preview.getByRole('button', { name: 'Move Ana' }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.getByRole('menuitem', { name: new RegExp(`^${other}`) }).waitFor();
    await expectAccessible(page, 'the menu to move someone');
    await page.keyboard.press('Enter');
    await seeStatus(page, `Moved Ana to ${other}.`);
    await boardRoom(preview, other).getByText('Ana', { exact: true }).waitFor();
    // Ana's Move button, now in her new room, has focus again.
    await expect.poll(() => preview.getByRole('button', { name: 'Move Ana' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.getByText('1 move by hand').waitFor();

    // With the mouse: drag someone from the full room back to the room Ana left.
    const crowded = boardRoom(preview, other);
    const mover = (await crowded.locator('.chip-name').allInnerTexts()).map((t) => t.trim()).find((n) => n !== 'Ana')!;
    // Both rooms in view first: a scroll between pressing and moving would pick up another chip.
    await boardRoom(preview, anaFirst).scrollIntoViewIfNeeded();
    await crowded.scrollIntoViewIfNeeded();
    await crowded.getByText(mover, { exact: true }).dragTo(boardRoom(preview, anaFirst));
    await boardRoom(preview, anaFirst).getByText(mover, { exact: true }).waitFor();
    await page.getByText('2 moves by hand').waitFor();

    await page.getByLabel(`Video link for ${other} (optional)`).fill(VIDEO);
    await page.getByRole('button', { name: 'Open rooms' }).click();
    const board = page.getByRole('region', { name: 'Rooms', exact: true });
    await board.waitFor();

    // Each participant sees their room, who is in it (as the facilitator sees it) and the time.
    const placed = new Map<string, string>();
    for (const person of people) {
      await roomCard(person.page).waitFor();
      const name = await roomName(person.page);
      placed.set(person.name, name);
      expect(await person.page.getByRole('timer').first().innerText()).toMatch(/^\d+:\d\d$/);
      await seeStatus(person.page, `Breakouts have started: Pairs. You are in ${name}`);
    }
    await expectAccessible(by('Ana').page, 'one’s breakout room, with a video link');
    expect(placed.get('Ana')).toBe(other);
    expect(placed.get(mover)).toBe(anaFirst);
    expect(await roomCard(by('Ana').page).getByRole('link', { name: `Open the video call for ${other}` }).getAttribute('href')).toBe(VIDEO);
    expect(await roomCard(by(mover).page).getByRole('link').count()).toBe(0);
    for (const person of people) {
      const mates = [...placed].filter(([, room]) => room === placed.get(person.name)).map(([n]) => n);
      expect(mates).toHaveLength(2);
      const roster = (await rosterOf(person.page).innerText()).split('\n').map((l) => l.replace(/\s*You$/, '').trim()).filter(Boolean);
      expect(roster.sort()).toEqual(mates.sort());
      for (const mate of mates) await boardRoom(board, placed.get(person.name)!).getByText(mate, { exact: true }).waitFor();
    }

    // More time, and a message to every room.
    await page.getByRole('button', { name: 'Add 5 minutes' }).click();
    for (const person of people) await seeStatus(person.page, 'The facilitators gave this round more time.');
    await page.getByLabel('Message to every room').fill(BROADCAST);
    await page.getByRole('button', { name: 'Send to every room' }).click();
    for (const person of people) {
      const banner = person.page.getByRole('status', { name: 'Message from the facilitators' });
      await banner.getByText(BROADCAST).waitFor();
      expect(await banner.getAttribute('aria-live')).toBe('polite');
    }

    // Ana's room asks for help; the facilitator sees which room, and answers.
    const ana = by('Ana').page;
    await ana.getByRole('button', { name: 'Ask a facilitator for help' }).click();
    await ana.getByText('Help is on its way.').waitFor();
    const calls = page.getByRole('log', { name: 'Calls for help' });
    await calls.getByText(`${other} asks for help`).waitFor();
    expect(await calls.getAttribute('aria-live')).toBe('assertive');
    await boardRoom(board, other).getByText(/Asked for help at/).waitFor();
    await expectAccessible(page, 'running round with a call for help');
    await expectAccessible(ana, 'one’s breakout room, having asked for help');
    await calls.getByRole('button', { name: `On my way to ${other}` }).click();
    await ana.getByText(`A facilitator answered and is coming to ${other}.`).waitFor();
    await calls.getByText(`${other} asks for help`).waitFor({ state: 'detached' });

    // Close all rooms, after confirming; everyone is back in the main room.
    await page.getByRole('button', { name: 'Close all rooms' }).click();
    await page.getByRole('alertdialog', { name: 'Close all rooms now?' }).waitFor();
    await expectAccessible(page, 'asked to confirm closing all rooms');
    await page.getByRole('alertdialog', { name: 'Close all rooms now?' }).getByRole('button', { name: 'Close all rooms' }).click();
    for (const person of people) {
      await person.page.getByRole('region', { name: 'Welcome back' }).waitFor();
      await roomCard(person.page).waitFor({ state: 'detached' });
    }
    await expectAccessible(by('Ben').page, 'welcome back to the main room');
    await board.waitFor({ state: 'detached' });
  });

  it('a caucus round: rosters stay with each caucus, the one who skipped stays in the main room, it ends by itself', async () => {
    const page = fran.page;
    await page.getByLabel('Round name').fill('Caucus');
    await page.getByRole('radio', { name: 'Affinity caucus' }).click();
    await page.getByLabel('Those who prefer not to say or skipped').selectOption('plenary');
    await page.getByLabel('Minutes', { exact: true }).fill('8');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Rooms in this preview' });
    await boardRoom(preview, 'Caucus: person of color').getByText('2 people. Only the caucus sees who').waitFor();
    await boardRoom(preview, 'Caucus: white').getByText('1 person. Only the caucus sees who').waitFor();
    await preview.getByText('1 person stays here.').waitFor();
    const shown = await preview.innerText();
    for (const p of PEOPLE) expect(shown).not.toContain(p.name);
    // Ben is the white caucus's only member: the preview says so, names nobody, and offers the main room.
    const alone = page.getByRole('region', { name: 'Someone would be on their own' });
    expect(await alone.getByRole('radio', { name: 'Keep the caucus room' }).getAttribute('aria-checked')).toBe('true');
    for (const p of PEOPLE) expect(await alone.innerText()).not.toContain(p.name);
    await expectAccessible(page, 'caucus preview with someone on their own');
    await alone.getByRole('radio', { name: 'Wait in the main room' }).click();
    await preview.getByText('2 people stay here.').waitFor();
    await boardRoom(preview, 'Caucus: white').waitFor({ state: 'detached' });
    await alone.getByRole('radio', { name: 'Keep the caucus room' }).click();
    await boardRoom(preview, 'Caucus: white').getByText('1 person. Only the caucus sees who').waitFor();
    await page.getByRole('button', { name: 'Open rooms' }).click();

    const expected: Record<string, string[]> = { Ana: ['Ana', 'Cruz'], Cruz: ['Ana', 'Cruz'], Ben: ['Ben'] };
    for (const [name, roster] of Object.entries(expected)) {
      const p = by(name).page;
      await roomCard(p).getByText('Your caucus').waitFor();
      expect(await roomName(p)).toBe(name === 'Ben' ? 'Caucus: white' : 'Caucus: person of color');
      const seen = (await rosterOf(p).innerText()).split('\n').map((l) => l.replace(/\s*You$/, '').trim()).filter(Boolean);
      expect(seen.sort()).toEqual(roster);
      const card = await roomCard(p).innerText();
      for (const outsider of PEOPLE.map((x) => x.name).filter((n) => !roster.includes(n))) expect(card).not.toContain(outsider);
      if (name === 'Ben') expect(card).toContain('You are the only one in this caucus this time.');
    }
    await expectAccessible(by('Ana').page, 'one’s caucus room');
    await by('Dee').page.getByRole('heading', { name: 'You are in the main room for this round' }).waitFor();
    await expectAccessible(by('Dee').page, 'staying in the main room during a caucus');

    // The facilitator sees that the caucuses exist and their sizes, never who is in them.
    const board = page.getByRole('region', { name: 'Rooms', exact: true });
    await boardRoom(board, 'Caucus: person of color').getByText('2 people.').waitFor();
    await boardRoom(board, 'Caucus: white').getByText('1 person.').waitFor();
    let text = await board.innerText();
    for (const name of ['Ana', 'Ben', 'Cruz', 'Dee']) expect(text).not.toContain(name);

    // Ben's caucus invites Fran: she now sees that caucus, and only that one.
    const ben = by('Ben').page;
    await ben.getByText('Invite a facilitator').click();
    await ben.getByRole('checkbox', { name: 'Fran' }).check();
    await ben.getByRole('button', { name: 'Save who is invited' }).click();
    await ben.getByText('Invited: Fran.').waitFor();
    await expectAccessible(ben, 'a caucus that invited a facilitator');
    await boardRoom(board, 'Caucus: white').getByText('Ben', { exact: true }).waitFor();
    text = await board.innerText();
    for (const name of ['Ana', 'Cruz', 'Dee']) expect(text).not.toContain(name);

    // Nobody closes it: the round warns, runs out, and everyone is back.
    for (const person of people) await person.page.getByRole('region', { name: 'Welcome back' }).waitFor({ timeout: 60_000 });
    for (const person of people) await roomCard(person.page).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Plan a round' }).waitFor();

    // Who was where: names for the pairs, sizes only for the caucuses.
    const past = page.getByRole('region', { name: 'Who was where' });
    await past.locator('summary', { hasText: 'Affinity caucus' }).click();
    await past.getByText('2 people, known only to the caucus').waitFor();
    const caucusDetails = await past.locator('details', { hasText: 'Affinity caucus' }).innerText();
    for (const name of ['Ana', 'Ben', 'Cruz', 'Dee']) expect(caucusDetails).not.toContain(name);
    await past.locator('summary', { hasText: 'Mix' }).click();
    await past.locator('details', { hasText: 'Mix' }).getByText(/Ana/).waitFor();
    await expectAccessible(page, 'who was where, after two rounds');

  });

  it('a prepared round starts with one click, and people move between running rooms from the keyboard', async () => {
    const page = fran.page;
    await page.getByLabel('Round name').fill('Quick pairs');
    await page.getByRole('radio', { name: 'Random' }).click();
    await page.getByLabel('People per room').fill('2');
    await page.getByLabel('Minutes', { exact: true }).fill('60');
    await page.getByRole('button', { name: 'Save to agenda' }).click();
    const agenda = page.getByRole('region', { name: /^Agenda/ });
    await agenda.getByText('Random: rooms of 2 · 60 min').waitFor();
    await agenda.getByRole('button', { name: 'Start Quick pairs' }).click();

    const board = page.getByRole('region', { name: 'Rooms', exact: true });
    await board.waitFor();
    await roomCard(by('Ana').page).waitFor();
    const from = await roomName(by('Ana').page);
    const to = from === 'Room 1' ? 'Room 2' : 'Room 1';
    await board.getByRole('button', { name: 'Move Ana' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: new RegExp(`^${to}`) }).waitFor();
    await page.keyboard.press('Enter');
    await boardRoom(board, to).getByText('Ana', { exact: true }).waitFor();
    await expect.poll(() => board.getByRole('button', { name: 'Move Ana' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await seeStatus(by('Ana').page, `You have been moved. You are in ${to}`);
    await roomCard(by('Ana').page).getByRole('heading', { name: to, exact: true }).waitFor();

    await page.getByRole('button', { name: 'Close all rooms' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close all rooms' }).click();
    for (const person of people) await roomCard(person.page).waitFor({ state: 'detached' });
    expect([...fran.problems, ...people.flatMap((p) => p.problems)]).toEqual([]);
  });
});
