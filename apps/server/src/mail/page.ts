import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { UnsubscribeToken } from '@brave/protocol';
import type { Language } from '@brave/i18n';
import { requestLanguage, translate } from '../http/language.ts';
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

const page = (lng: Language, title: string, body: string) => `<!doctype html>
<html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Brave Space</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:32em;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
button{font:inherit;padding:.6em 1.2em;border:2px solid #2d4a7a;border-radius:.4em;background:#2d4a7a;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #b45309;outline-offset:2px}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page in the reader's language (the link carries ?lang=, else Accept-Language). */
function words(req: Request) {
  const lng = requestLanguage(req);
  const t = translate(lng);
  const what = (list: string) => t(list === 'reminders' ? 'mail:footer.reminders' : list === 'news' ? 'mail:footer.news' : 'mail:footer.all');
  return {
    dead: page(lng, esc(t('mail:unsubscribe.deadTitle')), `<p>${esc(t('mail:unsubscribe.dead'))}</p>`),
    ask: (list: string) =>
      page(
        lng,
        esc(t('mail:unsubscribe.askTitle')),
        `<p>${esc(t('mail:unsubscribe.ask', { what: what(list) }))}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${esc(t('mail:unsubscribe.button', { what: what(list) }))}</button></form>`,
      ),
    done: (list: string) => page(lng, esc(t('mail:unsubscribe.doneTitle')), `<p role="status">${esc(t('mail:unsubscribe.done', { what: what(list) }))}</p>`),
  };
}

export function unsubscribePages(deps: { store: MailStore; tokens: UnsubscribeTokens; now: () => number }): Router {
  const r = Router();
  const parse = (raw: unknown) => {
    const token = UnsubscribeToken.safeParse(raw);
    return token.success ? deps.tokens.verify(token.data) : null;
  };
  const headers = (res: express.Response) => res.setHeader('Cache-Control', 'no-store').setHeader('Referrer-Policy', 'no-referrer').setHeader('Vary', 'Accept-Language');

  r.get('/unsubscribe/:token', (req, res) => {
    const found = parse(req.params.token);
    const say = words(req);
    headers(res);
    if (!found) return void res.status(404).type('html').send(say.dead);
    res.status(200).type('html').send(say.ask(found.list));
  });

  r.post('/unsubscribe/:token', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const found = parse(req.params.token);
    const say = words(req);
    headers(res);
    if (!found) return void res.status(404).type('html').send(say.dead);
    if (!OneClickBody.safeParse(req.body ?? {}).success) return void res.status(400).type('html').send(say.dead);
    await deps.store.unsubscribe(found.subject, found.list, deps.now());
    res.status(200).type('html').send(say.done(found.list));
  });

  return r;
}
