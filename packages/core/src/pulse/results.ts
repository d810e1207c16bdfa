import type { ConveningView, PulseKind, ReportPulse } from '@brave/protocol';
import { REPORT_SMALL_COUNT, SHOW_LIMITS } from '@brave/protocol';
import { topWords } from './tally.ts';

const SCALE = ['1', '2', '3', '4', '5'];

/**
 * Every pulse check's results as a debrief shows them, from a facilitator's view: counts
 * only, never who, even for a named check (a debrief is handed on). A check with fewer
 * than REPORT_SMALL_COUNT answers keeps its total but not its breakdown: with one or two
 * answers, anyone who knows who answered (or their own answer) reads the rest off it.
 */
export function pulseResults(view: ConveningView): ReportPulse[] {
  return Object.values(view.pulses)
    .sort((a, b) => a.openedAt - b.openedAt)
    .map((p) => {
      const total = p.tally?.total ?? 0;
      const counts = p.tally && total >= REPORT_SMALL_COUNT ? countsOf(p.kind, p.options, p.tally.counts) : null;
      return { question: p.question, kind: p.kind, anonymous: p.anonymous, total, counts };
    });
}

/** Every scale point and option, zeros too (so bars line up); the most frequent words. */
function countsOf(kind: PulseKind, options: string[], counts: Record<string, number>): ReportPulse['counts'] {
  if (kind === 'word') return topWords({ total: 0, counts }, SHOW_LIMITS.wordsShown).map(([answer, count]) => ({ answer, count }));
  return (kind === 'scale' ? SCALE : options).map((answer) => ({ answer, count: counts[answer] ?? 0 }));
}
