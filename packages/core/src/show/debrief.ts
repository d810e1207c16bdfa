import type { ConveningView, ShowItemKind } from '@brave/protocol';

const MINUTE_MS = 60_000;

export interface ShowDebriefItem {
  title: string;
  kind: ShowItemKind;
  plannedMinutes: number;
  /** Where the plan put it: ms after the show began, if every item before ran its time. */
  plannedStartMs: number;
  /** When it actually began, in ms after the show began; null when it was never reached. */
  actualStartMs: number | null;
  /** How long it ran, in ms; null when it was never reached (or is still running: then `running`). */
  actualMs: number | null;
  running: boolean;
  extendedMinutes: number;
}

/**
 * Planned against actual time, per item of the run of show (from a reader's view): the
 * timeline a debrief draws. Both clocks start when the first item began.
 */
export function showDebrief(view: ConveningView): ShowDebriefItem[] {
  const starts = Object.values(view.show.actual).map((a) => a.enteredAt);
  const began = starts.length > 0 ? Math.min(...starts) : null;
  let plannedStartMs = 0;
  return view.show.items.map((item) => {
    const actual = view.show.actual[item.id];
    const row: ShowDebriefItem = {
      title: item.title,
      kind: item.kind,
      plannedMinutes: item.minutes,
      plannedStartMs,
      actualStartMs: actual && began !== null ? actual.enteredAt - began : null,
      actualMs: actual?.leftAt != null ? actual.leftAt - actual.enteredAt : null,
      running: actual !== undefined && actual.leftAt === null,
      extendedMinutes: actual?.extendedMinutes ?? 0,
    };
    plannedStartMs += item.minutes * MINUTE_MS;
    return row;
  });
}
