// Bug: an anonymous pulse check's stored answers kept the participant id of whoever gave
// them after the convening closed, so anyone reading the log later could tell who felt
// what. At close the answers now lose their author and keep only what they counted.

import { expect, it } from 'vitest';
import type { ConveningView, ScheduledConvening } from '@brave/protocol';
import { emptyState, exportConvening, myConvening, reduce, withoutAnonymousAuthors } from '@brave/core';
import { HOST, Sim } from '../../packages/core/test/fixture.ts';

it('after close, the log, the export and "my data" carry no per-person answer of an anonymous check', () => {
  const sim = new Sim();
  const ana = sim.join('Ana');
  const pulseId = sim.ok(HOST, { type: 'pulse.open', pulse: { question: 'One word for today', kind: 'word' } })!;
  sim.ok(ana, { type: 'pulse.answer', pulseId, answer: 'Tender' });
  sim.ok(HOST, { type: 'convening.close' });

  const erase = withoutAnonymousAuthors(sim.full.pulses);
  const log = sim.sent.map((s) => ({ ...s.logged, event: erase(s.logged.event) }));
  const answers = log.map((e) => e.event).filter((e) => e.type === 'pulse.answered');
  expect(answers).toEqual([expect.objectContaining({ participantId: null, answer: 'tender' })]);

  const state = log.reduce<ConveningView>((s, e) => reduce(s, e), emptyState('c_test'));
  expect(state.pulses[pulseId]!.tally).toEqual({ total: 1, counts: { tender: 1 } });
  expect(state.pulses[pulseId]!.answers).toEqual({});
  const schedule = { id: 'sc_1', title: 'Practice circle', startsAt: sim.now, status: 'closed', outline: [] } as unknown as ScheduledConvening;
  expect(JSON.stringify(exportConvening(schedule, state))).not.toContain('tender');
  expect(JSON.stringify(myConvening(state, ana.participantId))).not.toContain('tender');
});
