import { buildIcs, mailableConvening } from '@brave/core';
import { reminderMail, unsubscribable } from './messages.ts';
import type { Outbox } from './outbox.ts';
import type { MailStore, Upcoming } from './store.ts';
import type { UnsubscribeTokens } from './unsubscribe.ts';

export interface ReminderOptions {
  /** How often to look for reminders due. */
  tickMs: number;
  /** How long a reminder "hour" lasts (a day is 24 of them); only tests shorten it. */
  hourMs: number;
  base: () => string;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  /** Also on every tick: the hub's weekly digests (digest.ts). */
  digests?: () => Promise<void>;
}

/**
 * Convening reminders, a day and an hour before. Each tick reads the convenings due a
 * reminder from the store; for each (convening, lead, start time) the process that inserts
 * its claim into mail_sent first queues the mails, so a restart, or several processes,
 * never send one twice. A claim taken and then lost to a crash is a reminder missed, never
 * a double one. Moving a convening changes its start time and so earns new reminders.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: MailStore,
    private readonly outbox: Outbox,
    private readonly tokens: UnsubscribeTokens,
    private readonly options: ReminderOptions,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One look (exported for tests that want one now). Overlapping ticks share the run in flight. */
  tick(): Promise<void> {
    const digests = this.options.digests;
    this.running ??= this.run()
      .catch((err: unknown) => this.options.log('reminders: could not look for due convenings', err))
      .then(() => digests?.())
      .catch((err: unknown) => this.options.log('digest: could not send the weekly digests', err))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<void> {
    const { hourMs, now } = this.options;
    const at = now();
    for (const c of await this.store.upcoming(at, at + 24 * hourMs)) {
      const lead = c.startsAt - at <= hourMs ? 'hour' : 'day';
      if (!(await this.store.claim(`reminder:${c.scheduleId}:${lead}:${c.startsAt}`, at))) continue;
      await this.send(c, lead);
    }
  }

  private async send(c: Upcoming, lead: 'day' | 'hour'): Promise<void> {
    const base = this.options.base();
    const safe = mailableConvening({ communityName: c.communityName, title: c.title, outline: c.outline }, c.caucusOptions);
    const host = new URL(base).hostname;
    const ics = buildIcs({
      uid: `${c.scheduleId}@${host}`,
      title: safe.title,
      description: [safe.communityName, ...safe.outline.map((o) => `- ${o}`)].join('\n'),
      url: `${base}/c/${c.communityId}`,
      startsAt: c.startsAt,
      durationMinutes: c.durationMinutes,
      stamp: c.updatedAt,
      sequence: c.sequence,
    });
    for (const r of await this.store.recipients(c.communityId, 'reminders')) {
      const mail = reminderMail(r.email, { ...safe, startsAt: c.startsAt, durationMinutes: c.durationMinutes }, lead, `${base}/c/${c.communityId}`, ics, r.language);
      this.outbox.enqueue(unsubscribable(mail, `${base}/unsubscribe/${this.tokens.issue(r.subject, 'reminders')}?lang=${r.language}`, 'reminders', r.language));
    }
  }
}
