import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { axeFindings, expectAccessibleAtBothSizes as check } from './support/axe.ts';
import {
  affirm,
  createConvening,
  fillJoinForm,
  launchBrowser,
  mySignals,
  openPerson,
  planMixRound,
  queueCard,
  requireWebBuild,
  sendSignal,
  showScreensIfFailed,
  signalStep,
  type Person,
} from './support/browser.ts';
import { openDoc, openDocsList } from './support/notes.ts';

/**
 * axe-core on every screen, as each role, at laptop and phone sizes: the screens the other
 * end-to-end tests reach check themselves as they go; this walk covers the rest. Each
 * step reaches a screen the way a person would, then asks axe about it at both sizes.
 * Serious and critical findings fail; the message lists the rule and the elements.
 */
describe('accessibility of every screen', () => {
  const data = tempDir('brave-e2e-a11y-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let ana: Person;
  let ben: Person;
  let may: Person;
  let joinUrl = '';
  const people: Person[] = [];

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone');
    ben = await openPerson(browser, 'Ben', 'laptop');
    may = await openPerson(browser, 'May', 'phone');
    people.push(fran, ana, ben, may);
  });

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, people));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('start page, join, agreements, the participant screen and a signal being written', async () => {
    const page = fran.page;
    await page.goto(`${server!.url}/`);
    await page.getByLabel('Title').waitFor();
    await check(page, 'start page');
    await page.getByRole('button', { name: 'Open the convening' }).click();
    await page.getByRole('alert').filter({ hasText: 'Give your convening a title' }).waitFor();
    await check(page, 'start page, saying what is missing');

    const invite = await (await createConvening(page, server!.url, { title: 'Winter learning call', hostName: 'Fran', set: 'Talking openly about race' })).open();
    joinUrl = invite.joinUrl;
    await check(page, 'facilitator console');

    await ana.page.goto(joinUrl);
    await ana.page.getByRole('heading', { name: 'Winter learning call' }).waitFor();
    await check(ana.page, 'join');
    await fillJoinForm(ana.page, 'Ana', 'she/her');
    await ana.page.getByRole('heading', { name: 'Before you come in' }).waitFor();
    await check(ana.page, 'agreements before coming in');
    await affirm(ana.page);
    await check(ana.page, 'participant screen');

    await ana.page.getByRole('button', { name: 'Ouch', exact: true }).click();
    await signalStep(ana.page, 'Ouch').waitFor();
    await check(ana.page, 'writing an ouch');
    await signalStep(ana.page, 'Ouch').getByRole('radio', { name: 'Show my name' }).click();
    await signalStep(ana.page, 'Ouch').getByLabel('A few words (optional)').fill('That landed hard for me.');
    await signalStep(ana.page, 'Ouch').getByRole('button', { name: 'Send ouch' }).click();
    await mySignals(ana.page).first().waitFor();
    await check(ana.page, 'participant screen with a sent ouch');

    await ana.page.getByRole('button', { name: 'Ask for a reminder' }).click();
    await ana.page.getByRole('dialog', { name: 'Ask for a reminder' }).waitFor();
    await check(ana.page, 'asking for a reminder');
    await ana.page.keyboard.press('Escape');

    await queueCard(page, 'Ouch from Ana', 'That landed hard for me.').waitFor();
    await check(page, 'facilitator console with a signal');
  });

  it('breakout preview, the running round, one’s room and its notes', async () => {
    await ben.page.goto(joinUrl);
    await fillJoinForm(ben.page, 'Ben');
    await affirm(ben.page);
    await sendSignal(ben.page, 'Whoops', 'No one sees my name', 'I spoke over someone.');

    const page = fran.page;
    await planMixRound(page, 'Pairs', 2, 30);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByRole('region', { name: 'Rooms in this preview' }).getByText('Ana', { exact: true }).waitFor();
    await check(page, 'breakout preview');
    await page.getByRole('button', { name: 'Open rooms' }).click();
    await page.getByRole('region', { name: 'Rooms', exact: true }).waitFor();
    await check(page, 'running round');

    const room = ana.page.locator('section.room-card');
    await room.waitFor();
    await check(ana.page, 'one’s breakout room');
    await openDocsList(ana.page, 'Notes and toolkit drafts');
    await check(ana.page, 'notes and drafts list');
    await openDoc(ana.page, 'Your room right now', /^Notes: .+ \(Pairs\)$/);
    await ana.page.getByRole('status', { name: 'Document connection' }).filter({ hasText: 'Connected' }).waitFor();
    await check(ana.page, 'room notes');
  });

  it('accounts, communities, a member’s home, a toolkit draft and “my data”', async () => {
    const page = fran.page;
    await page.goto(`${server!.url}/account`);
    await page.getByRole('button', { name: 'Create an account' }).waitFor();
    await check(page, 'sign in');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Email').waitFor();
    await check(page, 'create an account');
    await page.getByLabel('Your name').fill('Fran');
    await page.getByLabel('Email').fill('fran@example.org');
    await page.getByLabel('Password').fill('a long shared passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Create a community' }).waitFor();
    await check(page, 'my communities');

    await page.getByLabel('Community name').fill('Lakeside Practice Circle');
    await page.getByRole('button', { name: 'Create the community' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lakeside Practice Circle' }).waitFor();
    const home = page.url();
    const invite = await page.getByRole('textbox', { name: 'Member invite link' }).inputValue();
    await check(page, 'community home, as its facilitator');

    await may.page.goto(invite);
    await may.page.getByRole('heading', { name: 'Our agreements' }).waitFor();
    await check(may.page, 'joining a community');
    await may.page.getByLabel('Display name').fill('May');
    await may.page.getByLabel('Channel').selectOption({ label: 'Money' });
    await may.page.getByRole('button', { name: 'Join the community' }).click();
    await may.page.getByRole('link', { name: 'My data' }).waitFor();
    await check(may.page, 'member home');

    await may.page.getByRole('link', { name: /Money draft/ }).click();
    await may.page.getByRole('textbox', { name: /Money toolkit draft/ }).waitFor();
    await check(may.page, 'toolkit draft, as a member');
    await may.page.goto(home);
    await may.page.getByRole('link', { name: 'My data' }).click();
    await may.page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await check(may.page, 'my data');

    await page.getByRole('link', { name: 'Edit the Money draft' }).click();
    await page.getByRole('textbox', { name: /Money toolkit draft/ }).waitFor();
    await check(page, 'toolkit draft, as its facilitator');
    await page.goto(`${server!.url}/account/reset`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, 'password reset');
  });

  it('the check itself notices a nameless button and faint words', async () => {
    // Without this, a helper that quietly checked nothing would pass every screen above.
    const page = fran.page;
    await page.locator('body').evaluate((body) => {
      const doc = body.ownerDocument;
      const main = doc.querySelector('main') ?? body;
      const button = doc.createElement('button');
      const faint = doc.createElement('p');
      faint.textContent = 'Words almost nobody can read';
      faint.style.cssText = 'color:#d8d8d8;background:#ffffff';
      main.append(button, faint);
    });
    const rules = (await axeFindings(page)).filter((f) => f.impact === 'critical' || f.impact === 'serious').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
  });

  it('text fields have edges one can find: 3:1 against what surrounds them (WCAG 1.4.11, which axe leaves out)', async () => {
    const page = fran.page;
    await page.goto(`${server!.url}/`);
    await page.getByLabel('Title').waitFor();
    const weak = await page.locator('body').evaluate((body) => {
      const view = body.ownerDocument.defaultView!;
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      // No DOM types in the tests' tsconfig: say what is read from each element.
      interface Box {
        parentElement: Box | null;
        tagName: string;
        getAttribute(name: string): string | null;
      }
      const behind = (start: Box): number[] => {
        for (let el = start.parentElement; el; el = el.parentElement) {
          const c = rgb(view.getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c[3] ?? 0) > 0) return c;
        }
        return [255, 255, 255];
      };
      const fields = Array.from<Box>(body.querySelectorAll('input:not([type="checkbox"]):not([type="hidden"]), textarea, select'));
      return fields.flatMap((el) => {
        const [a, b] = [lum(rgb(view.getComputedStyle(el).borderTopColor)), lum(behind(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        return ratio < 3 ? [`${el.getAttribute('id') ?? el.tagName}: ${ratio.toFixed(2)}:1`] : [];
      });
    });
    expect(weak).toEqual([]);
  });
});
