import { windowWaitMs } from '../rate.ts';
import type { CommandOf, ConveningView } from '@brave/protocol';
import { SHOW_LIMITS } from '@brave/protocol';
import { accept, refuse, type Decision } from '../result.ts';
import type { Viewer } from '../viewer.ts';
import { pulseOpen } from '../show/enter.ts';
import { normaliseAnswer } from './tally.ts';

interface PulseContext {
  actor: Viewer;
  now: number;
  newId: (prefix: string) => string;
}
type PulseCommand = 'pulse.open' | 'pulse.answer' | 'pulse.share' | 'pulse.close';
type Handlers = { [T in PulseCommand]: (s: ConveningView, c: CommandOf<T>, x: PulseContext) => Decision };

const WINDOW_MS = 60_000;
const noPulse = () => refuse('not_found', 'No such pulse check.', { field: 'pulseId' });

export const PULSE_HANDLERS: Handlers = {
  'pulse.open': (_s, c, { newId }) => {
    const id = newId('pulse');
    return accept([{ type: 'pulse.opened', pulse: pulseOpen(id, null, c.pulse), tally: { total: 0, counts: {} } }], id);
  },

  'pulse.answer': (s, c, { actor, now }) => {
    const pulse = s.pulses[c.pulseId];
    if (!pulse) return noPulse();
    if (pulse.status !== 'open') return refuse('conflict', 'This pulse check has closed. Thank you all the same.');
    if (s.participants[actor.participantId]?.affirmedAt == null) return refuse('conflict', 'Please affirm the agreements first.');
    const answer = normaliseAnswer(pulse, c.answer);
    if (!answer.ok) return refuse('bad_request', answer.message, { field: 'answer' });
    const previous = pulse.answers[actor.participantId] ?? null;
    if (previous === answer.answer) return accept([]);
    const retryAfterMs = windowWaitMs(pulse.times[actor.participantId] ?? [], now, SHOW_LIMITS.answersPerMinute, WINDOW_MS);
    if (retryAfterMs > 0) {
      return refuse('rate_limited', `You have changed your answer several times. Your last one counts; you can change it again in ${Math.ceil(retryAfterMs / 1000)} s.`, {
        retryAfterMs,
        messageKey: 'pulseTooMany',
        messageVars: { seconds: Math.ceil(retryAfterMs / 1000) },
      });
    }
    return accept([{ type: 'pulse.answered', pulseId: pulse.id, participantId: actor.participantId, answer: answer.answer, previous, shown: pulse.results }]);
  },

  'pulse.share': (s, c) => {
    const pulse = s.pulses[c.pulseId];
    if (!pulse) return noPulse();
    return pulse.results === c.results ? accept([]) : accept([{ type: 'pulse.shared', pulseId: pulse.id, results: c.results, tally: structuredClone(pulse.tally) }]);
  },

  'pulse.close': (s, c) => {
    const pulse = s.pulses[c.pulseId];
    if (!pulse) return noPulse();
    return pulse.status === 'closed' ? accept([]) : accept([{ type: 'pulse.closed', pulseId: pulse.id }]);
  },
};
