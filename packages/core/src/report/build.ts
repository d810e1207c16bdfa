import type { ConveningReport } from '@brave/protocol';
import type { Debrief } from '../debrief.ts';

/**
 * The convening report a facilitator hands to their working group, from their own
 * debrief: the same timeline, pulse counts, hands and room sizes, naming nobody. Signals
 * become counts (no senders, no words, no triage notes), rooms keep name and size only.
 */
export function conveningReport(d: Debrief): ConveningReport {
  const count = (f: (s: Debrief['signals'][number]) => boolean) => d.signals.filter(f).length;
  return {
    title: d.title,
    participants: d.participants,
    show: d.show.map((i) => ({
      title: i.title,
      kind: i.kind,
      plannedStartMs: i.plannedStartMs,
      plannedMs: i.plannedMinutes * 60_000,
      actualStartMs: i.actualStartMs,
      actualMs: i.actualMs,
      running: i.running,
      extendedMinutes: i.extendedMinutes,
    })),
    pulses: d.pulses.map((p) => ({ ...p, counts: p.counts && p.counts.map((c) => ({ ...c })) })),
    hands: d.hands.map((h) => ({ ...h })),
    signals: {
      ouch: count((s) => s.kind === 'ouch'),
      whoops: count((s) => s.kind === 'whoops'),
      followedUp: count((s) => s.status === 'addressed'),
    },
    rounds: d.rounds.map((r) => ({
      name: r.name,
      strategy: r.strategy,
      rooms: r.rooms.map((room) => ({ name: room.name, kind: room.kind, size: room.size })),
    })),
  };
}
