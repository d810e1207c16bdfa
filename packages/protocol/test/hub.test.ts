import { expect, it } from 'vitest';
import { HubModerateBody, HubPostBody, HubReplyBody } from '../src/index.ts';

const ok = { kind: 'question', title: 'Who has a budget template?' };

it('takes a post with up to three web links, a title of 140 and a body of 4,000 characters', () => {
  const parsed = HubPostBody.parse({ ...ok, body: 'x'.repeat(4_000), links: ['https://example.org/a', 'http://example.org/b', 'https://example.org/c'] });
  expect(parsed).toMatchObject({ tags: [], workingGroupId: null });
  expect(HubPostBody.safeParse({ ...ok, title: 'x'.repeat(141) }).success).toBe(false);
  expect(HubPostBody.safeParse({ ...ok, body: 'x'.repeat(4_001) }).success).toBe(false);
  expect(HubPostBody.safeParse({ ...ok, links: ['https://a.org/1', 'https://a.org/2', 'https://a.org/3', 'https://a.org/4'] }).success).toBe(false);
});

it('refuses links that are not http or https, and unknown fields', () => {
  for (const link of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'ftp://example.org', 'not a link', 'https://']) {
    expect(HubPostBody.safeParse({ ...ok, links: [link] }).success, link).toBe(false);
  }
  expect(HubPostBody.safeParse({ ...ok, pinned: true }).success).toBe(false);
  expect(HubPostBody.safeParse({ ...ok, kind: 'rant' }).success).toBe(false);
  expect(HubPostBody.safeParse({ ...ok, tags: ['money'] }).success).toBe(false);
});

it('takes a reply of 1 to 2,000 characters, and moderation that says what to change', () => {
  expect(HubReplyBody.safeParse({ body: 'Here is ours.\nHope it helps.' }).success).toBe(true);
  expect(HubReplyBody.safeParse({ body: '   ' }).success).toBe(false);
  expect(HubReplyBody.safeParse({ body: 'x'.repeat(2_001) }).success).toBe(false);
  expect(HubReplyBody.safeParse({ body: 'bell \u0007' }).success).toBe(false);
  expect(HubModerateBody.safeParse({}).success).toBe(false);
  expect(HubModerateBody.safeParse({ pinned: true }).success).toBe(true);
});
