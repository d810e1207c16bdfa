import type { ConveningView, DomainEvent } from '@brave/protocol';
import { viewFor, type Viewer } from './policy.ts';
import { showDebrief } from './show/debrief.ts';
import { pulseResults } from './pulse/results.ts';
import { handCounts } from './floor/counts.ts';

/**
 * What a facilitator looks back on after a convening: the signal timeline, the run of
 * show planned against actual, every pulse check's counts, hands per room and the rooms
 * of every round. Built from the facilitator's own view, so it can never show more than
 * the policy lets them see (no anonymous senders, no caucus rosters); hands are counted
 * from the log (`log`, the stored events) for the rooms whose line the reader saw.
 */
export function debrief(full: ConveningView, viewer: Viewer, log: readonly { event: DomainEvent }[] = []) {
  const view = viewFor(full, viewer);
  const name = (id: string | null) => (id ? (view.participants[id]?.name ?? 'Someone') : null);
  return {
    title: view.title,
    participants: Object.keys(view.participants).length,
    signals: Object.values(view.signals)
      .sort((a, b) => a.raisedAt - b.raisedAt)
      .map((s) => ({
        at: s.raisedAt,
        kind: s.kind,
        visibility: s.visibility,
        scope: s.scope,
        by: name(s.by),
        status: s.status,
        notes: s.history.filter((h) => h.note).map((h) => ({ at: h.at, status: h.status, note: h.note })),
      })),
    show: showDebrief(view),
    pulses: pulseResults(view),
    hands: handCounts(full, viewer, log),
    rounds: Object.values(view.rounds)
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((r) => ({
        name: r.name,
        strategy: r.strategy,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        rooms: Object.values(r.rooms).map((room) => ({
          name: room.name,
          kind: room.kind,
          size: room.size,
          members: room.members.map((id) => name(id) ?? 'Someone'),
        })),
      })),
  };
}
export type Debrief = ReturnType<typeof debrief>;
