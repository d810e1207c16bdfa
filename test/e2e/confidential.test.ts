import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { affirm, createConvening, fillJoinForm, launchBrowser, openPerson, planMixRound, seeStatus, showScreensIfFailed, requireWebBuild, type Person } from './support/browser.ts';
import { docStatus, openDoc, openDocsList, typeAtEnd } from './support/notes.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * Confidential rooms in real Chromium (docs/facilitating.md, "Confidential rooms"): Fran
 * plans a round with one confidential room whose notes are deleted at the close; the
 * people in it (one on a phone) are told so, out loud for screen readers, and write in
 * its notes; Cole, a co-facilitator outside, sees only its size until someone inside
 * lets him in; when the round closes its notes are gone. In a second round Fran marks a
 * running room confidential, keeping its notes for its members, who still have them after.
 */
const roomCard = (page: Page): Locator => page.locator('section.room-card');
const roomName = (page: Page): Promise<string> => roomCard(page).getByRole('heading', { level: 2 }).innerText();
const boardRoom = (board: Locator, name: string): Locator => board.getByRole('region', { name: new RegExp(`^${name} \\d+$`) });
const DELETE_TOLD = 'This room is confidential. Your notes here are deleted when the round closes.';
const KEEP_TOLD = 'This room is confidential. Your notes here are kept for the people in this room only';
const SECRET = 'What we said about the budget fight stays here.';
const KEPT = 'Words we keep for ourselves.';

describe('confidential rooms in the browser', () => {
  const data = tempDir('brave-e2e-confidential-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let cole: Person;
  const people: Person[] = [];
  const by = (name: string) => people.find((p) => p.name === name)!;
  /** Each person's own place in the convening (the console for facilitators), to come back to. */
  const home = new Map<string, string>();
  const goHome = async (p: Person) => {
    await p.page.goto(home.get(p.name)!);
    await p.page.getByRole('heading', { name: 'Signal queue' }).or(p.page.getByRole('button', { name: 'Ouch', exact: true })).first().waitFor();
  };
  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, [fran, cole, ...people]));

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    cole = await openPerson(browser, 'Cole', 'laptop');
    people.push(await openPerson(browser, 'Ana', 'phone'), ...(await Promise.all(['Ben', 'Cruz', 'Dee'].map((n) => openPerson(browser!, n, 'laptop')))));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('everyone comes in: four participants and a co-facilitator', async () => {
    const invite = await createConvening(fran.page, server!.url, { title: 'Policy caucus call', hostName: 'Fran', set: 'Talking openly about race' }).then((f) => f.open());
    for (const p of people) {
      await p.page.goto(invite.joinUrl);
      await fillJoinForm(p.page, p.name);
      await affirm(p.page);
      home.set(p.name, p.page.url());
    }
    await cole.page.goto(invite.cohostUrl);
    await cole.page.getByLabel('Your name').fill('Cole');
    await cole.page.getByRole('button', { name: 'Join the facilitation team' }).click();
    await cole.page.getByRole('heading', { name: 'Signal queue' }).waitFor();
    home.set('Cole', cole.page.url());
    home.set('Fran', fran.page.url());
  });

  it('a room chosen in the builder is confidential: its people are told, outsiders knock, its notes go at the close', async () => {
    const page = fran.page;
    await planMixRound(page, 'Pairs', 2, 30);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Rooms in this preview' });
    await preview.getByText('Ana', { exact: true }).waitFor();
    // Ana's room (she is on a phone) becomes the confidential one, ticked on its own.
    const room = (await boardRoom(preview, 'Room 1').getByText('Ana', { exact: true }).count()) > 0 ? 'Room 1' : 'Room 2';
    const fields = page.getByRole('group', { name: 'Confidential rooms', exact: true });
    await fields.getByLabel('Which rooms').selectOption({ label: 'Rooms I choose' });
    await fields.getByRole('checkbox', { name: room }).check();
    await fields.getByText('1 room will be confidential.').waitFor();
    expect(await fields.getByLabel('Their notes when the round closes').inputValue()).toBe('delete');
    await fields.getByText('Each room is told: “Your notes here are deleted when the round closes.”').waitFor();
    // The preview plans again: the confidential room shows its size only, even to Fran.
    await boardRoom(preview, room).getByText('2 people. Only the people in it see who').waitFor();
    await expectAccessible(page, 'the builder with a confidential room ticked');
    await page.getByRole('button', { name: 'Open rooms' }).click();

    // Inside: the notice, announced; the room's people and only them.
    const mates: Person[] = [];
    for (const p of people) {
      await roomCard(p.page).waitFor();
      if ((await roomName(p.page)) === room) mates.push(p);
    }
    expect(mates.map((p) => p.name)).toContain('Ana');
    expect(mates).toHaveLength(2);
    for (const p of mates) {
      const notice = roomCard(p.page).getByRole('region', { name: 'This room is confidential' });
      await notice.getByText('Facilitators see only that this room exists and how many are in it').waitFor();
      await seeStatus(p.page, DELETE_TOLD);
      expect(await p.page.getByTestId('confidential-announcement').getAttribute('aria-live')).toBe('polite');
    }
    const outside = people.find((p) => !mates.includes(p))!;
    expect(await roomCard(outside.page).getByRole('region', { name: 'This room is confidential' }).count()).toBe(0);
    await expectAccessible(by('Ana').page, 'a confidential room on a phone');

    // Ana writes in the room's notes: nothing to export, nothing to share back.
    const ana = by('Ana').page;
    await ana.getByRole('link', { name: 'Notes and toolkit drafts' }).click();
    const notesTitle = new RegExp(`^Confidential notes: ${room} \\(Pairs\\)$`);
    const anaNotes = await openDoc(ana, 'Your room right now', notesTitle);
    await docStatus(ana, 'Connected');
    await typeAtEnd(ana, anaNotes, SECRET);
    await ana.getByText('These notes are confidential: they stay with the room').waitFor();
    expect(await ana.getByRole('region', { name: 'Share back with consent' }).count()).toBe(0);
    await expectAccessible(ana, 'confidential notes on a phone');

    // Cole, outside: the size, no names, no notes; he knocks.
    const board = cole.page.getByRole('region', { name: 'Rooms', exact: true });
    const colesView = boardRoom(board, room);
    await colesView.getByText('Confidential: you see only that it meets and how many are in it.').waitFor();
    for (const p of mates) expect(await colesView.innerText()).not.toContain(p.name);
    await openDocsList(cole.page, 'Notes and toolkit');
    await cole.page.getByRole('heading', { name: 'Notes', exact: true }).waitFor();
    expect(await cole.page.getByRole('link', { name: notesTitle }).count()).toBe(0);
    await goHome(cole);
    await colesView.getByRole('button', { name: `Knock on ${room}` }).click();
    await seeStatus(cole.page, `You knocked. Someone in ${room} can let you in.`);
    await expectAccessible(cole.page, 'a co-facilitator knocking on a confidential room');

    // Inside, they hear the knock; Ana lets Cole in.
    const mate = mates.find((p) => p.name !== 'Ana')!;
    await seeStatus(mate.page, 'A facilitator is asking to come in.');
    await goHome(by('Ana'));
    await seeStatus(ana, 'A facilitator is asking to come in.');
    await roomCard(ana).getByText('Cole would like to join you.').waitFor();
    await expectAccessible(ana, 'a knock on a confidential room, on a phone');
    await roomCard(ana).getByRole('button', { name: 'Let Cole in' }).click();
    for (const p of mates) await colesView.getByText(p.name, { exact: true }).waitFor();
    // Fran, who did not knock, still sees nobody.
    const fransView = boardRoom(page.getByRole('region', { name: 'Rooms', exact: true }), room);
    await fransView.getByText('Confidential: you see only that it meets and how many are in it.').waitFor();
    for (const p of mates) expect(await fransView.innerText()).not.toContain(p.name);

    // Cole reads the notes now.
    await openDocsList(cole.page, 'Notes and toolkit');
    const colesNotes = await openDoc(cole.page, 'Notes', notesTitle);
    await colesNotes.filter({ hasText: SECRET }).waitFor();
    await goHome(cole);

    // Ana keeps the notes open; Fran closes the round; the notes are gone.
    await ana.getByRole('link', { name: 'Notes and toolkit drafts' }).click();
    const again = await openDoc(ana, 'Your room right now', notesTitle);
    await again.filter({ hasText: SECRET }).waitFor();
    const notesUrl = ana.url();
    await page.getByRole('button', { name: 'Close all rooms' }).click();
    await page.getByRole('alertdialog', { name: 'Close all rooms now?' }).getByRole('button', { name: 'Close all rooms' }).click();
    await docStatus(ana, 'This document was deleted.');
    await ana.goto(notesUrl);
    await ana.getByRole('heading', { name: 'This document cannot be opened' }).waitFor();
    await ana.getByText('These notes were confidential and were deleted when the round closed, as the room was told.').waitFor();
    await expectAccessible(ana, 'confidential notes deleted at the close, on a phone');
  });

  it('a running room marked confidential, keeping its notes: told at once, and the notes stay with its people after', async () => {
    const page = fran.page;
    await page.getByRole('heading', { name: 'Plan a round' }).waitFor();
    await planMixRound(page, 'Second pairs', 2, 30);
    const fields = page.getByRole('group', { name: 'Confidential rooms', exact: true });
    await fields.getByLabel('Which rooms').selectOption({ label: 'None' });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('region', { name: 'Rooms in this preview' }).getByText('Ana', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Open rooms' }).click();
    const ana = by('Ana').page;
    await goHome(by('Ana'));
    await roomCard(ana).waitFor();
    const room = await roomName(ana);
    expect(await roomCard(ana).getByRole('region', { name: 'This room is confidential' }).count()).toBe(0);

    // On the console: mark Ana's room confidential, keeping its notes for its people.
    const board = page.getByRole('region', { name: 'Rooms', exact: true });
    const fransView = boardRoom(board, room);
    await fransView.getByText(`Make ${room} confidential`).click();
    await fransView.getByLabel('Its notes when the round closes').selectOption('keep');
    await fransView.getByText('The room is told: “Your notes here are kept for the people in this room only').waitFor();
    await expectAccessible(page, 'marking a running room confidential');
    await fransView.getByRole('button', { name: 'Make it confidential' }).click();
    await seeStatus(ana, KEEP_TOLD);
    await fransView.getByText('Confidential: you see only that it meets and how many are in it.').waitFor();
    expect(await fransView.innerText()).not.toContain('Ana');

    await ana.getByRole('link', { name: 'Notes and toolkit drafts' }).click();
    const notesTitle = new RegExp(`^Confidential notes: ${room} \\(Second pairs\\)$`);
    const notes = await openDoc(ana, 'Your room right now', notesTitle);
    await docStatus(ana, 'Connected');
    await typeAtEnd(ana, notes, KEPT);
    await notes.filter({ hasText: KEPT }).waitFor();
    await goHome(by('Ana'));

    await page.getByRole('button', { name: 'Close all rooms' }).click();
    await page.getByRole('alertdialog', { name: 'Close all rooms now?' }).getByRole('button', { name: 'Close all rooms' }).click();
    await roomCard(ana).waitFor({ state: 'detached' });
    // Kept for Ana; Fran, who was never let in, has no such document.
    await ana.getByRole('link', { name: 'Notes and toolkit drafts' }).click();
    const kept = await openDoc(ana, 'Notes', notesTitle);
    await kept.filter({ hasText: KEPT }).waitFor();
    await expectAccessible(ana, 'kept confidential notes after the round, on a phone');
    await openDocsList(page, 'Notes and toolkit');
    await page.getByRole('heading', { name: 'Notes', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: notesTitle }).count()).toBe(0);
    expect([...fran.problems, ...cole.problems, ...people.flatMap((p) => p.problems)]).toEqual([]);
  });
});
