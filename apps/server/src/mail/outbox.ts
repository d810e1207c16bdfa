import { createHash } from 'node:crypto';
import { RateLimiter } from '../http/ratelimit.ts';
import type { Mailer, OutgoingMail } from './transport.ts';

export interface OutboxOptions {
  /** Tries of one mail in all; the first waits for nothing, then `retryMs`, twice that, … */
  tries: number;
  retryMs: number;
  /** Mails sent per minute from this process, all addresses together. */
  perMinute: number;
  /** Mails one address receives per hour at most; more are dropped (and logged). */
  perRecipientPerHour: number;
  log: (msg: string, err?: unknown) => void;
  now?: () => number;
}

/** How many mails may wait at once; past it new ones are dropped and logged, so memory stays bounded. */
const MAX_WAITING = 10_000;

interface Waiting {
  mail: OutgoingMail;
  tries: number;
  dueAt: number;
}

/**
 * Mail leaves through here, one at a time, after whatever it tells of was stored: a route
 * enqueues and answers at once, never waiting for SMTP. A failed try is tried again with
 * backoff a bounded number of times, then given up. Logs say the kind of mail and the
 * error's name and message, never an address or a word of the mail.
 */
export class Outbox {
  private readonly queue: Waiting[] = [];
  private readonly global: RateLimiter;
  private readonly perRecipient: RateLimiter;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private sending = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly mailer: Mailer,
    private readonly options: OutboxOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.global = new RateLimiter(options.perMinute / 60, options.perMinute, this.now);
    this.perRecipient = new RateLimiter(options.perRecipientPerHour / 3600, options.perRecipientPerHour, this.now);
  }

  /** Queue a mail; false when it was dropped (too many waiting, or this address had its share). */
  enqueue(mail: OutgoingMail): boolean {
    if (this.closed) return false;
    if (this.queue.length >= MAX_WAITING) {
      this.options.log(`mail (${mail.kind}) dropped: ${MAX_WAITING} mails are waiting already`);
      return false;
    }
    const addressKey = createHash('sha256').update(mail.to).digest('base64url');
    if (this.perRecipient.take(addressKey) > 0) {
      this.options.log(`mail (${mail.kind}) dropped: its recipient had many mails within the hour`);
      return false;
    }
    this.queue.push({ mail, tries: 0, dueAt: this.now() });
    this.pump();
    return true;
  }

  /** Resolves when nothing waits or is being sent (tests, and a clean stop). */
  idle(): Promise<void> {
    if (!this.sending && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
    this.mailer.close();
    this.settle();
  }

  private pump(): void {
    if (this.sending || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const at = this.now();
    const index = this.queue.findIndex((w) => w.dueAt <= at);
    if (index < 0) {
      const next = Math.min(...this.queue.map((w) => w.dueAt));
      if (Number.isFinite(next)) this.later(next - at);
      else this.settle();
      return;
    }
    const wait = this.global.take('all');
    if (wait > 0) return this.later(wait);
    const [item] = this.queue.splice(index, 1);
    this.sending = true;
    void this.sendOne(item!).finally(() => {
      this.sending = false;
      this.pump();
    });
  }

  private async sendOne(item: Waiting): Promise<void> {
    item.tries += 1;
    try {
      await this.mailer.send(item.mail);
    } catch (err) {
      if (this.closed) return;
      if (item.tries >= this.options.tries) {
        this.options.log(`mail (${item.mail.kind}) given up after ${item.tries} tries`, safeError(err));
        return;
      }
      this.options.log(`mail (${item.mail.kind}) not sent, trying again (try ${item.tries} of ${this.options.tries})`, safeError(err));
      const backoff = this.options.retryMs * 2 ** (item.tries - 1);
      this.queue.push({ ...item, dueAt: this.now() + backoff + Math.random() * backoff * 0.2 });
    }
  }

  private later(ms: number): void {
    this.timer = setTimeout(() => this.pump(), Math.max(1, ms));
    this.timer.unref();
  }

  private settle(): void {
    if (this.sending || this.queue.length > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

/** SMTP errors can quote the recipient (550 <ana@…> unknown): only the error's name and code reach the log. */
function safeError(err: unknown): Error {
  const e = err as { name?: unknown; code?: unknown; responseCode?: unknown };
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const code = [e?.code, e?.responseCode].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
  const safe = new Error(code || 'no code');
  safe.name = name;
  return safe;
}
