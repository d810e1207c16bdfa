import { LiveClient } from '@brave/client';
import { now, sleep, within } from '../lib/clock.ts';
import type { ConnectResult, RaiseRecord } from '../lib/messages.ts';

/** Participants who raise ouch/whoops at a steady rate and time each acknowledgement. */
export class SignalSenders {
  private readonly clients: LiveClient[] = [];

  async connect(url: string, tokens: string[]): Promise<ConnectResult> {
    const started = now();
    let failed = 0;
    let firstError: string | undefined;
    for (let i = 0; i < tokens.length; i += 25) {
      const results = await Promise.allSettled(tokens.slice(i, i + 25).map((token) => this.join(url, token)));
      for (const r of results) {
        if (r.status === 'rejected') {
          failed++;
          firstError ??= String(r.reason instanceof Error ? r.reason.message : r.reason);
        }
      }
    }
    return { connected: tokens.length - failed, failed, ms: now() - started, ...(firstError ? { firstError } : {}) };
  }

  /**
   * Each person raises `perMinute` signals a minute, evenly spaced from a random
   * offset, so the room as a whole sends a steady stream.
   */
  async run(perMinute: number, durationMs: number, startAt: number): Promise<RaiseRecord[]> {
    const interval = 60_000 / perMinute;
    const records: RaiseRecord[] = [];
    await sleep(Math.max(0, startAt - now()));
    await Promise.all(
      this.clients.map(async (client, i) => {
        const offset = Math.random() * interval;
        for (let k = 0; offset + k * interval < durationMs; k++) {
          await sleep(Math.max(0, startAt + offset + k * interval - now()));
          const sentAt = now();
          const ack = await client.send({ type: 'signal.raise', kind: (i + k) % 3 === 0 ? 'whoops' : 'ouch' });
          const record: RaiseRecord = { sentAt, ackMs: now() - sentAt, ok: ack.ok };
          if (ack.ok && ack.id) record.signalId = ack.id;
          if (!ack.ok) record.code = ack.error.code;
          records.push(record);
        }
      }),
    );
    return records;
  }

  close(): void {
    for (const c of this.clients.splice(0)) c.close();
  }

  private async join(url: string, token: string): Promise<void> {
    const client = new LiveClient({ url, token, ackTimeoutMs: 15_000, attempts: 2 });
    try {
      await within(client.connect(), 60_000, 'hello');
      const affirmed = await client.send({ type: 'agreements.affirm' });
      if (!affirmed.ok) throw new Error(affirmed.error.message);
    } catch (err) {
      client.close();
      throw err;
    }
    this.clients.push(client);
  }
}
