import { afterEach, beforeEach } from 'vitest';

/** A window with just what the device-storage modules touch: localStorage, location and history. */
function fakeWindow(href: string) {
  const items = new Map<string, string>();
  const url = new URL(href);
  const win = {
    localStorage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    },
    location: url,
    history: {
      replaceState: (_s: unknown, _t: string, to: string) => {
        const next = new URL(to, url);
        url.hash = next.hash;
        url.pathname = next.pathname;
        url.search = next.search;
      },
    },
  };
  return { win, items, url };
}

export type FakeWindow = ReturnType<typeof fakeWindow>;

/**
 * Give each test of this file a fresh fake window at `href` (the global `window` the
 * code under test reads), and put the real one back after. Call it at module level;
 * the returned function gives the current test's window.
 */
export function withFakeWindow(href: string): () => FakeWindow {
  const original = (globalThis as { window?: unknown }).window;
  let fake: FakeWindow | undefined;
  beforeEach(() => {
    fake = fakeWindow(href);
    (globalThis as { window?: unknown }).window = fake.win;
  });
  afterEach(() => {
    (globalThis as { window?: unknown }).window = original;
    fake = undefined;
  });
  return () => {
    if (!fake) throw new Error('withFakeWindow: no test is running');
    return fake;
  };
}
