import type { ConveningView, ShowItemKind } from '@brave/protocol';

export interface ShowDebriefItem {
  title: string;
  kind: ShowItemKind;
  plannedMinutes: number;
  /** How long it ran, in ms; null when it was never reached (or is still running: then `running`). */
  actualMs: number | null;
  running: boolean;
}

/** Planned against actual time, per item of the run of show (from a reader's view). */
export function showDebrief(view: ConveningView): ShowDebriefItem[] {
  return view.show.items.map((item) => {
    const actual = view.show.actual[item.id];
    return {
      title: item.title,
      kind: item.kind,
      plannedMinutes: item.minutes,
      actualMs: actual?.leftAt != null ? actual.leftAt - actual.enteredAt : null,
      running: actual !== undefined && actual.leftAt === null,
    };
  });
}
