import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import {
  affirm,
  createConvening,
  fillJoinForm,
  launchBrowser,
  mySignals,
  newestNotice,
  openPerson,
  queueCard,
  requireWebBuild,
  roomNotices,
  seeSpotlight,
  seeStatus,
  sendSignal,
  signalStep,
  spotlightButton,
  type Person,
} from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * One convening, start to finish, in real Chromium against the real server process:
 * a facilitator (laptop), a co-facilitator, and two participants on phone-sized screens.
 * The steps build on each other, so they run in order and share the people below.
 */
const REWORDED = 'Begin from the history that brought us here.';
const ADDED = 'When something stings, say ouch; when you misspeak, say whoops.';
const BELIEVE = "Believe people of color about their own experiences. Don't explain them away.";

describe('a live convening in the browser', () => {
  const data = tempDir('brave-e2e-');
  let port = 0;
  let server: ServerProcess | undefined;
  let base = '';
  let browser: Browser | undefined;
  let fran: Person;
  let sam: Person;
  let ana: Person;
  let ben: Person;
  let invite: { joinUrl: string; cohostUrl: string; joinCode: string };

  const start = async () => {
    server = await spawnServer({ PORT: String(port), DATA_DIR: data.path });
    base = server.url;
  };

  beforeAll(async () => {
    requireWebBuild();
    port = await freePort();
    await start();
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    sam = await openPerson(browser, 'Sam', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone');
    ben = await openPerson(browser, 'Ben', 'phone');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('a facilitator opens a convening from the start page with edited agreements', async () => {
    const form = await createConvening(fran.page, base, { title: 'Spring learning call', hostName: 'Fran', set: 'Talking openly about race' });
    await form.editAgreements(async (page) => {
      await page.getByRole('textbox', { name: 'Agreement 2', exact: true }).fill(REWORDED);
      await page.getByRole('button', { name: 'Remove agreement 5' }).click();
      await page.getByRole('button', { name: 'Add an agreement' }).click();
      // The new item takes focus, so typing goes straight into it.
      await page.keyboard.type(ADDED);
    });
    invite = await form.open();

    expect(new URL(fran.page.url()).pathname).toMatch(/^\/host\//);
    expect(invite.joinUrl).toBe(`${base}/j/${invite.joinCode}`);
    await fran.page.getByText(invite.joinCode, { exact: true }).waitFor();
    await fran.page.getByRole('img', { name: 'QR code of the join link' }).waitFor();
    await expectAccessible(fran.page, 'facilitator console with its invitation');
    expect(invite.cohostUrl).toMatch(new RegExp(`/j/${invite.joinCode}\\?cohost=`));
  });

  it('people join by link, by typed code and as co-facilitator, and affirm the agreements', async () => {
    await ana.page.goto(invite.joinUrl);
    await ana.page.getByRole('heading', { name: 'Spring learning call' }).waitFor();
    await expectAccessible(ana.page, 'join screen on a phone');
    await fillJoinForm(ana.page, 'Ana', 'she/her');
    // The agreements as edited: reworded, one removed, one added.
    const gate = ana.page.getByRole('region', { name: 'Before you come in' });
    await gate.getByText(REWORDED).waitFor();
    await gate.getByText(ADDED).waitFor();
    expect(await gate.getByRole('listitem').count()).toBe(5);
    await expectAccessible(ana.page, 'the agreements before coming in');
    await affirm(ana.page);

    // Ben mistypes first, reads why, then types the code in lower case.
    await ben.page.goto(`${base}/`);
    await ben.page.getByLabel('Join code').fill('ZZZZ22');
    await ben.page.getByRole('button', { name: 'Continue' }).click();
    await ben.page.getByRole('heading', { name: 'We could not find that convening' }).waitFor();
    await ben.page.getByText('Check the code with your facilitator').waitFor();
    await expectAccessible(ben.page, 'a join code that leads nowhere');
    await ben.page.getByLabel('Join code').fill(invite.joinCode.toLowerCase());
    await ben.page.getByRole('button', { name: 'Continue' }).click();
    await ben.page.getByRole('heading', { name: 'Spring learning call' }).waitFor();
    await fillJoinForm(ben.page, 'Ben');
    await affirm(ben.page);

    await sam.page.goto(invite.cohostUrl);
    await sam.page.getByLabel('Your name').fill('Sam');
    await sam.page.getByRole('button', { name: 'Join the facilitation team' }).click();
    await sam.page.getByRole('heading', { name: 'Signal queue' }).waitFor();

    const people = fran.page.getByRole('region', { name: 'People' }).getByRole('listitem');
    for (const name of ['Ana', 'Ben']) await people.filter({ hasText: name }).filter({ hasText: 'Keeping the agreements' }).waitFor();
    await people.filter({ hasText: 'Sam' }).filter({ hasText: 'Co-facilitator' }).waitFor();
  });

  it('a spotlight reaches every participant and is announced', async () => {
    await spotlightButton(fran.page, ADDED).click();
    for (const p of [ana, ben]) {
      const region = await seeSpotlight(p.page, ADDED);
      expect(await region.getAttribute('aria-live')).toBe('assertive');
    }
    // Ana puts it away; a new spotlight replaces it and shows again.
    await ana.page.getByRole('button', { name: 'Put away' }).click();
    await ana.page.getByRole('button', { name: 'Put away' }).waitFor({ state: 'detached' });
    expect(await ana.page.getByRole('status', { name: 'Spotlight' }).innerText()).toBe('');
    await spotlightButton(sam.page, REWORDED).click();
    for (const p of [ana, ben]) await seeSpotlight(p.page, REWORDED);
    await expectAccessible(ben.page, 'participant screen with a spotlight');
  });

  it('ouch and whoops in each visibility: facilitators and the room see only what is allowed', async () => {
    // Named: everyone sees who and the words.
    await sendSignal(ana.page, 'Ouch', 'Show my name', 'That joke about our neighbourhood stung.', 'tap', 'room');
    await queueCard(fran.page, 'Ouch from Ana', 'That joke about our neighbourhood stung.').waitFor();
    expect(await newestNotice(ben.page, 1)).toContain('Ana said ouch.');
    expect(await roomNotices(ben.page).first().innerText()).toContain('That joke about our neighbourhood stung.');

    // Anonymous to the room: facilitators see Ana and the words; Ben sees neither.
    await sendSignal(ana.page, 'Whoops', 'Only facilitators see my name', 'I talked over Ben just now.');
    const card = queueCard(fran.page, 'Whoops from Ana', 'I talked over Ben just now.');
    await card.getByText('Anonymous to the room').waitFor();
    let notice = await newestNotice(ben.page, 2);
    expect(notice).toContain('Someone said whoops.');
    expect(notice).not.toContain('Ana');
    expect(notice).not.toContain('talked over');

    // Anonymous to everyone: not even facilitators learn it was Ana.
    await sendSignal(ana.page, 'Ouch', 'No one sees my name', 'The example about our city felt heavy.');
    const anonymous = queueCard(fran.page, 'Anonymous ouch', 'The example about our city felt heavy.');
    await anonymous.waitFor();
    expect(await anonymous.innerText()).not.toContain('Ana');
    notice = await newestNotice(ben.page, 3);
    expect(notice).toContain('Someone said ouch.');
    expect(notice).not.toContain('Ana');

    // Ben: the same three modes the other way round, one of them from the keyboard.
    await sendSignal(ben.page, 'Whoops', 'Show my name', 'I got a name wrong earlier, sorry.', 'tap', 'room');
    await queueCard(fran.page, 'Whoops from Ben', 'I got a name wrong earlier, sorry.').waitFor();
    notice = await newestNotice(ana.page, 1);
    expect(notice).toContain('Ben said whoops.');
    expect(notice).toContain('I got a name wrong earlier, sorry.');

    await sendSignal(ben.page, 'Ouch', 'Only facilitators see my name', undefined, 'keyboard');
    await queueCard(sam.page, 'Ouch from Ben').getByText('No words yet.').waitFor();
    notice = await newestNotice(ana.page, 2);
    expect(notice).toContain('Someone said ouch.');
    expect(notice).not.toContain('Ben');

    await sendSignal(ben.page, 'Whoops', 'No one sees my name', 'I should not have guessed where people are from.');
    const benAnonymous = queueCard(sam.page, 'Anonymous whoops', 'I should not have guessed');
    await benAnonymous.waitFor();
    expect(await benAnonymous.innerText()).not.toContain('Ben');
    notice = await newestNotice(ana.page, 3);
    expect(notice).toContain('Someone said whoops.');
    expect(notice).not.toContain('Ben');
    expect(await roomNotices(ana.page).count()).toBe(3);
    await expectAccessible(ana.page, 'participant screen with signals and notices');
    await expectAccessible(fran.page, 'facilitator console with a full queue');
  });

  it('rate limiting is said plainly, never a silent drop', async () => {
    // Ana has sent 3 in the last minute; the limit is 5.
    await sendSignal(ana.page, 'Whoops', 'Show my name');
    await sendSignal(ana.page, 'Whoops', 'Show my name');
    await ana.page.getByRole('button', { name: 'Whoops', exact: true }).click();
    await signalStep(ana.page, 'Whoops').getByRole('button', { name: 'Send whoops' }).click();
    await seeStatus(ana.page, /sent several signals in the last minute/);
    await expectAccessible(ana.page, 'a signal refused for the rate limit');
    expect(await mySignals(ana.page).count()).toBe(5);
  });

  it('facilitators triage together and the sender follows along', async () => {
    const words = 'That joke about our neighbourhood stung.';
    await queueCard(fran.page, 'Ouch from Ana', words).getByRole('button', { name: 'Acknowledge' }).click();
    // Sam sees Fran's move at once, in the acknowledged group.
    const acknowledged = sam.page.getByRole('region', { name: /^Acknowledged/ });
    const samCard = queueCard(acknowledged, 'Ouch from Ana', words);
    await samCard.getByText(/Acknowledged by Fran/).waitFor();
    const anaSignal = mySignals(ana.page).filter({ hasText: words });
    await anaSignal.getByText('A facilitator has seen it').waitFor();

    await samCard.getByLabel('Note (optional)').fill('We paused and named it together.');
    await samCard.getByRole('button', { name: 'Mark addressed' }).click();
    await anaSignal.getByText('A facilitator has marked it addressed.').waitFor();
    await anaSignal.getByText('Note from a facilitator: We paused and named it together.').waitFor();
    await fran.page.getByText(/Show addressed signals/).click();
    await queueCard(fran.page, 'Ouch from Ana', words).getByText(/Addressed by Sam .*: We paused and named it together\./).waitFor();
    await expectAccessible(fran.page, 'facilitator console showing addressed signals');
  });

  it('a quiet reminder request reaches facilitators only', async () => {
    await ben.page.getByRole('button', { name: 'Ask for a reminder' }).click();
    const dialog = ben.page.getByRole('dialog', { name: 'Ask for a reminder' });
    await dialog.getByRole('radio', { name: BELIEVE }).click();
    await dialog.getByLabel('Don’t tell the facilitators it was me').check();
    await expectAccessible(ben.page, 'asking quietly for a reminder');
    await dialog.getByRole('button', { name: 'Send quietly' }).click();
    await seeStatus(ben.page, 'Your request went quietly to the facilitators.');

    const request = fran.page.getByRole('region', { name: 'Reminder requests' }).getByRole('listitem').filter({ hasText: BELIEVE });
    await request.getByText('Asked anonymously').waitFor();
    await request.getByRole('button', { name: 'Spotlight it' }).click();
    for (const p of [ana, ben]) await seeSpotlight(p.page, BELIEVE);
    await ben.page.getByText('A facilitator took care of it.').waitFor();
  });

  it('keeps going across a server restart (kill -9)', async () => {
    await server!.crash();
    for (const p of [fran, sam, ana, ben]) await seeStatus(p.page, 'Reconnecting… your place is kept');
    await expectAccessible(ana.page, 'participant screen while reconnecting');
    await start();
    for (const p of [fran, sam, ana, ben]) await seeStatus(p.page, 'Connected', 30_000);

    // Nothing acknowledged was lost: the queue, the spotlight, each person's signals.
    await queueCard(fran.page, 'Whoops from Ana', 'I talked over Ben just now.').waitFor();
    await queueCard(sam.page, 'Anonymous ouch', 'The example about our city felt heavy.').waitFor();
    await seeSpotlight(ben.page, BELIEVE);

    // A reload comes back as the same person, with their own history.
    await ana.page.reload();
    await ana.page.getByText('Here as Ana (she/her)').waitFor();
    await seeSpotlight(ana.page, BELIEVE);
    await mySignals(ana.page).filter({ hasText: 'A facilitator has marked it addressed.' }).waitFor();
    expect(await mySignals(ana.page).count()).toBe(5);

    // And the convening carries on live.
    await sendSignal(ben.page, 'Ouch', 'Show my name', 'Back after the blip: that landed hard.', 'tap', 'room');
    await queueCard(fran.page, 'Ouch from Ben', 'Back after the blip').waitFor();
    expect(await newestNotice(ana.page, 4)).toContain('Back after the blip: that landed hard.');
    await spotlightButton(fran.page, ADDED).click();
    for (const p of [ana, ben]) await seeSpotlight(p.page, ADDED);

    expect([...fran.problems, ...sam.problems, ...ana.problems, ...ben.problems]).toEqual([]);
  });
});
