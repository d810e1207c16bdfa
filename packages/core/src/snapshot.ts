import type { ConveningView } from '@brave/protocol';

/**
 * The parts of a snapshot that depend on who reads it (policy.ts `personalView`). Every
 * other part is the same for every reader, so a server may build and serialise it once
 * per state and send it to everyone (`sharedView`). A new field of ConveningView that
 * depends on the reader must be listed here, or it would be shared as it is.
 */
export const PERSONAL_KEYS = ['signals', 'notices', 'reminderRequests', 'rounds', 'affinity', 'floor', 'pulses'] as const;
export type PersonalKey = (typeof PERSONAL_KEYS)[number];
export type SharedView = Omit<ConveningView, PersonalKey>;
export type PersonalView = Pick<ConveningView, PersonalKey>;

/**
 * What every reader's snapshot holds alike, copied so nobody's later folding reaches the
 * server's state. Hand-made copies: structuredClone of thousands of participants costs
 * far more than these plain spreads.
 */
export function sharedView(full: ConveningView): SharedView {
  const { signals: _s, notices: _n, reminderRequests: _r, rounds: _o, affinity: _a, floor: _f, pulses: _p, ...rest } = full;
  const participants: ConveningView['participants'] = {};
  for (const [id, p] of Object.entries(full.participants)) participants[id] = { ...p, profile: { ...p.profile } };
  return {
    ...rest,
    agreements: full.agreements.map((a) => ({ ...a })),
    signalPolicy: { ...full.signalPolicy, allowed: [...full.signalPolicy.allowed] },
    channels: full.channels.map((c) => ({ ...c })),
    outline: [...full.outline],
    participants,
    spotlight: full.spotlight && { ...full.spotlight },
    reminders: full.reminders && { ...full.reminders },
    caucusOptions: [...full.caucusOptions],
    agenda: structuredClone(full.agenda),
    broadcast: full.broadcast && { ...full.broadcast },
    show: structuredClone(full.show),
  };
}
