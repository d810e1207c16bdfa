import type { ConveningReport, ReportItem, ReportPulse } from '@brave/protocol';
import { REPORT_SMALL_COUNT } from '@brave/protocol';
import { countOf } from '../plural.ts';

/** The convening report as Markdown, for a working group's shared folder. Names nobody. */
export function reportMarkdown(r: ConveningReport): string {
  const out: string[] = [`# ${line(r.title)}`, '', `${countOf(r.participants, 'person', 'people')} took part.`];
  if (r.show.length > 0) out.push('', '## Run of show: planned and actual', '', '| Item | Planned | Actual |', '| --- | --- | --- |', ...r.show.map(itemRow));
  if (r.pulses.length > 0) out.push('', '## Pulse checks', ...r.pulses.flatMap(pulseLines));
  out.push('', '## Hands raised, by room', '', '| Room | Hands raised | Turns given |', '| --- | --- | --- |');
  out.push(...r.hands.map((h) => `| ${line(h.room === null ? 'Main room' : `${h.room} (${h.round ?? ''})`)} | ${h.raises} | ${h.turns} |`));
  const { ouch, whoops, followedUp } = r.signals;
  out.push('', '## Ouch and whoops', '', `${countOf(ouch, 'ouch', 'ouches')}, ${countOf(whoops, 'whoops', 'whoops')}; ${followedUp} followed up.`);
  if (r.rounds.length > 0) {
    out.push('', '## Breakout rounds');
    for (const round of r.rounds) {
      out.push('', `### ${line(round.name)}`, '', ...round.rooms.map((room) => `- ${line(room.name)}: ${countOf(room.size, 'person', 'people')}`));
    }
  }
  out.push('', 'This report names nobody: pulse checks and hands are counts for the whole room, and caucus rooms show their size only.', '');
  return out.join('\n');
}

const minutes = (ms: number) => `${Math.round(ms / 6_000) / 10} min`;
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

function itemRow(i: ReportItem): string {
  const planned = `${minutes(i.plannedMs)} from ${clock(i.plannedStartMs)}`;
  const actual =
    i.actualStartMs === null ? 'not reached' : i.running || i.actualMs === null ? `began at ${clock(i.actualStartMs)}, still running` : `${minutes(i.actualMs)} from ${clock(i.actualStartMs)}`;
  return `| ${line(i.title)} | ${planned} | ${actual} |`;
}

function pulseLines(p: ReportPulse): string[] {
  const head = ['', `### ${line(p.question)}`, '', `${countOf(p.total, 'answer', 'answers')}${p.anonymous ? ', anonymous' : ''}.`];
  if (p.counts === null) {
    return p.total === 0 ? head : [...head, '', `Fewer than ${REPORT_SMALL_COUNT} people answered, so the answers are left out: they could point to someone.`];
  }
  return [...head, '', ...p.counts.map((c) => `- ${line(c.answer)}: ${c.count}`)];
}

/** One line of text, with Markdown's own characters shown as they are. */
const line = (s: string) => s.replace(/[\r\n]+/g, ' ').replace(/([\\`*_{}[\]<>#|!])/g, '\\$1');

