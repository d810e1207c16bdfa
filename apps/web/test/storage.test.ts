import { describe, expect, it } from 'vitest';
import { loadSeat, saveSeat, takeTokenFromFragment } from '../src/app/storage.ts';
import { withFakeWindow } from './support/fake-window.ts';

const device = withFakeWindow('http://127.0.0.1:3000/host/c_abc#token=tok.en-1');

describe('seats on this device', () => {
  it('takes the facilitator token from the fragment, keeps it, and strips it from the address', () => {
    takeTokenFromFragment('c_abc');
    expect(loadSeat('c_abc')).toEqual({ token: 'tok.en-1', role: 'facilitator' });
    expect(device().url.hash).toBe('');
    expect(device().url.pathname).toBe('/host/c_abc');
  });

  it('keeps what it already knew (the co-facilitator code) when a new token arrives', () => {
    saveSeat('c_abc', { token: 'old', role: 'facilitator', cohostCode: 'co_1' });
    takeTokenFromFragment('c_abc');
    expect(loadSeat('c_abc')).toEqual({ token: 'tok.en-1', role: 'facilitator', cohostCode: 'co_1' });
  });

  it('reads back nothing it cannot trust', () => {
    device().items.set('brave-space:seat:c_bad', '{"token": 42}');
    device().items.set('brave-space:seat:c_junk', 'not json');
    expect(loadSeat('c_bad')).toBeNull();
    expect(loadSeat('c_junk')).toBeNull();
    expect(loadSeat('../other')).toBeNull();
  });
});
