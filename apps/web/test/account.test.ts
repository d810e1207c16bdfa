import { describe, expect, it } from 'vitest';
import { parseRoute } from '../src/app/router.ts';
import { safeNext } from '../src/account/useAccount.ts';

describe('account routes', () => {
  it('parses the account, reset and admin pages', () => {
    expect(parseRoute('/account', '')).toEqual({ name: 'account', next: null });
    expect(parseRoute('/account', '?next=%2Fc%2Fk_1')).toEqual({ name: 'account', next: '/c/k_1' });
    expect(parseRoute('/account/reset', '')).toEqual({ name: 'account-reset' });
    expect(parseRoute('/admin', '')).toEqual({ name: 'admin' });
    expect(parseRoute('/account/other', '')).toEqual({ name: 'missing' });
    expect(parseRoute('/admin/x', '')).toEqual({ name: 'missing' });
  });

  it('returns after sign-in only to a path on this site', () => {
    expect(safeNext('/c/k_1#code=x')).toBe('/c/k_1#code=x');
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
