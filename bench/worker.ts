/**
 * A bench worker process (child_process.fork, run under tsx). It holds many simulated
 * clients for one scenario and does what the orchestrator asks over IPC. It ends when
 * asked, or by itself if the orchestrator goes away.
 */
import { now, sleep } from './lib/clock.ts';
import type { ObserverReport, TypingResult, WorkerCommand } from './lib/messages.ts';
import { FanoutClients } from './workers/fanout.ts';
import { Observer } from './workers/observer.ts';
import { SignalSenders } from './workers/signals.ts';
import { StormPages } from './workers/storm.ts';
import { Typist } from './workers/typist.ts';

const fanout = new FanoutClients((seq) => process.send?.({ push: 'got', seq }));
const storm = new StormPages((seq) => process.send?.({ push: 'got', seq }));
/** Credentials of the storm pages, in order (the baselines' are empty). */
let stormTokens: string[] = [];
const signals = new SignalSenders();
const typists: Typist[] = [];
const observers: Observer[] = [];
/** Light clients opened only to measure memory per document. */
const parked: Typist[] = [];

async function handle(c: WorkerCommand): Promise<unknown> {
  switch (c.cmd) {
    case 'fanout.connect':
      return fanout.connect(c.kind, c.url, c.tokens, c.count);
    case 'fanout.collect':
      return fanout.collect();
    case 'storm.run': {
      // The first storm takes over the fan-out clients; later storms, the previous storm's pages.
      const who = fanout.size > 0 ? fanout.returning(c.mode) : storm.returning(c.mode, stormTokens);
      stormTokens = who.map((w) => w.token);
      return storm.storm(c.kind, c.url, who, () => fanout.close(), c.startAt);
    }
    case 'storm.check':
      return storm.check(c.head);
    case 'signals.connect':
      return signals.connect(c.url, c.tokens);
    case 'signals.run':
      return signals.run(c.perMinute, c.durationMs, c.startAt);
    case 'docs.typists': {
      const fresh = c.tokens.map(() => new Typist(c.protocol, c.docName));
      for (let i = 0; i < fresh.length; i += 25) {
        await Promise.all(fresh.slice(i, i + 25).map((t, j) => t.open(c.url, c.tokens[i + j]!)));
      }
      typists.push(...fresh);
      return { clients: fresh.map((t) => t.client) };
    }
    case 'docs.steady':
      return steady(c.perSecond, c.durationMs, c.startAt);
    case 'docs.burst':
      await sleep(Math.max(0, c.startAt - now()));
      for (const t of typists) for (let k = 0; k < c.keys; k++) t.type();
      return typingResult();
    case 'docs.observers': {
      const fresh = c.tokens.map(() => new Observer());
      await Promise.all(fresh.map((o, i) => o.open(c.protocol, c.url, c.docName, c.tokens[i]!)));
      observers.push(...fresh);
      return { observers: fresh.length };
    }
    case 'docs.await': {
      const deadline = now() + c.timeoutMs;
      const reached = await Promise.all(observers.map((o) => o.reach(c.expected, deadline)));
      return { reached: reached.filter(Boolean).length, missing: observers.map((o) => o.missing(c.expected)) };
    }
    case 'docs.collect':
      return observers.map((o) => o.report()) satisfies ObserverReport[];
    case 'docs.load': {
      for (let i = 0; i < c.docNames.length; i++) {
        const t = new Typist(c.protocol, c.docNames[i]!);
        await t.open(c.url, c.tokens[i % c.tokens.length]!);
        t.text.insert(0, 'Notes from the room. '.repeat(Math.ceil(c.chars / 21)).slice(0, c.chars));
        parked.push(t);
      }
      return { opened: c.docNames.length };
    }
    case 'close':
      closeAll();
      return {};
  }
}

/** Every typist types `perSecond` keystrokes a second, with jittered gaps like a person. */
async function steady(perSecond: number, durationMs: number, startAt: number): Promise<TypingResult> {
  await sleep(Math.max(0, startAt - now()));
  const end = startAt + durationMs;
  await Promise.all(
    typists.map(async (t) => {
      await sleep(Math.random() * (1000 / perSecond));
      while (now() < end) {
        t.type();
        await sleep((1000 / perSecond) * (0.5 + Math.random()));
      }
    }),
  );
  return typingResult();
}

function typingResult(): TypingResult {
  const sends = typists.map((t) => ({ client: t.client, times: [...t.sent] }));
  for (const t of typists) t.sent.length = 0;
  const received = { messages: 0, bytes: 0 };
  for (const t of typists) {
    received.messages += t.messages;
    received.bytes += t.bytes;
    t.messages = 0;
    t.bytes = 0;
  }
  return { sends, received };
}

function closeAll(): void {
  fanout.close();
  storm.close();
  signals.close();
  for (const t of [...typists.splice(0), ...parked.splice(0)]) t.close();
  for (const o of observers.splice(0)) o.close();
}

process.on('message', (m: unknown) => {
  const { id, ...command } = m as { id: number } & WorkerCommand;
  handle(command).then(
    (result) => process.send?.({ id, ok: true, result }),
    (err: unknown) => process.send?.({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});

// The orchestrator is gone (crashed or killed): close everything and leave.
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
