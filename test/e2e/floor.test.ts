import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { expectAccessible } from './support/axe.ts';
import { affirm, createConvening, fillJoinForm, launchBrowser, openPerson, requireWebBuild, seeStatus, showScreensIfFailed, type Person } from './support/browser.ts';

/**
 * The speaking stack and a quiet moment in real Chromium: a facilitator on a laptop, a
 * participant on a phone-sized screen who prefers reduced motion. Steps build on each other.
 */
describe('speaking line and quiet moment in the browser', () => {
  const data = tempDir('brave-e2e-floor-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let fran: Person;
  let ana: Person;
  const line = (): Locator => fran.page.getByRole('region', { name: 'Speaking line' });
  const place = (): Locator => ana.page.getByRole('region', { name: 'Speaking' }).getByRole('status');

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    browser = await launchBrowser();
    fran = await openPerson(browser, 'Fran', 'laptop');
    ana = await openPerson(browser, 'Ana', 'phone');
    await ana.page.emulateMedia({ reducedMotion: 'reduce' });
  }, 120_000);

  afterEach(async (ctx) => showScreensIfFailed(ctx.task.result?.state, [fran, ana]));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('a participant on a phone raises a hand, is called, and hears that it is their turn', { timeout: 120_000 }, async () => {
    const invite = await (await createConvening(fran.page, server!.url, { title: 'Listening circle', hostName: 'Fran', set: 'Talking openly about race' })).open();
    await ana.page.goto(invite.joinUrl);
    await fillJoinForm(ana.page, 'Ana');
    await affirm(ana.page);

    await ana.page.getByRole('button', { name: 'Raise my hand' }).click();
    await expect.poll(() => place().innerText(), { timeout: 20_000 }).toBe('You are next. Your facilitator will call on you.');
    await expect.poll(() => ana.page.getByRole('button', { name: 'Lower my hand' }).getAttribute('aria-pressed')).toBe('true');

    await line().getByRole('button', { name: 'Call Ana next' }).click();
    await expect.poll(() => place().innerText(), { timeout: 20_000 }).toBe('It is your turn to speak. Take the time you need.');
    expect(await place().getAttribute('aria-live')).toBe('assertive');
    await expectAccessible(ana.page, 'a phone whose person has the floor');
    await expectAccessible(fran.page, 'the console with the speaking line');
    await line().getByText('(turn 1 here)').waitFor();
    expect(await ana.page.locator('body').innerText()).not.toContain('turn 1');
    await line().getByRole('button', { name: 'Ana is done' }).click();
    await line().getByText('Nobody has the floor.').waitFor();
  });

  it('a quiet moment shows calmly for everyone, holds a raised hand, and ends when the facilitator ends it', { timeout: 120_000 }, async () => {
    await line().getByRole('combobox', { name: /Quiet moment of/ }).selectOption('5');
    await line().getByRole('button', { name: 'Begin the quiet' }).click();
    const banner = ana.page.getByRole('region', { name: 'A quiet moment' });
    await banner.waitFor({ timeout: 20_000 });
    await banner.getByText(/minutes? .*left/).waitFor();
    await expectAccessible(ana.page, 'a phone during a quiet moment');
    // Reduced motion asked for: the banner arrives without its animation.
    expect(await banner.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).animationName)).toBe('none');

    // The keyboard shortcut raises the hand from anywhere; during the quiet it waits.
    await ana.page.locator('body').press('Alt+h');
    await seeStatus(ana.page, 'It joins the line when the quiet moment ends', 20_000);
    await line().getByText('Waiting for the quiet to end: Ana').waitFor({ timeout: 20_000 });

    await line().getByRole('button', { name: 'End the quiet now' }).click();
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => place().innerText(), { timeout: 20_000 }).toBe('You are next. Your facilitator will call on you.');
    expect([...fran.problems, ...ana.problems]).toEqual([]);
  });
});
