import { randomBytes } from 'node:crypto';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { z } from 'zod';
import type { CollabLimits } from '@brave/protocol';
import type { LiveDoc } from './live-doc.ts';
import type { DocRegistry, SharedHooks } from './registry.ts';

/** The Redis side the documents need (cluster/index.ts provides it over its connections). */
export interface DocBus {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  /** Called each time Redis is back after an outage. */
  onBack(listener: () => void): void;
}

/** Presence crosses processes at most this often per document and process (carets move much faster). */
export const AWARENESS_EVERY_MS = 100;

const channelOf = (doc: string) => `brave:doc:${doc}`;
/** Not of a connection here: applied from another process, so never sent back out. */
const ELSEWHERE = Symbol('another process');

function messageSchema(limits: CollabLimits) {
  // base64 of at most a merged flush: generous, since a merge of many messages may exceed one.
  const bytes = z.string().max(Math.ceil((limits.docBytes * 4) / 3) + 4);
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('update'), from: z.string().max(40), seq: z.number().int().positive(), update: bytes }),
    z.object({ kind: z.literal('presence'), from: z.string().max(40), update: z.string().max(Math.ceil((limits.messageBytes * 4) / 3) + 4) }),
    z.object({ kind: z.literal('deleted'), from: z.string().max(40) }),
  ]);
}

/**
 * Documents across processes (REDIS_URL): one Redis channel per open document. An update
 * is published only after it was stored and relayed here (the registry calls `stored`);
 * another process holding the document takes it in seq order, or reads what it missed
 * from the shared log when a seq is skipped, when it subscribed, or when Redis comes back.
 * Presence (the awareness states our connections sent, with the identity presence.ts put
 * in) goes out throttled; what came from elsewhere is never published again. Nothing of a
 * document reaches a process's connections unless that process's gate admitted them to it.
 */
export class SharedDocs implements SharedHooks {
  private readonly node = randomBytes(6).toString('hex');
  private readonly parse;
  private registry: DocRegistry | null = null;
  private readonly presence = new Map<LiveDoc, { ids: Set<number>; timer: NodeJS.Timeout | null; off: () => void }>();

  constructor(
    private readonly bus: DocBus,
    limits: CollabLimits,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {
    this.parse = messageSchema(limits);
    bus.onBack(() => void this.registry?.catchUpAll());
  }

  /** The registry these hooks serve (built after them: it takes them as an option). */
  serve(registry: DocRegistry): void {
    this.registry = registry;
  }

  opened(doc: LiveDoc): void {
    const onPresence = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === ELSEWHERE) return;
      this.queuePresence(doc, [...changes.added, ...changes.updated, ...changes.removed]);
    };
    doc.awareness.on('update', onPresence);
    this.presence.set(doc, { ids: new Set(), timer: null, off: () => doc.awareness.off('update', onPresence) });
    this.bus.subscribe(channelOf(doc.name), (message) => this.received(doc.name, message)).then(
      // Whatever was stored between our load and the subscription is read from the log.
      () => this.registry?.fromElsewhere(doc.name),
      (err: unknown) => this.log(`collab: could not listen for ${doc.name} on Redis; it catches up when Redis is back`, err),
    );
  }

  stored(doc: LiveDoc, seq: number, update: Uint8Array): void {
    this.send(doc.name, { kind: 'update', from: this.node, seq, update: Buffer.from(update).toString('base64') });
  }

  forgotten(doc: LiveDoc): void {
    const p = this.presence.get(doc);
    if (p?.timer) clearTimeout(p.timer);
    p?.off();
    this.presence.delete(doc);
    this.bus.unsubscribe(channelOf(doc.name)).catch(() => undefined);
  }

  /** Documents deleted here: the processes holding them drop them too, writing nothing back. */
  deleted(names: readonly string[]): void {
    for (const name of names) this.send(name, { kind: 'deleted', from: this.node });
  }

  private send(doc: string, message: z.infer<ReturnType<typeof messageSchema>>): void {
    // Redis away: the others catch up from the log when it is back (or at their next gap).
    this.bus.publish(channelOf(doc), JSON.stringify(message)).catch(() => undefined);
  }

  private queuePresence(doc: LiveDoc, ids: number[]): void {
    const p = this.presence.get(doc);
    if (!p || ids.length === 0) return;
    for (const id of ids) p.ids.add(id);
    p.timer ??= setTimeout(() => {
      p.timer = null;
      const changed = [...p.ids];
      p.ids.clear();
      if (doc.gone || changed.length === 0) return;
      const update = Buffer.from(encodeAwarenessUpdate(doc.awareness, changed)).toString('base64');
      this.send(doc.name, { kind: 'presence', from: this.node, update });
    }, AWARENESS_EVERY_MS);
    p.timer.unref();
  }

  private received(name: string, text: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = null;
    }
    const parsed = this.parse.safeParse(raw);
    if (!parsed.success) return this.log(`collab: ignored a message about ${name} from Redis that did not parse`);
    const m = parsed.data;
    if (m.from === this.node || !this.registry) return;
    if (m.kind === 'update') void this.registry.fromElsewhere(name, m.seq, new Uint8Array(Buffer.from(m.update, 'base64')));
    else if (m.kind === 'deleted') this.registry.deleted([name]);
    else this.presenceFromElsewhere(name, Buffer.from(m.update, 'base64'));
  }

  private presenceFromElsewhere(name: string, update: Uint8Array): void {
    const doc = [...this.presence.keys()].find((d) => d.name === name && !d.gone);
    if (!doc) return;
    try {
      applyAwarenessUpdate(doc.awareness, update, ELSEWHERE);
    } catch (err) {
      this.log(`collab: ignored unreadable presence for ${name} from another process`, err);
    }
  }
}
