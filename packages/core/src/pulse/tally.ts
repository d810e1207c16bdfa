import type { PulseOpen, PulseTally, PulseView } from '@brave/protocol';
import { SHOW_LIMITS } from '@brave/protocol';

const SCALE = ['1', '2', '3', '4', '5'];
const WORD = new RegExp(`^[\\p{L}\\p{N}'’-]{1,${SHOW_LIMITS.wordMax}}$`, 'u');

/**
 * An answer as it is counted, or why it does not fit the check: a point of the 1–5
 * scale, one of the options, or one word (lower-cased, so "Hopeful" and "hopeful" meet).
 */
export function normaliseAnswer(pulse: Pick<PulseOpen, 'kind' | 'options'>, raw: string): { ok: true; answer: string } | { ok: false; message: string } {
  const answer = raw.trim();
  switch (pulse.kind) {
    case 'scale':
      return SCALE.includes(answer) ? { ok: true, answer } : { ok: false, message: 'Please pick a number from 1 to 5.' };
    case 'choice':
      return pulse.options.includes(answer) ? { ok: true, answer } : { ok: false, message: 'Please pick one of the offered answers.' };
    case 'word':
      return WORD.test(answer)
        ? { ok: true, answer: answer.toLocaleLowerCase('en') }
        : { ok: false, message: `One word, please: letters or numbers, up to ${SHOW_LIMITS.wordMax} of them.` };
  }
}

/** Counting the answers afresh: what the folded tally must always equal. Counts only, never who. */
export function tallyOf(pulse: Pick<PulseView, 'answers'>): PulseTally {
  const counts: Record<string, number> = {};
  const values = Object.values(pulse.answers);
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return { total: values.length, counts };
}

/** A word list's most frequent words, ties by alphabet, so every screen shows the same list. */
export function topWords(tally: PulseTally, n: number = SHOW_LIMITS.wordsShown): [string, number][] {
  return Object.entries(tally.counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n);
}
