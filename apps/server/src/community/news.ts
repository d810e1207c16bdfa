import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Id } from '@brave/protocol';

/** The Redis side community news needs (cluster/index.ts provides it). */
export interface NewsBus {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
}

const CHANNEL = 'brave:community';
const News = z.object({ from: z.string().max(40), communityId: Id });

/**
 * Several processes (REDIS_URL): a community write committed here is announced on one
 * Redis channel with the community's id only; every other process reads that community
 * again into its directory and then re-checks its open connections of it (`heard`), so a
 * member removed through one process loses their drafts on every process at once rather
 * than at the next periodic re-read. The message carries no data: each process reads the
 * database itself. Lost while Redis is away; the periodic re-read still catches it.
 */
export class CommunityNews {
  private readonly node = randomBytes(6).toString('hex');

  constructor(
    private readonly bus: NewsBus,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  /** Listen for the other processes' news. */
  async listen(heard: (communityId: string) => Promise<void>): Promise<void> {
    await this.bus.subscribe(CHANNEL, (text) => {
      const news = News.safeParse(safeJson(text));
      if (!news.success) return this.log('community: ignored news from Redis that did not parse');
      if (news.data.from === this.node) return;
      heard(news.data.communityId).catch((err: unknown) => this.log(`community ${news.data.communityId}: could not act on another process's change`, err));
    });
  }

  /** A write of this community committed here. */
  announce(communityId: string): void {
    this.bus.publish(CHANNEL, JSON.stringify({ from: this.node, communityId })).catch(() => undefined);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
