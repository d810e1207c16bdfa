import { describe, expect, it } from 'vitest';
import type { Command, CommandType, Role } from '@brave/protocol';
import { COMMAND_ROLES, can, decide, openingEvents } from '../src/index.ts';
import { HOST, Sim } from './fixture.ts';

const ROLES: Role[] = ['facilitator', 'cofacilitator', 'participant', 'observer'];
const FACILITATOR_ONLY: CommandType[] = [
  'agreements.set',
  'spotlight.set',
  'spotlight.clear',
  'reminders.schedule',
  'reminders.stop',
  'reminder.resolve',
  'signal.triage',
  'convening.close',
];

/** One well-formed example of every command, against a convening set up by `sample()`. */
function sample() {
  const sim = new Sim();
  const ana = sim.join('Ana');
  const signalId = sim.ok(ana, { type: 'signal.raise', kind: 'ouch' })!;
  const requestId = sim.ok(ana, { type: 'reminder.request', agreementId: sim.full.agreements[0]!.id })!;
  const agreementId = sim.full.agreements[1]!.id;
  // The live-convening commands of issue 2 (breakout commands have their own suite).
  const commands: Partial<Record<CommandType, Command>> = {
    'agreements.affirm': { type: 'agreements.affirm' },
    'agreements.set': { type: 'agreements.set', agreements: [{ text: 'Listen first.' }] },
    'spotlight.set': { type: 'spotlight.set', agreementId },
    'spotlight.clear': { type: 'spotlight.clear' },
    'reminders.schedule': { type: 'reminders.schedule', everyMinutes: 10 },
    'reminders.stop': { type: 'reminders.stop' },
    'reminder.request': { type: 'reminder.request', agreementId },
    'reminder.resolve': { type: 'reminder.resolve', requestId },
    'signal.raise': { type: 'signal.raise', kind: 'whoops' },
    'signal.explain': { type: 'signal.explain', signalId, explanation: 'More context.' },
    'signal.triage': { type: 'signal.triage', signalId, status: 'acknowledged' },
    'convening.close': { type: 'convening.close' },
  };
  return { sim, ana, commands };
}

describe('decide: who may do what', () => {
  it('participants and observers can do none of the facilitator actions', () => {
    for (const type of FACILITATOR_ONLY) {
      expect(can('participant', type), type).toBe(false);
      expect(can('observer', type), type).toBe(false);
      expect(can('facilitator', type), type).toBe(true);
    }
    expect(can('cofacilitator', 'convening.close')).toBe(false);
  });

  it('refuses every command a role may not send with a typed "forbidden", and nothing is recorded', () => {
    for (const role of ROLES) {
      const { sim, commands } = sample();
      const actor = sim.join(`Someone${role}`, role);
      for (const [type, command] of Object.entries(commands) as [CommandType, Command][]) {
        if (COMMAND_ROLES[type].includes(role)) continue;
        const before = sim.full.seq;
        const d = sim.run(actor, command);
        expect(d, `${role} ${type}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(sim.full.seq).toBe(before);
      }
    }
  });

  it('accepts every command from every role the table allows', () => {
    for (const role of ROLES) {
      for (const type of Object.keys(sample().commands) as CommandType[]) {
        if (!COMMAND_ROLES[type].includes(role)) continue;
        const { sim, ana, commands } = sample();
        // Explaining is only for one's own signal: let the actor be the sender.
        const actor = type === 'signal.explain' ? { ...ana, role } : sim.join('Actor', role);
        const d = sim.run(actor, commands[type]!);
        expect(d.ok, `${role} ${type}: ${d.ok ? '' : d.error.message}`).toBe(true);
      }
    }
  });

  it('refuses people who are not in the convening', () => {
    const { sim, commands } = sample();
    const d = sim.run({ participantId: 'p_stranger', role: 'facilitator' }, commands['spotlight.set']!);
    expect(d).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses everything with "closed" once the convening has ended', () => {
    const { sim, ana, commands } = sample();
    sim.ok(HOST, { type: 'convening.close' });
    for (const command of Object.values(commands)) {
      const actor = can('participant', command.type) ? ana : HOST;
      expect(sim.run(actor, command), command.type).toMatchObject({ ok: false, error: { code: 'closed' } });
    }
  });
});

describe('decide: each command', () => {
  it('affirming twice records it once', () => {
    const sim = new Sim();
    const ana = sim.join('Ana', 'participant', false);
    expect(sim.run(ana, { type: 'agreements.affirm' })).toMatchObject({ ok: true, events: [{ type: 'participant.affirmed' }] });
    expect(sim.run(ana, { type: 'agreements.affirm' })).toEqual({ ok: true, events: [] });
  });

  it('editing agreements keeps ids that were given and mints fresh ones for new or repeated items', () => {
    const sim = new Sim();
    const d = sim.run(HOST, {
      type: 'agreements.set',
      agreementSetId: 'touchstones',
      agreements: [{ id: 'keep-me', text: 'One' }, { text: 'Two' }, { id: 'keep-me', text: 'Three' }],
    });
    expect(d.ok).toBe(true);
    const ids = sim.full.agreements.map((a) => a.id);
    expect(ids[0]).toBe('keep-me');
    expect(new Set(ids).size).toBe(3);
    expect(sim.full.agreementSetId).toBe('touchstones');
  });

  it('spotlighting needs an agreement of this convening', () => {
    const sim = new Sim();
    expect(sim.run(HOST, { type: 'spotlight.set', agreementId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'agreementId' },
    });
    const a = sim.full.agreements[4]!;
    expect(sim.run(HOST, { type: 'spotlight.set', agreementId: a.id })).toMatchObject({
      ok: true,
      events: [{ type: 'spotlight.set', agreementId: a.id, text: a.text, source: 'facilitator' }],
    });
  });

  it('clearing or stopping what is not there changes nothing', () => {
    const sim = new Sim();
    expect(sim.run(HOST, { type: 'spotlight.clear' })).toEqual({ ok: true, events: [] });
    expect(sim.run(HOST, { type: 'reminders.stop' })).toEqual({ ok: true, events: [] });
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 3 });
    expect(sim.run(HOST, { type: 'reminders.stop' })).toMatchObject({ ok: true, events: [{ type: 'reminders.stopped' }] });
  });

  it('reminders need agreements to rotate through, and start after the one in the spotlight', () => {
    const empty = new Sim({ agreementSetId: 'custom' });
    expect(empty.full.agreements).toEqual([]);
    expect(empty.run(HOST, { type: 'reminders.schedule', everyMinutes: 5 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const sim = new Sim();
    expect(sim.run(HOST, { type: 'reminders.schedule', everyMinutes: 5 })).toMatchObject({ events: [{ startIndex: 0 }] });
    sim.ok(HOST, { type: 'spotlight.set', agreementId: sim.full.agreements.at(-1)!.id });
    expect(sim.run(HOST, { type: 'reminders.schedule', everyMinutes: 5 })).toMatchObject({ events: [{ startIndex: 0 }] });
    sim.ok(HOST, { type: 'spotlight.set', agreementId: sim.full.agreements[2]!.id });
    expect(sim.run(HOST, { type: 'reminders.schedule', everyMinutes: 5 })).toMatchObject({ events: [{ startIndex: 3 }] });
  });

  it('a reminder request names a real agreement, returns its id and keeps the anonymity chosen', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    expect(sim.run(ana, { type: 'reminder.request', agreementId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'agreementId' } });
    const d = sim.run(ana, { type: 'reminder.request', agreementId: sim.full.agreements[0]!.id, anonymous: true, note: 'gently' });
    expect(d).toMatchObject({ ok: true, events: [{ type: 'reminder.requested', by: ana.participantId, anonymous: true, note: 'gently' }] });
    const event = d.ok ? d.events[0] : undefined;
    expect(event?.type === 'reminder.requested' && event.requestId).toBe(d.ok && d.id);
  });

  it('resolving a request twice records it once; an unknown one is not found', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const requestId = sim.ok(ana, { type: 'reminder.request', agreementId: sim.full.agreements[0]!.id })!;
    expect(sim.run(HOST, { type: 'reminder.resolve', requestId: 'r_nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(sim.run(HOST, { type: 'reminder.resolve', requestId })).toMatchObject({ ok: true, events: [{ type: 'reminder.resolved' }] });
    expect(sim.run(HOST, { type: 'reminder.resolve', requestId })).toEqual({ ok: true, events: [] });
  });

  it('a signal waits for the agreements to be affirmed', () => {
    const sim = new Sim();
    const ana = sim.join('Ana', 'participant', false);
    const d = sim.run(ana, { type: 'signal.raise', kind: 'ouch' });
    expect(d).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!d.ok && d.error.message).toMatch(/affirm/i);
  });

  it('a signal takes the convening default visibility and stays within what the convening allows', () => {
    const sim = new Sim({ signalVisibility: { allowed: ['anonymous_to_room', 'anonymous'], default: 'anonymous' } });
    const ana = sim.join('Ana');
    expect(sim.run(ana, { type: 'signal.raise', kind: 'ouch' })).toMatchObject({ ok: true, events: [{ visibility: 'anonymous' }] });
    expect(sim.run(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', field: 'visibility' },
    });
  });

  it('an explanation is private to facilitators unless the signal is named and the sender gives it to the room', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const raise = (visibility: 'named' | 'anonymous_to_room' | 'anonymous', explanationFor?: 'facilitators' | 'room') => {
      const d = sim.run(ana, { type: 'signal.raise', kind: 'whoops', visibility, explanation: 'x', ...(explanationFor === undefined ? {} : { explanationFor }) });
      return d.ok && d.events[0]?.type === 'signal.raised' ? d.events[0].privateExplanation : 'refused';
    };
    expect(raise('named')).toBe(true);
    expect(raise('named', 'facilitators')).toBe(true);
    expect(raise('named', 'room')).toBe(false);
    expect(raise('anonymous_to_room', 'room')).toBe(true);
    expect(raise('anonymous', 'room')).toBe(true);
  });

  it('returns the new signal id, and only the sender may explain it', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const bo = sim.join('Bo');
    const d = sim.run(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous' });
    const id = d.ok ? d.id! : '';
    expect(sim.full.signals[id]?.by).toBe(ana.participantId);
    expect(sim.run(bo, { type: 'signal.explain', signalId: id, explanation: 'not mine' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(sim.run(HOST, { type: 'signal.explain', signalId: id, explanation: 'not mine' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(sim.run(ana, { type: 'signal.explain', signalId: id, explanation: 'mine' }).ok).toBe(true);
  });

  it('triage: unknown signal, impossible moves, repeats and notes', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch' })!;
    expect(sim.run(HOST, { type: 'signal.triage', signalId: 's_nope', status: 'parked' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    sim.ok(HOST, { type: 'signal.triage', signalId: id, status: 'addressed' });
    expect(sim.run(HOST, { type: 'signal.triage', signalId: id, status: 'parked' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'status' } });
    expect(sim.run(HOST, { type: 'signal.triage', signalId: id, status: 'addressed' })).toEqual({ ok: true, events: [] });
    expect(sim.run(HOST, { type: 'signal.triage', signalId: id, status: 'addressed', note: 'Followed up by email.' })).toMatchObject({
      ok: true,
      events: [{ type: 'signal.triaged', status: 'addressed', note: 'Followed up by email.', by: HOST.participantId }],
    });
  });

  it('closing clears the spotlight and ends the convening; only the host may close', () => {
    const sim = new Sim();
    const co = sim.join('Co', 'cofacilitator');
    expect(sim.run(co, { type: 'convening.close' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sim.run(HOST, { type: 'convening.close' })).toMatchObject({ ok: true, events: [{ type: 'spotlight.cleared' }, { type: 'convening.closed' }] });
  });

  it('decide never changes the state it is given', () => {
    const { sim, commands } = sample();
    const before = structuredClone(sim.full);
    for (const command of Object.values(commands)) decide(sim.full, command, { actor: HOST, now: sim.now, newId: sim.newId });
    expect(sim.full).toEqual(before);
  });
});

describe('openingEvents', () => {
  const ids = { conveningId: 'c', joinCode: 'J', hostId: 'h' };
  let n = 0;
  const newId = (p: string) => `${p}${++n}`;

  it('falls back to an allowed visibility when the preferred default is not allowed', () => {
    const [created] = openingEvents({ title: 't', signalVisibility: { allowed: ['named', 'named'] } }, ids, newId);
    expect(created).toMatchObject({ signalPolicy: { allowed: ['named'], default: 'named' } });
  });

  it('own agreements make a custom set; no choice gives the touchstones', () => {
    const [own] = openingEvents({ title: 't', agreements: [{ text: 'Be kind.' }] }, ids, newId);
    expect(own).toMatchObject({ agreementSetId: 'custom', agreements: [{ text: 'Be kind.' }] });
    const [plain] = openingEvents({ title: 't' }, ids, newId);
    expect(plain).toMatchObject({ agreementSetId: 'touchstones' });
    expect(plain?.type === 'convening.created' && plain.agreements.length).toBe(14);
  });
});
