import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRouter } from '../../apps/server/src/http/api.ts';
import { docRoutes } from '../../apps/server/src/collab/routes.ts';
import { startTestServer } from '../support/server.ts';
import { newAddress } from '../support/people.ts';
import { MEMBERS, STRANGERS, type Member, type TestServer, type Who, type World, world } from './abuse-helpers.ts';

/**
 * Every HTTP route × every kind of caller. The route list is read from the routers
 * themselves (http/api.ts, collab/routes.ts), so a new route without a row here fails.
 * Document routes are asked about a caucus's notes (only its members may open them) and,
 * for publishing, a toolkit draft (facilitators only).
 */
let server: TestServer;
let w: World;
let docs: { caucus: string; toolkit: string; caucusVersion: string; toolkitVersion: string };
beforeAll(async () => {
  server = await startTestServer();
  w = await world(server.url);
  const caucus = `notes:${w.id}:${w.roundId}:${w.caucusRoomId}`;
  const toolkit = `toolkit:${w.id}:money`;
  const version = async (name: string, token: string) => {
    const res = await send('POST', `/api/convenings/${w.id}/docs/${encodeURIComponent(name)}/versions`, token, { label: 'First draft' });
    return ((await res.json()) as { version: { id: string } }).version.id;
  };
  docs = { caucus, toolkit, caucusVersion: await version(caucus, w.tokens.caucus!), toolkitVersion: await version(toolkit, w.tokens.facilitator!) };
});
afterAll(async () => {
  w.close();
  await server.close();
});

function send(method: string, path: string, token: string | undefined, body?: unknown): Promise<Response> {
  return fetch(new URL(path, server.url), {
    method,
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': newAddress(), // each call its own address: the per-address limit is tested elsewhere
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

type Expect = number | number[];
interface Route {
  request: () => { path: string; body?: unknown };
  expect: Record<Who, Expect>;
}
const everyone = (status: Expect): Record<Who, Expect> => Object.fromEntries([...MEMBERS, ...STRANGERS].map((k) => [k, status])) as Record<Who, Expect>;
/** Members get `members` (per member when an object); every stranger gets 401. */
const guarded = (members: Expect | Partial<Record<Member, Expect>>, otherwise: Expect = 403): Record<Who, Expect> => ({
  ...everyone(401),
  ...Object.fromEntries(MEMBERS.map((m) => [m, typeof members === 'object' && !Array.isArray(members) ? (members[m] ?? otherwise) : members])),
});
const doc = (name: () => string, rest = '') => () => `/api/convenings/${w.id}/docs/${encodeURIComponent(name())}${rest}`;
const caucusDoc = (rest = '') => doc(() => docs.caucus, rest);

const ROUTES: Record<string, Route> = {
  'GET /api/agreement-sets': { request: () => ({ path: '/api/agreement-sets' }), expect: everyone(200) },
  'POST /api/convenings': { request: () => ({ path: '/api/convenings', body: { title: 'Another one' } }), expect: everyone(201) },
  'GET /api/join/:code': { request: () => ({ path: `/api/join/${w.joinCode}` }), expect: everyone(200) },
  'POST /api/join': { request: () => ({ path: '/api/join', body: { joinCode: w.joinCode, name: 'Late arrival' } }), expect: everyone(201) },
  'GET /api/convenings/:id': { request: () => ({ path: `/api/convenings/${w.id}` }), expect: guarded(200) },
  'GET /api/convenings/:id/debrief': {
    request: () => ({ path: `/api/convenings/${w.id}/debrief` }),
    expect: guarded({ facilitator: 200, cofacilitator: 200 }),
  },
  'GET /api/convenings/:id/report/:format': {
    request: () => ({ path: `/api/convenings/${w.id}/report/md` }),
    expect: guarded({ facilitator: 200, cofacilitator: 200 }),
  },
  'GET /api/convenings/:id/invite': {
    request: () => ({ path: `/api/convenings/${w.id}/invite` }),
    expect: guarded({ facilitator: 200, cofacilitator: 200 }),
  },
  'GET /api/convenings/:id/docs': { request: () => ({ path: `/api/convenings/${w.id}/docs` }), expect: guarded(200) },
  'GET /api/convenings/:id/docs/:name': { request: () => ({ path: caucusDoc()() }), expect: guarded({ caucus: 200 }) },
  'GET /api/convenings/:id/docs/:name/versions': { request: () => ({ path: caucusDoc('/versions')() }), expect: guarded({ caucus: 200 }) },
  'POST /api/convenings/:id/docs/:name/versions': {
    request: () => ({ path: caucusDoc('/versions')(), body: { label: 'Checkpoint' } }),
    expect: guarded({ caucus: 201 }),
  },
  'POST /api/convenings/:id/docs/:name/versions/:versionId/restore': {
    request: () => ({ path: caucusDoc(`/versions/${docs.caucusVersion}/restore`)(), body: {} }),
    expect: guarded({ caucus: 200 }),
  },
  'POST /api/convenings/:id/docs/:name/versions/:versionId/publish': {
    request: () => ({ path: doc(() => docs.toolkit, `/versions/${docs.toolkitVersion}/publish`)(), body: {} }),
    expect: guarded({ facilitator: 201, cofacilitator: 201 }),
  },
  'GET /api/convenings/:id/docs/:name/export': { request: () => ({ path: caucusDoc('/export?format=md')() }), expect: guarded({ caucus: 200 }) },
  'POST /api/convenings/:id/docs/:name/share': {
    // The caucus's notes are empty, so the member's share is refused for its content (400/404), not its access.
    request: () => ({ path: caucusDoc('/share')(), body: { to: `notes:${w.id}:plenary`, passages: [{ block: 0 }] } }),
    expect: guarded({ caucus: [200, 400, 404] }),
  },
  // The community gate takes a member credential or a facilitator's session, never a convening credential.
  ...communityDocRoutes(),
};

function communityDocRoutes(): Record<string, Route> {
  const root = () => `/api/communities/${w.id}/docs`;
  const named = (rest = '') => () => `${root()}/${encodeURIComponent(docs.toolkit)}${rest}`;
  const rows: [string, () => string, (() => unknown)?][] = [
    ['GET /api/communities/:id/docs', root],
    ['GET /api/communities/:id/docs/:name', named()],
    ['GET /api/communities/:id/docs/:name/versions', named('/versions')],
    ['POST /api/communities/:id/docs/:name/versions', named('/versions'), () => ({ label: 'Checkpoint' })],
    ['POST /api/communities/:id/docs/:name/versions/:versionId/restore', () => named(`/versions/${docs.toolkitVersion}/restore`)(), () => ({})],
    ['POST /api/communities/:id/docs/:name/versions/:versionId/publish', () => named(`/versions/${docs.toolkitVersion}/publish`)(), () => ({})],
    ['GET /api/communities/:id/docs/:name/export', named('/export?format=md')],
    ['POST /api/communities/:id/docs/:name/share', named('/share'), () => ({ to: `notes:${w.id}:plenary`, passages: [{ block: 0 }] })],
  ];
  return Object.fromEntries(rows.map(([name, path, body]) => [name, { request: () => ({ path: path(), ...(body ? { body: body() } : {}) }), expect: everyone(401) }]));
}

/**
 * Every route the routers define, as "METHOD /api/path". The routers are built with a
 * stand-in for every dependency (any property of it is another stand-in, or 1 as a
 * number): only their route tables are read, no handler runs.
 */
function definedRoutes(): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const stack = (r: unknown) => (r as { stack: Layer[] }).stack;
  const standIn: unknown = new Proxy(() => standIn, { get: (_t, key) => (key === Symbol.toPrimitive ? () => 1 : standIn) });
  return [apiRouter(standIn as never), docRoutes(standIn as never)].flatMap((r) =>
    stack(r).flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} /api${l.route!.path}`) : [])),
  );
}

describe('access matrix: every HTTP route × every caller', () => {
  it('has a row for every route the server defines', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(definedRoutes().sort());
  });

  it('answers each caller exactly as the policy says; strangers always get 401 with a typed error', async () => {
    const seen: Record<string, Record<string, number>> = {};
    const want: Record<string, Record<string, number>> = {};
    for (const [name, route] of Object.entries(ROUTES)) {
      seen[name] = {};
      want[name] = {};
      for (const who of [...MEMBERS, ...STRANGERS]) {
        const { path, body } = route.request();
        const res = await send(name.split(' ')[0]!, path, w.tokens[who], body);
        const allowed = [route.expect[who]].flat();
        seen[name][who] = res.status;
        want[name][who] = allowed.includes(res.status) ? res.status : allowed[0]!;
        if (res.status >= 400) {
          const error = ((await res.json()) as { error?: { code?: string; message?: string } }).error;
          expect(error?.message, `${name} as ${who}`).toBeTruthy();
          if (res.status === 401) expect(error?.code).toBe('unauthorized');
          if (res.status === 403) expect(error?.code).toBe('forbidden');
        } else await res.arrayBuffer();
      }
    }
    expect(seen).toEqual(want);
  });
});
