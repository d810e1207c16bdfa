import express, { Router } from 'express';
import { z } from 'zod';
import { UnsubscribeToken } from '@brave/protocol';
import type { MailStore } from './store.ts';
import type { UnsubscribeTokens } from './unsubscribe.ts';

/**
 * The one-click unsubscribe link of every mail but a password reset:
 * GET /unsubscribe/:token shows a page with one button (mail scanners open links, so a GET
 * changes nothing); POST unsubscribes, from that button or straight from a mail client
 * (RFC 8058: `List-Unsubscribe=One-Click` in the form body). No sign-in: the signed token
 * is the permission, and it can only ever stop mail.
 */
const OneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click').optional() }).strip();

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Brave Space</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:32em;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
button{font:inherit;padding:.6em 1.2em;border:2px solid #2d4a7a;border-radius:.4em;background:#2d4a7a;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #b45309;outline-offset:2px}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const what = (list: string) => (list === 'reminders' ? 'convening reminders' : list === 'news' ? 'news and the weekly hub digest from your communities' : 'these emails');

export function unsubscribePages(deps: { store: MailStore; tokens: UnsubscribeTokens; now: () => number }): Router {
  const r = Router();
  const parse = (raw: unknown) => {
    const token = UnsubscribeToken.safeParse(raw);
    return token.success ? deps.tokens.verify(token.data) : null;
  };
  const dead = page('This link does not work', '<p>We could not read this unsubscribe link. Please copy the whole address from the email, or change what you receive from your profile in Brave Space.</p>');
  const headers = (res: express.Response) => res.setHeader('Cache-Control', 'no-store').setHeader('Referrer-Policy', 'no-referrer');

  r.get('/unsubscribe/:token', (req, res) => {
    const found = parse(req.params.token);
    headers(res);
    if (!found) return void res.status(404).type('html').send(dead);
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Stop these emails?',
          `<p>One click and we stop sending you ${what(found.list)}. You can turn them on again from your profile in Brave Space.</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop ${what(found.list)}</button></form>`,
        ),
      );
  });

  r.post('/unsubscribe/:token', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const found = parse(req.params.token);
    headers(res);
    if (!found) return void res.status(404).type('html').send(dead);
    if (!OneClickBody.safeParse(req.body ?? {}).success) return void res.status(400).type('html').send(dead);
    await deps.store.unsubscribe(found.subject, found.list, deps.now());
    res.status(200).type('html').send(page('Done', `<p role="status">We will not send you ${what(found.list)} any more. Thank you for letting us know.</p>`));
  });

  return r;
}
