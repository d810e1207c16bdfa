import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSeat, saveSeat, takeTokenFromFragment } from '../src/app/storage.ts';

/** A window with just what storage.ts touches: localStorage, location and history. */
function fakeWindow(href: string) {
  const items = new Map<string, string>();
  const url = new URL(href);
  const win = {
    localStorage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
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

const original = (globalThis as { window?: unknown }).window;
let fake: ReturnType<typeof fakeWindow>;

beforeEach(() => {
  fake = fakeWindow('http://127.0.0.1:3000/host/c_abc#token=tok.en-1');
  (globalThis as { window?: unknown }).window = fake.win;
});
afterEach(() => {
  (globalThis as { window?: unknown }).window = original;
});

describe('seats on this device', () => {
  it('takes the facilitator token from the fragment, keeps it, and strips it from the address', () => {
    takeTokenFromFragment('c_abc');
    expect(loadSeat('c_abc')).toEqual({ token: 'tok.en-1', role: 'facilitator' });
    expect(fake.url.hash).toBe('');
    expect(fake.url.pathname).toBe('/host/c_abc');
  });

  it('keeps what it already knew (the co-facilitator code) when a new token arrives', () => {
    saveSeat('c_abc', { token: 'old', role: 'facilitator', cohostCode: 'co_1' });
    takeTokenFromFragment('c_abc');
    expect(loadSeat('c_abc')).toEqual({ token: 'tok.en-1', role: 'facilitator', cohostCode: 'co_1' });
  });

  it('reads back nothing it cannot trust', () => {
    fake.items.set('brave-space:seat:c_bad', '{"token": 42}');
    fake.items.set('brave-space:seat:c_junk', 'not json');
    expect(loadSeat('c_bad')).toBeNull();
    expect(loadSeat('c_junk')).toBeNull();
    expect(loadSeat('../other')).toBeNull();
  });
});
