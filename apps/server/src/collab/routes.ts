import { Router, type Request, type Response } from 'express';
import {
  CreateVersionBody,
  ExportFormat,
  ShareBackBody,
  type DocsListResult,
  type DocVersionsResult,
  type RestoreResult,
  type ShareBackResult,
} from '@brave/protocol';
import { CONFIDENTIAL_STAYS, parseDocName } from '@brave/core';
import type { AccountAuth } from '../accounts/auth.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { RateLimiter } from '../http/ratelimit.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import { DocActionError, publicationOf, slugHint, versionOf, type DocActions } from './actions.ts';
import { facilitatorCaller, memberCaller, type CommunityDocFacts } from './community-gate.ts';
import { StoreUnavailableError } from '../store/types.ts';
import type { DocStore } from './doc-store.ts';
import { belongsTo, conveningCaller, type DocCaller, type Resolved } from './gate.ts';
import { htmlPage } from './page.ts';
import type { DocRegistry } from './registry.ts';

export interface DocRoutesDeps {
  tokens: TokenService;
  rooms: RoomRegistry;
  community?: CommunityDocFacts | undefined;
  accounts?: AccountAuth | undefined;
  docs: DocRegistry;
  actions: DocActions;
  store: DocStore;
  publicUrl: string | undefined;
}

/** Finds who is calling through one gate, or throws the HTTP refusal. */
type Gate = (req: Request) => Promise<DocCaller>;

/**
 * The document API under /api (docs/toolkit.md), the same handlers behind two gates:
 * `/convenings/:id/docs…` with a convening credential, and `/communities/:id/docs…` with
 * a member credential or a facilitator's session. Handlers: find the caller, ask its
 * gate, act.
 */
export function docRoutes(deps: DocRoutesDeps): Router {
  const r = Router();
  const writes = new RateLimiter(2, 20); // saving, restoring, publishing, sharing: per person
  mountDocHandlers(r, '/convenings/:id/docs', conveningGate(deps), deps, writes);
  mountDocHandlers(r, '/communities/:id/docs', communityGate(deps), deps, writes);
  return r;
}

function conveningGate(deps: DocRoutesDeps): Gate {
  return async (req) => {
    const token = bearer(req);
    const found = token && !token.startsWith('m1.') ? await conveningCaller(deps, token) : null;
    if (!found?.ok || found.caller.conveningId !== req.params.id) throw unauthorized('This call needs a valid credential for this convening.');
    return found.caller;
  };
}

/** A member credential in the Authorization header, or else a facilitator's session cookie (CSRF checked on writes). */
function communityGate(deps: DocRoutesDeps): Gate {
  return async (req) => {
    const id = String(req.params.id);
    const token = bearer(req);
    let found: Resolved;
    if (token) {
      found = token.startsWith('m1.') ? await memberCaller(deps, token) : { ok: false, error: { code: 'unauthorized', message: 'Use your member link or sign in.' } };
      if (found.ok && found.caller.communityId !== id) throw unauthorized('Your member credential is for another community.');
    } else {
      if (!deps.accounts) throw unauthorized('Sign in, or use your member link, to open this community’s documents.');
      const accounts = deps.accounts;
      found = await facilitatorCaller(deps, id, await accounts.require(req), () => accounts.current(req));
    }
    if (!found.ok) throw new HttpError(found.error);
    return found.caller;
  };
}

function mountDocHandlers(r: Router, root: string, gate: Gate, deps: DocRoutesDeps, writes: RateLimiter): void {
  const base = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  const caller = async (req: Request, write = false): Promise<DocCaller> => {
    const c = await gate(req);
    const wait = write ? writes.take(c.rateKey) : 0;
    if (wait > 0) throw new HttpError({ code: 'rate_limited', message: 'That was a lot at once; please wait a moment.', retryAfterMs: wait });
    return c;
  };

  r.get(root, async (req, res) => {
    const c = await caller(req);
    res.json({ docs: c.list() } satisfies DocsListResult);
  });

  r.get(`${root}/:name`, async (req, res) => {
    const c = await caller(req);
    const d = opened(req, c, deps);
    const pub = await deps.store.publicationOf(d.name);
    res.json({
      doc: { name: d.name, title: d.title, kind: d.kind, access: d.access },
      abilities: c.abilities(d.ref),
      publication: pub ? publicationOf(pub, base(req)) : null,
    });
  });

  r.get(`${root}/:name/versions`, async (req, res) => {
    const c = await caller(req);
    const { name } = opened(req, c, deps);
    res.json({ versions: (await deps.actions.versions(name)).map((v) => versionOf(v, c.nameOf)) } satisfies DocVersionsResult);
  });

  r.post(`${root}/:name/versions`, async (req, res) => {
    const c = await caller(req, true);
    const body = parseBody(CreateVersionBody, req.body);
    const d = opened(req, c, deps);
    if (d.access !== 'write') throw forbidden('You can read this document but not save versions of it.');
    const v = await act(async () => deps.actions.saveVersion(await d.live(), body.label, c.actorId));
    res.status(201).json({ version: versionOf(v, c.nameOf) });
  });

  r.post(`${root}/:name/versions/:versionId/restore`, async (req, res) => {
    const c = await caller(req, true);
    const d = opened(req, c, deps);
    if (d.access !== 'write') throw forbidden('You can read this document but not restore versions of it.');
    const out = await act(async () => deps.actions.restore(await d.live(), String(req.params.versionId), c.actorId, (v) => `Before restoring “${v.label}”`));
    res.json({ restored: versionOf(out.restored, c.nameOf), savedBefore: versionOf(out.savedBefore, c.nameOf) } satisfies RestoreResult);
  });

  r.post(`${root}/:name/versions/:versionId/publish`, async (req, res) => {
    const c = await caller(req, true);
    const d = opened(req, c, deps);
    if (!c.abilities(d.ref).publish) throw forbidden('Toolkit drafts are published by facilitators and by the working group writing them.');
    const heading = `${d.title}: ${c.context}`;
    const row = await act(async () => deps.actions.publish(await d.live(), String(req.params.versionId), c.actorId, heading, slugHint(d.ref)));
    res.status(201).json({ publication: publicationOf(row, base(req)) });
  });

  r.get(`${root}/:name/export`, async (req, res) => {
    const c = await caller(req);
    const d = opened(req, c, deps);
    if (!c.abilities(d.ref).export) throw forbidden(CONFIDENTIAL_STAYS);
    const format = ExportFormat.safeParse(req.query.format ?? 'md');
    if (!format.success) throw new HttpError({ code: 'bad_request', message: 'format must be md or html.', field: 'format' });
    const versionId = typeof req.query.version === 'string' ? req.query.version : undefined;
    const out = await act(async () => deps.actions.render(await d.live(), versionId));
    const file = d.name.replace(/[^A-Za-z0-9_-]+/g, '-');
    res.setHeader('Content-Disposition', `attachment; filename="${file}.${format.data}"`);
    if (format.data === 'md') {
      res.type('text/markdown; charset=utf-8').send(out.markdown);
      return;
    }
    const subtitle = `${c.context}${out.label ? ` · version “${out.label}”` : ''}`;
    res.type('text/html; charset=utf-8').send(htmlPage({ title: d.title, subtitle, body: out.html, footer: 'Exported from Brave Space.' }));
  });

  r.post(`${root}/:name/share`, async (req, res) => {
    const c = await caller(req, true);
    const body = parseBody(ShareBackBody, req.body);
    const from = opened(req, c, deps);
    const can = c.abilities(from.ref);
    if (!can.export) throw forbidden(CONFIDENTIAL_STAYS);
    if (!can.shareFrom) throw forbidden('Only members of this room can share its notes.');
    const toRef = parseDocName(body.to);
    if (!toRef || !c.shareTarget(from.ref, toRef)) {
      throw new HttpError({ code: 'bad_request', message: 'Passages can go to the plenary notes or a toolkit draft of this convening.', field: 'to' });
    }
    const to = c.access(toRef);
    if (!to.ok || to.access !== 'write') throw forbidden('You cannot write in that document.');
    const shared = await act(async () => deps.actions.shareBack(await from.live(), await deps.docs.open(body.to, toRef, c.channelName(toRef)), body.passages, from.title, c.actorId));
    res.json({ to: body.to, shared } satisfies ShareBackResult);
  });
}

/** The document named in the path, if it is one of the caller's and their gate lets them open it. */
function opened(req: Request, caller: DocCaller, deps: DocRoutesDeps) {
  const name = String(req.params.name);
  const ref = parseDocName(name);
  if (!ref || !belongsTo(caller, ref)) throw new HttpError({ code: 'not_found', message: 'There is no such document here.' });
  const d = caller.access(ref);
  if (!d.ok) throw new HttpError({ code: d.code, message: d.message });
  return { name, ref, title: d.title, kind: d.kind, access: d.access, live: () => deps.docs.open(name, ref, caller.channelName(ref)) };
}

function bearer(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/** Public, read-only pages of published versions: /p/<slug> (HTML) and /p/<slug>.md. */
export function publicRoutes(store: DocStore): Router {
  const r = Router();
  r.get('/p/:slug', async (req, res) => {
    const raw = String(req.params.slug);
    const markdown = raw.endsWith('.md');
    const slug = markdown ? raw.slice(0, -3) : raw;
    const pub = /^[a-z0-9-]{1,80}$/.test(slug) ? await store.publication(slug) : null;
    res.setHeader('Cache-Control', 'public, max-age=60');
    if (!pub) {
      res.status(404).type('text/plain; charset=utf-8').send('Nothing is published at this address.');
      return;
    }
    if (markdown) {
      res.type('text/markdown; charset=utf-8').send(`# ${pub.title}\n\n${pub.markdown}`);
      return;
    }
    const date = new Date(pub.publishedAt).toISOString().slice(0, 10);
    const subtitle = `${pub.title} · ${pub.label ? `“${pub.label}”, ` : ''}published ${date}`;
    send(res, htmlPage({ title: pub.title, subtitle, body: pub.html, footer: 'A read-only public version, shared through Brave Space.' }));
  });
  return r;
}

async function act<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DocActionError) throw new HttpError({ code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });
    if (err instanceof StoreUnavailableError) throw new HttpError({ code: 'store_unavailable', message: 'That could not be saved just now, so nothing changed. Please try again.' });
    throw err;
  }
}

const send = (res: Response, html: string) => res.type('text/html; charset=utf-8').send(html);
const unauthorized = (message: string) => new HttpError({ code: 'unauthorized', message });
const forbidden = (message: string) => new HttpError({ code: 'forbidden', message });
