import { COLLAB_LIMITS, type CollabLimits } from '@brave/protocol';
import { z } from 'zod';

/**
 * The limits one server applies to collaborative documents: the protocol defaults,
 * overridden by the operator's environment (COLLAB_*), then by code (tests).
 */
const positive = z.coerce.number().int().positive();
const Env = z.object({
  COLLAB_MAX_MESSAGE_BYTES: positive.max(64 * 1024 * 1024).optional(),
  COLLAB_MAX_DOC_BYTES: positive.max(1024 * 1024 * 1024).optional(),
  COLLAB_MESSAGES_PER_SECOND: positive.max(100_000).optional(),
  COLLAB_MESSAGE_BURST: positive.max(1_000_000).optional(),
  COLLAB_COMPACT_EVERY: positive.max(1_000_000).optional(),
  COLLAB_UNLOAD_AFTER_MS: positive.max(24 * 3_600_000).optional(),
});

export function resolveLimits(env: Record<string, string | undefined>, overrides: Partial<CollabLimits> = {}): CollabLimits {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid collaborative document limits:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const fromEnv: Partial<CollabLimits> = {
    ...(e.COLLAB_MAX_MESSAGE_BYTES ? { messageBytes: e.COLLAB_MAX_MESSAGE_BYTES } : {}),
    ...(e.COLLAB_MAX_DOC_BYTES ? { docBytes: e.COLLAB_MAX_DOC_BYTES } : {}),
    ...(e.COLLAB_MESSAGES_PER_SECOND ? { messagesPerSecond: e.COLLAB_MESSAGES_PER_SECOND } : {}),
    ...(e.COLLAB_MESSAGE_BURST ? { messageBurst: e.COLLAB_MESSAGE_BURST } : {}),
    ...(e.COLLAB_COMPACT_EVERY ? { compactEvery: e.COLLAB_COMPACT_EVERY } : {}),
    ...(e.COLLAB_UNLOAD_AFTER_MS ? { unloadAfterMs: e.COLLAB_UNLOAD_AFTER_MS } : {}),
  };
  return { ...COLLAB_LIMITS, ...fromEnv, ...overrides };
}

/** A token bucket for one connection: cheap enough to consult on every message. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
