import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/**
 * Shared helpers for the end-to-end tests: Debian's Chromium, one browser context per
 * person, and the few flows every test walks through. Locators go by role and label,
 * the way assistive technology finds things, so a passing test also says the screens
 * are reachable that way.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The server serves the built web app (WEB_DIST, passed on to the server, can point elsewhere). */
const WEB_INDEX = process.env.WEB_DIST
  ? join(resolve(process.env.WEB_DIST), 'index.html')
  : new URL('../../../apps/web/dist/index.html', import.meta.url).pathname;

/** Without the built app every page is a 503: say so plainly instead of timing out. */
export function requireWebBuild(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(`The web app is not built (${WEB_INDEX} is missing). Run \`pnpm build\` before the e2e tests.`);
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and CSP violations: a healthy run has none. */
  problems: string[];
}

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 900 } };

/** A person on a phone or laptop; `viewport` sets another screen size for that device. */
export async function openPerson(browser: Browser, name: string, device: 'phone' | 'laptop', viewport?: { width: number; height: number }): Promise<Person> {
  const context = await browser.newContext({ ...(device === 'phone' ? PHONE : LAPTOP), ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
  page.on('console', (msg) => {
    // Failed websocket attempts while the server is down are expected; CSP refusals are not.
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) problems.push(`${name}: ${msg.text()}`);
  });
  return { name, context, page, problems };
}

/** Start page → facilitator console; returns what the console shows for inviting people. */
export async function createConvening(page: Page, base: string, opts: { title: string; hostName: string; set: string }) {
  await page.goto(`${base}/`);
  await page.getByLabel('Title').fill(opts.title);
  await page.getByLabel('Your name').fill(opts.hostName);
  await page.getByRole('radio', { name: opts.set }).click();
  return {
    /** Edit the chosen set's items before opening (reword, remove, add). */
    async editAgreements(edit: (page: Page) => Promise<void>) {
      await page.getByRole('button', { name: 'Edit these agreements' }).click();
      await edit(page);
    },
    async open() {
      await page.getByRole('button', { name: 'Open the convening' }).click();
      await page.getByRole('heading', { name: 'Signal queue' }).waitFor();
      const joinUrl = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
      const cohostUrl = await page.getByRole('textbox', { name: 'Co-facilitator link' }).inputValue();
      const joinCode = new URL(joinUrl).pathname.split('/').pop() ?? '';
      return { joinUrl, cohostUrl, joinCode };
    },
  };
}

export async function fillJoinForm(page: Page, name: string, pronouns?: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  if (pronouns) await page.getByLabel('Pronouns (optional)').fill(pronouns);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
}

/** Read the agreements and step in; resolves once the signal buttons are there. */
export async function affirm(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Before you come in' }).waitFor();
  await page.getByRole('button', { name: /keep these with you/ }).click();
  await page.getByRole('button', { name: 'Ouch', exact: true }).waitFor();
}

/**
 * After a failed step, say what each person's screen showed: a timeout alone says little.
 * Call from afterEach with the test context.
 */
export async function showScreensIfFailed(state: string | undefined, people: readonly Person[]): Promise<void> {
  if (state !== 'fail') return;
  for (const p of people) {
    if (p.page.isClosed()) continue;
    const text = await p.page.locator('body').innerText({ timeout: 2_000 }).catch(() => '(unreadable)');
    // The fragment may hold a credential: leave it out of the log.
    console.error(`--- ${p.name} at ${p.page.url().split('#')[0]}\n${text.slice(0, 1_500)}\n${p.problems.join('\n')}`);
  }
}

export const mySignals = (page: Page): Locator => page.getByRole('region', { name: 'Your signals' }).getByRole('listitem');
export const roomNotices = (page: Page): Locator => page.getByRole('region', { name: 'In the room' }).getByRole('listitem');

type Kind = 'Ouch' | 'Whoops';
type Visibility = 'Show my name' | 'Only facilitators see my name' | 'No one sees my name';

/**
 * Choose ouch or whoops (a tap, or its shortcut), then who may see it was you and words
 * if any (for the room too when `wordsFor` says so), then send (Send, or the shortcut
 * again); wait for it in "Your signals".
 */
export async function sendSignal(page: Page, kind: Kind, visibility: Visibility, words?: string, how: 'tap' | 'keyboard' = 'tap', wordsFor: 'facilitators' | 'room' = 'facilitators') {
  const key = kind === 'Ouch' ? 'Alt+KeyO' : 'Alt+KeyW';
  if (how === 'keyboard') await page.keyboard.press(key);
  else await page.getByRole('button', { name: kind, exact: true }).click();
  const step = signalStep(page, kind);
  await step.getByRole('radio', { name: visibility }).click();
  if (words) await step.getByLabel('A few words (optional)').fill(words);
  if (wordsFor === 'room') await step.getByLabel('Let everyone in the room read my words').check();
  const before = await mySignals(page).count();
  if (how === 'keyboard') await page.keyboard.press(key);
  else await step.getByRole('button', { name: `Send ${kind.toLowerCase()}` }).click();
  await mySignals(page).nth(before).waitFor();
}

/** The step after choosing ouch or whoops: who sees it, words, send. */
export const signalStep = (page: Page, kind: Kind): Locator => page.getByRole('form', { name: `Your ${kind.toLowerCase()}` });

/** In the console's round builder: a mix round of rooms of `size`, lasting `minutes` if given. */
export async function planMixRound(page: Page, name: string, size: number, minutes?: number): Promise<void> {
  await page.getByLabel('Round name').fill(name);
  await page.getByRole('radio', { name: 'Mix' }).click();
  await page.getByLabel('People per room').fill(String(size));
  if (minutes !== undefined) await page.getByLabel('Minutes', { exact: true }).fill(String(minutes));
}

/** Wait until the participant has at least `n` room notices; returns the newest one's text. */
export async function newestNotice(page: Page, n: number): Promise<string> {
  await roomNotices(page).nth(n - 1).waitFor();
  return roomNotices(page).first().innerText();
}

/** A signal in the facilitator queue, by its title (e.g. "Ouch from Ana") and words. */
export function queueCard(within: Page | Locator, title: string, words?: string): Locator {
  const card = within.getByRole('article', { name: title });
  return words ? card.filter({ hasText: words }) : card;
}

export function spotlightButton(page: Page, agreement: string): Locator {
  return page
    .getByRole('region', { name: 'Agreements', exact: true })
    .getByRole('listitem')
    .filter({ hasText: agreement })
    .getByRole('button', { name: 'Spotlight', exact: true });
}

/** The spotlight live region, once it says `text`. */
export async function seeSpotlight(page: Page, text: string): Promise<Locator> {
  const region = page.getByRole('status', { name: 'Spotlight' }).filter({ hasText: text });
  await region.waitFor();
  return region;
}

export async function seeStatus(page: Page, text: string | RegExp, timeout?: number): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor(timeout ? { timeout } : undefined);
}
