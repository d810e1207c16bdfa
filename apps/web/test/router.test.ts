import { describe, expect, it } from 'vitest';
import { parseRoute } from '../src/app/router.ts';

describe('parseRoute', () => {
  it('maps each screen', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'start' });
    expect(parseRoute('/j', '')).toEqual({ name: 'join', code: null, cohost: null });
    expect(parseRoute('/j/K7M2QX', '')).toEqual({ name: 'join', code: 'K7M2QX', cohost: null });
    expect(parseRoute('/j/K7M2QX', '?cohost=abc_12')).toEqual({ name: 'join', code: 'K7M2QX', cohost: 'abc_12' });
    expect(parseRoute('/c/c_123', '')).toEqual({ name: 'participant', id: 'c_123' });
    expect(parseRoute('/host/c_123/', '')).toEqual({ name: 'host', id: 'c_123' });
  });

  it('treats anything unexpected as missing, never as a screen with a strange id', () => {
    expect(parseRoute('/c', '')).toEqual({ name: 'missing' });
    expect(parseRoute('/host/a/b', '')).toEqual({ name: 'missing' });
    expect(parseRoute('/c/<script>', '')).toEqual({ name: 'missing' });
    expect(parseRoute('/elsewhere', '')).toEqual({ name: 'missing' });
    expect(parseRoute('/j/ABCD', '?cohost=%3Cx%3E')).toEqual({ name: 'join', code: 'ABCD', cohost: null });
  });
});
