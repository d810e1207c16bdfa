import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LiveClient } from '@brave/client';
import type { CreateConveningResult } from '@brave/protocol';
import { joinAs, ok, openConvening } from '../support/people.ts';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { affirm, fillJoinForm, launchBrowser, newestNotice, openPerson, requireWebBuild, showScreensIfFailed, type Person } from './support/browser.ts';

/**
 * Someone who asked their device for less motion sees nothing slide, fade or pulse: no
 * element (nor its ::before or ::after) has a CSS animation or transition, and the page
 * runs none, while a room notice arrives and a breakout room opens. A second person
 * with no such preference watches the same moments, so the check would notice motion.
 */
interface Moving {
  what: string;
  animation: string;
  transition: string;
}

/** Every element and pseudo-element that would animate or transition, and the animations running now. */
function motionOn(page: Page): Promise<{ moving: Moving[]; running: number }> {
  return page.locator('body').evaluate((body) => {
    const doc = body.ownerDocument;
    const view = doc.defaultView!;
    const moving: Moving[] = [];
    // No DOM types in the tests' tsconfig: say what is read from each element.
    const all = Array.from<{ tagName: string; getAttribute(name: string): string | null }>(body.querySelectorAll('*'));
    for (const el of all) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = view.getComputedStyle(el, pseudo);
        const animated = style.animationName !== 'none' && style.animationName !== '';
        const transitions = style.transitionDuration.split(',').some((d: string) => parseFloat(d) > 0);
        if (animated || transitions) {
          moving.push({ what: `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}${pseudo ?? ''}`, animation: style.animationName, transition: style.transitionDuration });
        }
      }
    }
    return { moving, running: doc.getAnimations().length };
  });
}

describe('reduced motion', () => {
  const data = tempDir('brave-e2e-motion-');
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let host: LiveClient | undefined;
  let lee: LiveClient | undefined;
  let made: CreateConveningResult;
  let still: Person;
  let moving: Person;

  beforeAll(async () => {
    requireWebBuild();
    server = await spawnServer({ PORT: String(await freePort()), DATA_DIR: data.path });
    ({ made, host } = await openConvening(server.url, { title: 'Quiet morning circle', hostName: 'Fran' }));
    lee = (await joinAs(server.url, made.joinCode, 'Lee', { affirm: true })).client;
    browser = await launchBrowser();
    still = await openPerson(browser, 'Ana', 'phone');
    await still.page.emulateMedia({ reducedMotion: 'reduce' });
    moving = await openPerson(browser, 'Bo', 'phone');
    await moving.page.emulateMedia({ reducedMotion: 'no-preference' });
    for (const p of [still, moving]) {
      await p.page.goto(made.joinUrl);
      await fillJoinForm(p.page, p.name);
      await affirm(p.page);
    }
  });

  afterEach((ctx) => showScreensIfFailed(ctx.task.result?.state, [still, moving]));

  afterAll(async () => {
    host?.close();
    lee?.close();
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('a room notice arrives without moving for the one who asked, and with motion for the other', async () => {
    await ok(lee!, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That hit close to home.', explanationFor: 'room' });
    for (const p of [still, moving]) expect(await newestNotice(p.page, 1)).toContain('Lee said ouch.');

    const calm = await motionOn(still.page);
    expect(calm.moving).toEqual([]);
    expect(calm.running).toBe(0);
    const lively = await motionOn(moving.page);
    expect(lively.moving.map((m) => m.animation)).toContain('arrive');
  });

  it('a breakout room opens without moving, and the buttons change colour without fading', async () => {
    await ok(host!, {
      type: 'round.open',
      spec: { name: 'Pairs', strategy: { kind: 'mix', spec: { by: 'size', size: 3 } }, durationSeconds: 1200 },
      seed: 5,
    });
    for (const p of [still, moving]) await p.page.locator('section.room-card').waitFor();
    const calm = await motionOn(still.page);
    expect(calm.moving).toEqual([]);
    expect(calm.running).toBe(0);
    const lively = await motionOn(moving.page);
    expect(lively.moving.filter((m) => m.what.includes('room-card')).map((m) => m.animation)).toContain('arrive');
    expect(lively.moving.some((m) => m.what.startsWith('button') && parseFloat(m.transition) > 0)).toBe(true);
    expect([...still.problems, ...moving.problems]).toEqual([]);
  });
});
