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
import { docAbilities, docAccess, isShareTarget, listDocs, parseDocName, type DocRef, type Viewer } from '@brave/core';
import type { TokenService } from '../auth/tokens.ts';
import type { ConveningRoom } from '../convening/room.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { credentialOf } from '../http/api.ts';
import { RateLimiter } from '../http/ratelimit.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import { DocActionError, publicationOf, slugHint, versionOf, type DocActions } from './actions.ts';
import { StoreUnavailableError } from '../store/types.ts';
import type { DocStore } from './doc-store.ts';
import { htmlPage } from './page.ts';
import type { DocRegistry } from './registry.ts';

export interface DocRoutesDeps {
  tokens: TokenService;
  rooms: RoomRegistry;
  docs: DocRegistry;
  actions: DocActions;
  store: DocStore;
  publicUrl: string | undefined;
}

interface Caller {
  viewer: Viewer;
  room: ConveningRoom;
}

/** The document API under /api (docs/toolkit.md). Handlers: authorise, ask core, act. */
export function docRoutes(deps: DocRoutesDeps): Router {
  const r = Router();
  const writes = new RateLimiter(2, 20); // saving, restoring, publishing, sharing: per person
  const base = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  r.get('/convenings/:id/docs', async (req, res) => {
    const { viewer, room } = await caller(req);
    res.json({ docs: listDocs(room.snapshot, viewer) } satisfies DocsListResult);
  });

  r.get('/convenings/:id/docs/:name', async (req, res) => {
    const { viewer, room } = await caller(req);
    const { ref, name, title, kind, access } = await opened(req, viewer, room);
    const pub = deps.store.publicationOf(name);
    res.json({
      doc: { name, title, kind, access },
      abilities: docAbilities(room.snapshot, viewer, ref),
      publication: pub ? publicationOf(pub, base(req)) : null,
    });
  });

  r.get('/convenings/:id/docs/:name/versions', async (req, res) => {
    const { viewer, room } = await caller(req);
    const { name } = await opened(req, viewer, room);
    const versions = deps.actions.versions(name).map((v) => versionOf(v, room.snapshot.participants));
    res.json({ versions } satisfies DocVersionsResult);
  });

  r.post('/convenings/:id/docs/:name/versions', async (req, res) => {
    const { viewer, room } = await caller(req, true);
    const body = parseBody(CreateVersionBody, req.body);
    const { name, access } = await opened(req, viewer, room);
    if (access !== 'write') throw forbidden('You can read this document but not save versions of it.');
    const v = deps.actions.saveVersion(deps.docs.open(name, parseDocName(name)!), body.label, viewer.participantId);
    res.status(201).json({ version: versionOf(v, room.snapshot.participants) });
  });

  r.post('/convenings/:id/docs/:name/versions/:versionId/restore', async (req, res) => {
    const { viewer, room } = await caller(req, true);
    const { name, ref, access } = await opened(req, viewer, room);
    if (access !== 'write') throw forbidden('You can read this document but not restore versions of it.');
    const out = act(() =>
      deps.actions.restore(deps.docs.open(name, ref), String(req.params.versionId), viewer.participantId, (v) => `Before restoring “${v.label}”`),
    );
    const names = room.snapshot.participants;
    res.json({ restored: versionOf(out.restored, names), savedBefore: versionOf(out.savedBefore, names) } satisfies RestoreResult);
  });

  r.post('/convenings/:id/docs/:name/versions/:versionId/publish', async (req, res) => {
    const { viewer, room } = await caller(req, true);
    const { name, ref, title } = await opened(req, viewer, room);
    if (!docAbilities(room.snapshot, viewer, ref).publish) throw forbidden('Only facilitators publish, and only toolkit drafts.');
    const heading = `${title}: ${room.snapshot.title}`;
    const row = act(() => deps.actions.publish(deps.docs.open(name, ref), String(req.params.versionId), viewer.participantId, heading, slugHint(ref)));
    res.status(201).json({ publication: publicationOf(row, base(req)) });
  });

  r.get('/convenings/:id/docs/:name/export', async (req, res) => {
    const { viewer, room } = await caller(req);
    const { name, ref, title } = await opened(req, viewer, room);
    const format = ExportFormat.safeParse(req.query.format ?? 'md');
    if (!format.success) throw new HttpError({ code: 'bad_request', message: 'format must be md or html.', field: 'format' });
    const versionId = typeof req.query.version === 'string' ? req.query.version : undefined;
    const out = act(() => deps.actions.render(deps.docs.open(name, ref), versionId));
    const file = name.replace(/[^A-Za-z0-9_-]+/g, '-');
    res.setHeader('Content-Disposition', `attachment; filename="${file}.${format.data}"`);
    if (format.data === 'md') {
      res.type('text/markdown; charset=utf-8').send(out.markdown);
      return;
    }
    const subtitle = `${room.snapshot.title}${out.label ? ` · version “${out.label}”` : ''}`;
    res.type('text/html; charset=utf-8').send(htmlPage({ title, subtitle, body: out.html, footer: 'Exported from Brave Space.' }));
  });

  r.post('/convenings/:id/docs/:name/share', async (req, res) => {
    const { viewer, room } = await caller(req, true);
    const body = parseBody(ShareBackBody, req.body);
    const from = await opened(req, viewer, room);
    if (!docAbilities(room.snapshot, viewer, from.ref).shareFrom) throw forbidden('Only members of this room can share its notes.');
    const toRef = parseDocName(body.to);
    if (!toRef || !isShareTarget(from.ref, toRef)) {
      throw new HttpError({ code: 'bad_request', message: 'Passages can go to the plenary notes or a toolkit draft of this convening.', field: 'to' });
    }
    const to = docAccess(room.snapshot, viewer, toRef);
    if (!to.ok || to.access !== 'write') throw forbidden('You cannot write in that document.');
    const shared = act(() =>
      deps.actions.shareBack(deps.docs.open(from.name, from.ref), deps.docs.open(body.to, toRef), body.passages, from.title, viewer.participantId),
    );
    res.json({ to: body.to, shared } satisfies ShareBackResult);
  });

  async function caller(req: Request, write = false): Promise<Caller> {
    const cred = credentialOf(req, deps.tokens);
    if (!cred || cred.conveningId !== req.params.id) throw unauthorized();
    const room = await deps.rooms.get(cred.conveningId);
    if (!room || !room.snapshot.participants[cred.participantId]) throw unauthorized();
    if (write) {
      const wait = writes.take(`${cred.conveningId}:${cred.participantId}`);
      if (wait > 0) throw new HttpError({ code: 'rate_limited', message: 'That was a lot at once; please wait a moment.', retryAfterMs: wait });
    }
    return { viewer: { participantId: cred.participantId, role: cred.role }, room };
  }

  async function opened(req: Request, viewer: Viewer, room: ConveningRoom) {
    const name = String(req.params.name);
    const ref: DocRef | null = parseDocName(name);
    if (!ref || ref.conveningId !== room.id) throw new HttpError({ code: 'not_found', message: 'There is no such document in this convening.' });
    const d = docAccess(room.snapshot, viewer, ref);
    if (!d.ok) throw new HttpError({ code: d.code, message: d.message });
    return { name, ref, title: d.title, kind: d.kind, access: d.access };
  }

  return r;
}

/** Public, read-only pages of published versions: /p/<slug> (HTML) and /p/<slug>.md. */
export function publicRoutes(store: DocStore): Router {
  const r = Router();
  r.get('/p/:slug', (req, res) => {
    const raw = String(req.params.slug);
    const markdown = raw.endsWith('.md');
    const slug = markdown ? raw.slice(0, -3) : raw;
    const pub = /^[a-z0-9-]{1,80}$/.test(slug) ? store.publication(slug) : null;
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

function act<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DocActionError) throw new HttpError({ code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });
    if (err instanceof StoreUnavailableError) throw new HttpError({ code: 'store_unavailable', message: 'That could not be saved just now, so nothing changed. Please try again.' });
    throw err;
  }
}

const send = (res: Response, html: string) => res.type('text/html; charset=utf-8').send(html);
const unauthorized = () => new HttpError({ code: 'unauthorized', message: 'This call needs a valid credential for this convening.' });
const forbidden = (message: string) => new HttpError({ code: 'forbidden', message });
