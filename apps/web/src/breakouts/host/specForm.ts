import { RoundSpec, type AloneChoice, type ConfidentialSpec, type StrategySpec } from '@brave/protocol';

/**
 * The round builder's form, as text the facilitator types, and its translation to and
 * from the RoundSpec the server plans with. Numbers stay strings until submitted, so a
 * half-typed field is never silently replaced.
 */
export type StrategyKind = StrategySpec['kind'];
export type Unanswered = 'open-room' | 'plenary';

export interface NamedRoom {
  id: string;
  name: string;
  cap: string;
}

export interface BuilderForm {
  name: string;
  kind: StrategyKind;
  roomsBy: 'count' | 'size';
  roomCount: string;
  roomSize: string;
  avoidSameTeam: boolean;
  choiceField: 'channel' | 'role';
  maxRoomSize: string;
  unanswered: Unanswered;
  caucusMaxSize: string;
  undecided: Unanswered;
  teamsMin: string;
  teamsMax: string;
  balance: 'mix' | 'similar';
  rooms: NamedRoom[];
  minutes: string;
  graceSeconds: string;
  onePerRoom: boolean;
  keepTogether: string[][];
  keepApart: string[][];
  /** Video-call links by room key (filled in on the preview). */
  videoUrls: Record<string, string>;
  /** Choices for rooms of one, by room key (made on the preview). */
  alone: Record<string, AloneChoice>;
  /** Confidential rooms, or null for none. */
  confidential: ConfidentialSpec | null;
}

export const defaultRooms = (): NamedRoom[] => [
  { id: 'room-a', name: 'Room A', cap: '6' },
  { id: 'room-b', name: 'Room B', cap: '6' },
];

export const DEFAULT_FORM: BuilderForm = {
  name: 'Small groups',
  kind: 'mix',
  roomsBy: 'size',
  roomCount: '4',
  roomSize: '4',
  avoidSameTeam: false,
  choiceField: 'channel',
  maxRoomSize: '8',
  unanswered: 'open-room',
  caucusMaxSize: '',
  undecided: 'plenary',
  teamsMin: '4',
  teamsMax: '5',
  balance: 'mix',
  rooms: defaultRooms(),
  minutes: '10',
  graceSeconds: '30',
  onePerRoom: false,
  keepTogether: [],
  keepApart: [],
  videoUrls: {},
  alone: {},
  confidential: null,
};

const int = (s: string) => (s.trim() === '' ? NaN : Number(s));

function strategyOf(f: BuilderForm): unknown {
  const spec = f.roomsBy === 'count' ? { by: 'count', rooms: int(f.roomCount) } : { by: 'size', size: int(f.roomSize) };
  const alone = Object.keys(f.alone).length > 0 ? { alone: f.alone } : {};
  switch (f.kind) {
    case 'random':
      return { kind: 'random', spec };
    case 'mix':
      return { kind: 'mix', spec, ...(f.avoidSameTeam ? { avoidSameTeam: true } : {}) };
    case 'byChoice':
      return { kind: 'byChoice', field: f.choiceField, maxRoomSize: int(f.maxRoomSize), unanswered: f.unanswered, ...alone };
    case 'affinity':
      return { kind: 'affinity', undecided: f.undecided, ...(f.caucusMaxSize.trim() ? { maxRoomSize: int(f.caucusMaxSize) } : {}), ...alone };
    case 'cohorts':
      return { kind: 'cohorts', teamsPerCohort: { min: int(f.teamsMin), max: int(f.teamsMax) }, balance: f.balance };
    case 'selfSelect':
      return { kind: 'selfSelect', rooms: f.rooms.map((r) => ({ id: r.id, name: r.name.trim(), cap: int(r.cap) })) };
    case 'manual':
      return { kind: 'manual', rooms: f.rooms.map((r) => ({ id: r.id, name: r.name.trim() })), placements: {} };
  }
}

/** Plain words for the first thing wrong with a spec, pointing at the field. */
function problemOf(path: PropertyKey[]): string {
  const at = path.map(String).join('.');
  if (at.startsWith('durationSeconds')) return 'Choose a duration between half a minute and four hours.';
  if (at.startsWith('graceSeconds')) return 'The wrap-up time can be 0 to 300 seconds.';
  if (at.startsWith('name')) return 'Give the round a name (up to 80 characters).';
  if (at.includes('rooms') && at.includes('cap')) return 'Every room needs a capacity of at least 1.';
  if (at.includes('rooms') && at.includes('name')) return 'Every room needs a name (up to 60 characters).';
  if (at.includes('teamsPerCohort')) return 'Teams per cohort: whole numbers from 1 to 20.';
  if (at.includes('maxRoomSize')) return 'The largest room size must be a whole number of at least 2.';
  if (at.includes('spec')) return 'Rooms: a whole number of rooms (1 or more), or a room size of 2 or more.';
  if (at.startsWith('videoUrls')) return 'Video links must be full web addresses, starting with https://.';
  if (at.startsWith('constraints')) return 'A keep-together or keep-apart group needs at least two people.';
  return 'Something in this round does not fit yet. Check the fields above.';
}

export type Built = { ok: true; spec: RoundSpec } | { ok: false; problem: string };

export function toSpec(f: BuilderForm, withVideo = true): Built {
  const videoUrls = Object.fromEntries(Object.entries(f.videoUrls).filter(([, url]) => url.trim() !== '').map(([k, url]) => [k, url.trim()]));
  if (f.kind === 'cohorts' && int(f.teamsMin) > int(f.teamsMax)) return { ok: false, problem: 'The fewest teams per cohort cannot be more than the most.' };
  const candidate = {
    name: f.name.trim(),
    strategy: strategyOf(f),
    durationSeconds: Math.round(Number(f.minutes) * 60),
    graceSeconds: int(f.graceSeconds),
    ...(f.onePerRoom || f.keepTogether.length > 0 || f.keepApart.length > 0
      ? {
          constraints: {
            ...(f.onePerRoom ? { onePerRoom: 'facilitators' } : {}),
            ...(f.keepTogether.length > 0 ? { keepTogether: f.keepTogether } : {}),
            ...(f.keepApart.length > 0 ? { keepApart: f.keepApart } : {}),
          },
        }
      : {}),
    ...(withVideo && Object.keys(videoUrls).length > 0 ? { videoUrls } : {}),
    // "Rooms I choose" with none ticked yet (before the preview that makes them): no confidential room.
    ...(f.confidential && f.confidential.rooms.length > 0 ? { confidential: f.confidential } : {}),
  };
  const parsed = RoundSpec.safeParse(candidate);
  if (parsed.success) {
    const bad = Object.values(parsed.data.videoUrls ?? {}).some((u) => !/^https?:\/\//i.test(u));
    return bad ? { ok: false, problem: problemOf(['videoUrls']) } : { ok: true, spec: parsed.data };
  }
  return { ok: false, problem: problemOf(parsed.error.issues[0]?.path ?? []) };
}

/** Back from a spec (an agenda item) to the form, keeping defaults for what it leaves out. */
export function fromSpec(spec: RoundSpec): BuilderForm {
  const f: BuilderForm = {
    ...DEFAULT_FORM,
    name: spec.name,
    kind: spec.strategy.kind,
    minutes: String(spec.durationSeconds / 60),
    graceSeconds: String(spec.graceSeconds ?? 30),
    onePerRoom: spec.constraints?.onePerRoom === 'facilitators',
    keepTogether: spec.constraints?.keepTogether ?? [],
    keepApart: spec.constraints?.keepApart ?? [],
    videoUrls: { ...(spec.videoUrls ?? {}) },
    confidential: spec.confidential ?? null,
  };
  const s = spec.strategy;
  if (s.kind === 'random' || s.kind === 'mix') {
    f.roomsBy = s.spec.by;
    if (s.spec.by === 'count') f.roomCount = String(s.spec.rooms);
    else f.roomSize = String(s.spec.size);
    if (s.kind === 'mix') f.avoidSameTeam = s.avoidSameTeam ?? false;
  } else if (s.kind === 'byChoice') {
    Object.assign(f, { choiceField: s.field, maxRoomSize: String(s.maxRoomSize), unanswered: s.unanswered ?? 'open-room', alone: { ...s.alone } });
  } else if (s.kind === 'affinity') {
    Object.assign(f, { undecided: s.undecided, caucusMaxSize: s.maxRoomSize ? String(s.maxRoomSize) : '', alone: { ...s.alone } });
  } else if (s.kind === 'cohorts') {
    Object.assign(f, { teamsMin: String(s.teamsPerCohort?.min ?? 4), teamsMax: String(s.teamsPerCohort?.max ?? 5), balance: s.balance ?? 'mix' });
  } else if (s.kind === 'selfSelect') {
    f.rooms = s.rooms.map((r) => ({ id: r.id, name: r.name, cap: String(r.cap) }));
  } else {
    f.rooms = s.rooms.map((r) => ({ id: r.id, name: r.name, cap: '6' }));
  }
  return f;
}

/** A fresh room id for the self-select and manual room lists. */
export function nextRoomId(rooms: readonly NamedRoom[]): string {
  let n = rooms.length + 1;
  while (rooms.some((r) => r.id === `room-${n}`)) n += 1;
  return `room-${n}`;
}

/** The spec without what does not change the plan (video links), to tell a stale preview. */
export const planKey = (spec: RoundSpec): string => JSON.stringify({ ...spec, videoUrls: undefined });
