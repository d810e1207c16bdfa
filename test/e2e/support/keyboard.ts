import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Helpers for keyboard-only runs. Every key press is followed by two checks a keyboard
 * user would notice: focus is somewhere (never dropped back to <body>), and a control that
 * has focus shows it (an outline, or the focus colour drawn as a box shadow, on an element
 * big enough to see). Headings that take focus after a screen change are reading places,
 * not controls: they must hold focus but may draw no ring.
 */
export interface FocusState {
  onBody: boolean;
  describe: string;
  heading: boolean;
  visible: boolean;
}

/** The focus colour (--focus in apps/web/src/styles/base.css) as the browser computes it. */
const FOCUS_RGB = 'rgb(42, 85, 196)';

export function focusState(page: Page): Promise<FocusState> {
  return page.locator('body').evaluate((body, focusRgb) => {
    const doc = body.ownerDocument;
    const el = doc.activeElement;
    if (!el || el === doc.body || el === doc.documentElement) return { onBody: true, describe: 'body', heading: false, visible: false };
    const style = doc.defaultView!.getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow.includes(focusRgb);
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return {
      onBody: false,
      describe: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}"`,
      heading: /^H[1-6]$/.test(el.tagName),
      visible: (ring || shadow) && box.width >= 2 && box.height >= 2,
    };
  }, FOCUS_RGB);
}

/** Focus is held (eventually: React may re-render between the key and the check) and, on a control, shown. */
export async function expectFocusShown(page: Page, after: string): Promise<FocusState> {
  await expect.poll(async () => (await focusState(page)).onBody, { message: `focus fell back to <body> after ${after}`, timeout: 10_000 }).toBe(false);
  const state = await focusState(page);
  if (!state.heading) expect(state.visible, `no visible focus on ${state.describe} after ${after}`).toBe(true);
  return state;
}

const isFocused = (target: Locator): Promise<boolean> => target.evaluate((el) => el === el.ownerDocument.activeElement);

/** Node.DOCUMENT_POSITION_FOLLOWING: the other node comes after this one. */
const FOLLOWING = 4;

/** True when `target` comes before the focused element in the page (then Shift+Tab reaches it). */
const isBehind = (target: Locator): Promise<boolean> =>
  target.evaluate((el, following) => {
    const active = el.ownerDocument.activeElement;
    return active !== null && active !== el.ownerDocument.body && (el.compareDocumentPosition(active) & following) !== 0;
  }, FOLLOWING);

/**
 * Press Tab (or Shift+Tab, when the target is above) until `target` has focus, checking
 * the focus at every stop on the way. Going the short way keeps focus inside the page: past
 * its last control a real browser moves on to its own toolbar.
 */
export async function tabTo(page: Page, target: Locator, what: string, maxPresses = 60): Promise<void> {
  await target.waitFor();
  const key = (await isBehind(target)) ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < maxPresses; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
    await expectFocusShown(page, `${key} towards ${what}`);
  }
  throw new Error(`${what} was not reached with ${maxPresses} presses of Tab`);
}

/** Press a key on whatever has focus, then check focus is still held and shown. */
export async function press(page: Page, key: string, what: string): Promise<FocusState> {
  await page.keyboard.press(key);
  return expectFocusShown(page, what);
}
