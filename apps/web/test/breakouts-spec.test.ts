import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, fromSpec, planKey, toSpec, type BuilderForm, type StrategyKind } from '../src/breakouts/host/specForm.ts';
import { describeSpec, suggestedName } from '../src/breakouts/host/words.ts';
import { formatLeft, spokenLeft } from '../src/breakouts/clock.ts';
import { safeVideoUrl } from '../src/breakouts/words.ts';

const KINDS: StrategyKind[] = ['random', 'mix', 'byChoice', 'affinity', 'cohorts', 'selfSelect', 'manual'];

describe('round builder form', () => {
  it('turns every strategy into a valid round spec and back without losing anything', () => {
    for (const kind of KINDS) {
      const form: BuilderForm = { ...DEFAULT_FORM, kind, onePerRoom: true, keepApart: [['a', 'b']], videoUrls: { 'room-1': 'https://meet.example.org/one' } };
      const built = toSpec(form);
      if (!built.ok) throw new Error(`${kind}: ${built.problem}`);
      expect(built.spec.strategy.kind).toBe(kind);
      const again = toSpec(fromSpec(built.spec));
      expect(again).toEqual(built);
    }
  });

  it('says plainly what is wrong instead of sending a bad round', () => {
    expect(toSpec({ ...DEFAULT_FORM, minutes: '0.2' })).toEqual({ ok: false, problem: 'Choose a duration between half a minute and four hours.' });
    expect(toSpec({ ...DEFAULT_FORM, roomSize: '1' })).toMatchObject({ ok: false, problem: expect.stringContaining('room size of 2 or more') });
    expect(toSpec({ ...DEFAULT_FORM, kind: 'cohorts', teamsMin: '6', teamsMax: '4' })).toMatchObject({ ok: false });
    expect(toSpec({ ...DEFAULT_FORM, name: '  ' })).toMatchObject({ ok: false, problem: expect.stringContaining('name') });
  });

  it('never accepts a video link that is not a web address', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'not a link']) {
      expect(toSpec({ ...DEFAULT_FORM, videoUrls: { 'room-1': url } })).toMatchObject({ ok: false, problem: expect.stringContaining('https://') });
      expect(safeVideoUrl(url)).toBeNull();
    }
    expect(safeVideoUrl('https://meet.example.org/x')).toBe('https://meet.example.org/x');
  });

  it('tells a stale preview by what changes the plan, not by video links', () => {
    const a = toSpec(DEFAULT_FORM);
    const b = toSpec({ ...DEFAULT_FORM, videoUrls: { 'room-1': 'https://meet.example.org/one' } });
    const c = toSpec({ ...DEFAULT_FORM, roomSize: '3' });
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid specs');
    expect(planKey(a.spec)).toBe(planKey(b.spec));
    expect(planKey(a.spec)).not.toBe(planKey(c.spec));
  });

  it('makes the ticked rooms confidential, and none while "rooms I choose" has nothing ticked', () => {
    const ticked = toSpec({ ...DEFAULT_FORM, confidential: { rooms: ['room-2'], notes: 'keep' } });
    if (!ticked.ok) throw new Error(ticked.problem);
    expect(ticked.spec.confidential).toEqual({ rooms: ['room-2'], notes: 'keep' });
    expect(fromSpec(ticked.spec).confidential).toEqual({ rooms: ['room-2'], notes: 'keep' });
    // Before the preview that makes the rooms, nothing is ticked: the round can still be previewed.
    const none = toSpec({ ...DEFAULT_FORM, confidential: { rooms: [], notes: 'delete' } });
    expect(none.ok && none.spec.confidential).toBe(undefined);
    // Ticking a room changes the plan (its roster leaves the preview).
    const plain = toSpec(DEFAULT_FORM);
    if (!plain.ok) throw new Error('expected a valid spec');
    expect(planKey(ticked.spec)).not.toBe(planKey(plain.spec));
  });

  it('describes prepared rounds and suggests names only while the name is ours', () => {
    const built = toSpec({ ...DEFAULT_FORM, kind: 'affinity', minutes: '20' });
    if (!built.ok) throw new Error(built.problem);
    expect(describeSpec(built.spec)).toBe('Affinity caucus: others stay in the main room · 20 min');
    expect(suggestedName('Small groups', 'affinity')).toBe('Caucuses');
    expect(suggestedName('Monday pairs', 'affinity')).toBe('Monday pairs');
  });
});

describe('countdown text', () => {
  it('shows whole seconds, never below zero', () => {
    expect(formatLeft(61_000)).toBe('1:01');
    expect(formatLeft(3_600_000 + 5_000)).toBe('1:00:05');
    expect(formatLeft(-5)).toBe('0:00');
    expect(spokenLeft(61_000)).toBe('1 minute 1 second');
    expect(spokenLeft(120_000)).toBe('2 minutes');
    expect(spokenLeft(0)).toBe('0 seconds');
  });
});
