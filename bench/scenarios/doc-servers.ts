import { join } from 'node:path';
import { yWebsocketServerScript } from '../baselines/y-websocket.ts';
import { sleep } from '../lib/clock.ts';
import type { DocProtocol } from '../lib/messages.ts';
import { joinMany, openConvening, startOurs } from '../lib/ours.ts';
import { freePort, ROOT, startService, type Service } from '../lib/procs.ts';
import { Typist } from '../workers/typist.ts';

export type DocServerKind = 'ours' | 'y-websocket' | 'hocuspocus';

/** Where a scenario's editors go: a document name and one credential per editor. */
export interface DocSeat {
  docName: string;
  tokens: string[];
}

export interface DocServer {
  kind: DocServerKind;
  protocol: DocProtocol;
  service: Service;
  /** Websocket base URL the providers take. */
  wsUrl: string;
  /** Several processes (scenarios/nodes.ts): every process's base URL, typists spread over them. */
  wsUrls?: string[];
  persists: boolean;
  /** A fresh document with `editors` writers (ours: a new convening and its people). */
  seat(editors: number, label: string): Promise<DocSeat>;
  stop(): Promise<void>;
}

/** Start one document server, or explain why it is not available. */
export async function startDocServer(kind: DocServerKind): Promise<DocServer | string> {
  if (kind === 'y-websocket') {
    const port = await freePort();
    const service = await startService({ name: kind, script: yWebsocketServerScript(), env: { PORT: String(port) }, ready: /on port (\d+)/ });
    return baseline(kind, 'yws', service, `ws://127.0.0.1:${service.port}`);
  }
  if (kind === 'hocuspocus') {
    const service = await startService({ name: kind, script: join(ROOT, 'bench/baselines/hocuspocus.ts'), env: { PORT: '0' }, ready: /ready on port (\d+)/ });
    return baseline(kind, 'hocus', service, `ws://127.0.0.1:${service.port}`);
  }
  return oursDocServer(await startOurs('ours-docs'));
}

/** Ours as a document server: one process, or a group of them (`urls`) sharing one database. */
export async function oursDocServer(service: Service & { urls?: string[] }): Promise<DocServer | string> {
  const wsOf = (url: string) => `${url.replace(/^http/, 'ws')}/collab`;
  const wsUrl = wsOf(service.url);
  const server: DocServer = {
    kind: 'ours',
    protocol: 'yws',
    service,
    wsUrl,
    ...(service.urls ? { wsUrls: service.urls.map(wsOf) } : {}),
    persists: true,
    seat: (editors, label) => oursSeat(service.url, editors, label),
    stop: () => service.stop(),
  };
  try {
    const probe = await oursSeat(service.url, 1, 'probe');
    const typist = new Typist('yws', probe.docName);
    await typist.open(wsUrl, probe.tokens[0]!);
    typist.close();
    return server;
  } catch (err) {
    await service.stop();
    return `not available (${err instanceof Error ? err.message : String(err)})`;
  }
}

function baseline(kind: DocServerKind, protocol: DocProtocol, service: Service, wsUrl: string): DocServer {
  return {
    kind,
    protocol,
    service,
    wsUrl,
    persists: false,
    seat: (editors, label) => Promise.resolve({ docName: `bench-${label}`, tokens: Array.from({ length: editors }, () => 'bench') }),
    stop: () => service.stop(),
  };
}

interface DocEntry {
  name: string;
  access: string;
}

/**
 * A new convening, its people, and a document they may all write (the first one the
 * docs list offers a participant with write access; co-facilitators if none).
 */
async function oursSeat(url: string, editors: number, label: string): Promise<DocSeat> {
  const { made, host } = await openConvening(url, `Documents bench ${label}`);
  host.close();
  const first = await joinMany(url, made.joinCode, 1, { prefix: 'Editor' });
  let docName = await writableDoc(url, made.id, first[0]!);
  let tokens = first;
  let cohost: string | undefined;
  if (!docName) {
    cohost = made.cohostCode;
    tokens = await joinMany(url, made.joinCode, 1, { prefix: 'Co-editor', cohostCode: cohost, offset: 50_000 });
    docName = await writableDoc(url, made.id, tokens[0]!);
  }
  if (!docName) throw new Error('no document in the docs list is writable by a participant or co-facilitator');
  if (editors > 1) tokens = tokens.concat(await joinMany(url, made.joinCode, editors - 1, { prefix: 'Editor', offset: 1, ...(cohost ? { cohostCode: cohost } : {}) }));
  return { docName, tokens };
}

async function writableDoc(url: string, conveningId: string, token: string): Promise<string | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(new URL(`/api/convenings/${conveningId}/docs`, url), { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 404) throw new Error('GET /api/convenings/:id/docs answers 404');
    if (res.ok) {
      const body = (await res.json()) as { docs?: DocEntry[] };
      return body.docs?.find((d) => d.access === 'write')?.name ?? null;
    }
    await sleep(200);
  }
  throw new Error('the docs list did not answer');
}
