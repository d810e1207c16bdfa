import { Router, type Request } from 'express';
import {
  CreateConveningBody,
  JoinBody,
  JoinCode,
  PROTOCOL_VERSION,
  ReportFormat,
  type CreateConveningResult,
  type InviteResult,
  type JoinResult,
} from '@brave/protocol';
import { AGREEMENT_LIBRARY, conveningReport, isFacilitator, reportMarkdown, viewFor } from '@brave/core';
import type { Credential, TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import type { Store } from '../store/types.ts';
import { DebriefCache } from './debrief-cache.ts';
import { HttpError, parseBody } from './respond.ts';
import { RateLimiter } from './ratelimit.ts';

export interface ApiDeps {
  store: Store;
  rooms: RoomRegistry;
  tokens: TokenService;
  publicUrl: string | undefined;
  joinRate: { burst: number; perSecond: number };
}

/** The JSON API (docs/api.md). Handlers are thin: parse, authorise, ask the room. */
export function apiRouter({ store, rooms, tokens, publicUrl, joinRate }: ApiDeps): Router {
  const r = Router();
  const perIp = new RateLimiter(joinRate.perSecond, joinRate.burst);
  const debriefs = new DebriefCache(store);

  const limit = (req: Request) => {
    const wait = perIp.take(req.ip ?? 'unknown');
    if (wait > 0) throw new HttpError({ code: 'rate_limited', message: 'Too many requests from this address; please wait a moment.', retryAfterMs: wait, messageKey: 'tooManyRequests' });
  };
  const base = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host')}`;

  r.get('/agreement-sets', (_req, res) => {
    res.json({ sets: AGREEMENT_LIBRARY });
  });

  r.post('/convenings', async (req, res) => {
    limit(req);
    const body = parseBody(CreateConveningBody, req.body);
    const made = await rooms.create(body);
    const facilitatorToken = tokens.issue({ conveningId: made.id, participantId: made.hostId, role: 'facilitator' });
    const result: CreateConveningResult = {
      id: made.id,
      joinCode: made.joinCode,
      facilitatorToken,
      cohostCode: made.cohostCode,
      hostUrl: `${base(req)}/host/${made.id}#token=${facilitatorToken}`,
      joinUrl: `${base(req)}/j/${made.joinCode}`,
    };
    res.status(201).json(result);
  });

  r.get('/join/:code', async (req, res) => {
    const code = JoinCode.safeParse(req.params.code);
    const rec = code.success ? await store.conveningByJoinCode(code.data) : null;
    if (!rec) throw notFoundCode();
    const room = await rooms.get(rec.id);
    res.json({ conveningId: rec.id, title: room?.snapshot.title ?? '', status: room?.snapshot.status ?? 'open' });
  });

  r.post('/join', async (req, res) => {
    limit(req);
    const body = parseBody(JoinBody, req.body);
    const rec = await store.conveningByJoinCode(body.joinCode);
    const room = rec ? await rooms.get(rec.id) : null;
    if (!rec || !room) throw notFoundCode();
    if (body.cohostCode !== undefined && body.cohostCode !== rec.cohostCode) {
      throw new HttpError({ code: 'forbidden', message: 'That co-facilitator link is not valid for this convening.', field: 'cohostCode', messageKey: 'cohostInvalid' });
    }
    const role = body.cohostCode ? 'cofacilitator' : 'participant';
    const admitted = await room.admit({ name: body.name, pronouns: body.pronouns ?? null, role });
    if (!admitted.ok) throw new HttpError(admitted.error);
    const result: JoinResult = {
      conveningId: rec.id,
      participantId: admitted.participantId,
      role,
      token: tokens.issue({ conveningId: rec.id, participantId: admitted.participantId, role }),
    };
    res.status(201).json(result);
  });

  /** The caller's own view of a convening, as a snapshot (for bots and debugging). */
  r.get('/convenings/:id', async (req, res) => {
    const { cred, room } = await authorised(req, req.params.id);
    res.json({ protocolVersion: PROTOCOL_VERSION, view: viewFor(room.snapshot, cred) });
  });

  /** Invite codes, for any facilitator's console (co-facilitators may invite others too). */
  r.get('/convenings/:id/invite', async (req, res) => {
    const { cred } = await authorised(req, req.params.id);
    if (!isFacilitator(cred.role)) throw new HttpError({ code: 'forbidden', message: 'Invitations are for facilitators.' });
    const rec = await store.convening(cred.conveningId);
    if (!rec) throw unauthorized();
    const result: InviteResult = {
      joinCode: rec.joinCode,
      cohostCode: rec.cohostCode,
      joinUrl: `${base(req)}/j/${rec.joinCode}`,
      cohostUrl: `${base(req)}/j/${rec.joinCode}?cohost=${rec.cohostCode}`,
    };
    res.json(result);
  });

  /** Facilitators' look back: signals, the show, pulse counts, hands per room, room sizes (never caucus rosters). */
  r.get('/convenings/:id/debrief', async (req, res) => {
    const { cred, room } = await facilitating(req, 'The debrief is for facilitators.');
    res.json(await debriefs.of(room, cred));
  });

  /** The convening report (JSON or Markdown) a facilitator hands to their working group; it names nobody. */
  r.get('/convenings/:id/report/:format', async (req, res) => {
    const format = ReportFormat.safeParse(req.params.format);
    if (!format.success) throw new HttpError({ code: 'bad_request', message: 'The report comes as json or md.', field: 'format' });
    const { cred, room } = await facilitating(req, 'The report is for facilitators.');
    const report = conveningReport(await debriefs.of(room, cred));
    res.attachment(`report-${cred.conveningId}.${format.data}`);
    if (format.data === 'json') res.json(report);
    else res.type('text/markdown; charset=utf-8').send(reportMarkdown(report));
  });

  async function facilitating(req: Request<{ id: string }>, refusal: string) {
    const found = await authorised(req, req.params.id);
    if (!isFacilitator(found.cred.role)) throw new HttpError({ code: 'forbidden', message: refusal });
    return found;
  }

  async function authorised(req: Request, conveningId: string | undefined) {
    const cred = credentialOf(req, tokens);
    if (!cred || cred.conveningId !== conveningId) throw unauthorized();
    const room = await rooms.get(cred.conveningId);
    if (!room?.admits(cred.participantId)) throw unauthorized();
    return { cred, room };
  }

  return r;
}

export function credentialOf(req: Request, tokens: TokenService): Credential | null {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? tokens.verify(match[1]) : null;
}

const unauthorized = () =>
  new HttpError({ code: 'unauthorized', message: 'This call needs a valid credential for this convening.', messageKey: 'needsCredential' });

const notFoundCode = () =>
  new HttpError({
    code: 'not_found',
    message: 'We could not find a convening with that code. Check the code with your facilitator and try again.',
    field: 'joinCode',
    messageKey: 'joinNotFound',
  });
