import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { affirm, fillJoinForm, launchBrowser, mySignals, openPerson, seeSpotlight, showScreensIfFailed, signalStep, type Person } from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';

/**
 * What a new facilitator and a participant on a phone meet first: the start form saying
 * what is missing, the console with the invitation on its first screen, disclosures that
 * show they open, and signal buttons that nothing covers, even with a spotlight pinned
 * and reminders rotating (a reminder "minute" is half a second here).
 */
/** True when the element at the centre of `button` is the button itself (or inside it). */
async function uncovered(button: Locator): Promise<boolean> {
  const box = await button.boundingBox();
  if (!box) return false;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return button.evaluate((el, [px, py]) => {
    const hit = el.ownerDocument.elementFromPoint(px!, py!);
    return hit !== null && (hit === el || el.contains(hit));
  }, [x, y]);
}

/** Whether the element lies wholly within the first screen, before any scrolling. */
const onFirstScreen = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const view = el.ownerDocument.defaultView!;
    return view.scrollY === 0 && r.top >= 0 && r.bottom <= view.innerHeight;
  });

describe('first screens, on a laptop and on a phone', () => {
  const data = tempDir('brave-e2e-first-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let sam: Person;
  let ana: Person;
  let joinUrl = '';
  let cohostUrl = '';
  const people = () => [fran, sam, ana].filter(Boolean);

  beforeAll(async () => {
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path, REMINDER_MINUTE_MS: '500' });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    sam = await openPerson(browser, 'Sam', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone', { width: 390, height: 844 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('the start form says in our words that the title is missing, next to the field', async (ctx) => {
    ctx.onTestFinished((t) => showScreensIfFailed(t.task.result?.state, people()));
    const page = fran.page;
    await page.goto(`${server!.url}/`);
    await page.getByLabel('Your name').fill('Fran');
    await page.getByRole('button', { name: 'Open the convening' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    const problem = page.getByRole('alert').filter({ hasText: 'Give your convening a title' });
    await problem.waitFor();
    await expectAccessible(page, 'start page saying the title is missing');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect((await title.getAttribute('aria-describedby'))?.split(' ')).toContain(await problem.getAttribute('id'));
    expect(await title.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');

    await title.fill('Autumn learning call');
    await problem.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Open the convening' }).click();
    await page.getByRole('heading', { name: 'Signal queue' }).waitFor();
  });

  it('the console shows the join code and link on its first screen', async (ctx) => {
    ctx.onTestFinished((t) => showScreensIfFailed(t.task.result?.state, people()));
    const page = fran.page;
    const code = page.getByRole('region', { name: 'Invite people' }).locator('.join-code');
    const link = page.getByRole('textbox', { name: 'Join link' });
    await link.waitFor();
    joinUrl = await link.inputValue();
    cohostUrl = await page.getByRole('textbox', { name: 'Co-facilitator link' }).inputValue();
    expect(await onFirstScreen(code)).toBe(true);
    expect(await onFirstScreen(link)).toBe(true);
    expect(await onFirstScreen(page.getByRole('heading', { name: 'Signal queue' }))).toBe(true);
    await expectAccessible(page, 'facilitator console, just opened');
  });

  it('a co-facilitator is not listed as reading the agreements, and is asked to affirm nothing', async (ctx) => {
    ctx.onTestFinished((t) => showScreensIfFailed(t.task.result?.state, people()));
    await sam.page.goto(cohostUrl);
    await sam.page.getByLabel('Your name').fill('Sam');
    await sam.page.getByRole('button', { name: 'Join the facilitation team' }).click();
    await sam.page.getByRole('heading', { name: 'Signal queue' }).waitFor();
    expect(await sam.page.getByRole('heading', { name: 'Before you come in' }).count()).toBe(0);
    await expectAccessible(sam.page, 'co-facilitator console');

    const samRow = fran.page.getByRole('region', { name: 'People' }).getByRole('listitem').filter({ hasText: 'Sam' });
    await samRow.filter({ hasText: 'Co-facilitator' }).waitFor();
    expect(await samRow.innerText()).not.toContain('Reading the agreements');
  });

  it('collapsed console sections show a marker that they open', async (ctx) => {
    ctx.onTestFinished((t) => showScreensIfFailed(t.task.result?.state, people()));
    for (const text of ['Keep people together or apart', 'Caucus question']) {
      const summary = fran.page.locator('summary', { hasText: text });
      await summary.waitFor();
      const marker = await summary.evaluate((el) => {
        const view = el.ownerDocument.defaultView!;
        const before = view.getComputedStyle(el, '::before');
        const own = view.getComputedStyle(el).display === 'list-item';
        return { drawn: before.content !== 'none' && parseFloat(before.width) > 0 && before.borderRightStyle !== 'none', own };
      });
      expect(marker.drawn || marker.own, text).toBe(true);
      expect(await summary.evaluate((el) => el.parentElement?.hasAttribute('open'))).toBe(false);
    }
  });

  it('on a phone, nothing covers Ouch or Whoops while a spotlight and rotating reminders are up', async (ctx) => {
    ctx.onTestFinished((t) => showScreensIfFailed(t.task.result?.state, people()));
    const page = ana.page;
    await page.goto(joinUrl);
    await fillJoinForm(page, 'Ana');
    await affirm(page);

    await fran.page.getByRole('region', { name: 'Agreements', exact: true }).getByRole('button', { name: 'Spotlight', exact: true }).first().click();
    await seeSpotlight(page, 'Your facilitator is holding up');
    await fran.page.getByRole('spinbutton', { name: 'Every' }).fill('1');
    await fran.page.getByRole('button', { name: 'Start reminders' }).click();
    await seeSpotlight(page, 'A reminder of our agreements');
    await expectAccessible(page, 'participant screen on a phone, with rotating reminders');

    const buttons = ['Ouch', 'Whoops'].map((name) => page.getByRole('button', { name, exact: true }));
    // At the top, scrolled so the buttons touch the top edge, and scrolled to them.
    const positions = [
      () => buttons[0]!.evaluate((el) => el.ownerDocument.defaultView!.scrollTo(0, 0)),
      () =>
        buttons[0]!.evaluate((el) => {
          const view = el.ownerDocument.defaultView!;
          view.scrollTo(0, el.getBoundingClientRect().top + view.scrollY - 2);
        }),
      () => buttons[0]!.scrollIntoViewIfNeeded(),
    ];
    for (const scroll of positions) {
      await scroll();
      // Reminders rotate while we look: check across a few of them, not just one moment.
      const spotlight = page.getByRole('status', { name: 'Spotlight' });
      const shown = await spotlight.innerText();
      await expect.poll(() => spotlight.innerText()).not.toBe(shown);
      for (const button of buttons) {
        const inView = await button.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const middle = r.top + r.height / 2;
          return middle > 0 && middle < el.ownerDocument.defaultView!.innerHeight;
        });
        if (!inView) continue;
        expect(await uncovered(button)).toBe(true);
      }
    }
  });

  it('on a phone, the words come after choosing, and every words box says who reads them', async (ctx) => {
    ctx.onTestFinished((t) => showScreensIfFailed(t.task.result?.state, people()));
    const page = ana.page;
    const ouch = page.getByRole('button', { name: 'Ouch', exact: true });
    expect(await page.getByLabel('A few words (optional)').count()).toBe(0);
    await ouch.click();
    const step = signalStep(page, 'Ouch');
    const words = step.getByLabel('A few words (optional)');
    const ouchBox = (await ouch.boundingBox())!;
    expect((await words.boundingBox())!.y).toBeGreaterThan(ouchBox.y + ouchBox.height);

    await step.getByRole('radio', { name: 'Show my name' }).click();
    await step.getByText('Only the facilitators will read your words.').waitFor();
    const toRoom = step.getByLabel('Let everyone in the room read my words');
    expect(await toRoom.isChecked()).toBe(false);
    await toRoom.check();
    await step.getByText('Everyone in the room will read your words, with your name.').waitFor();
    await expectAccessible(page, 'writing an ouch on a phone');
    await toRoom.uncheck();

    // Sent without words: words added later stay with the facilitators, and the box says so.
    await step.getByRole('button', { name: 'Send ouch' }).click();
    await mySignals(page).first().waitFor();
    expect(await uncovered(ouch)).toBe(true);
    await mySignals(page).first().getByRole('button', { name: 'Add a few words to this ouch' }).click();
    const later = mySignals(page).first().getByRole('textbox', { name: 'Your words' });
    expect(await later.getAttribute('aria-describedby')).toBeTruthy();
    await mySignals(page).first().getByText('Only the facilitators will read your words.').waitFor();
    await expectAccessible(page, 'adding words to a sent ouch');
    expect([...fran.problems, ...sam.problems, ...ana.problems]).toEqual([]);
  });
});
