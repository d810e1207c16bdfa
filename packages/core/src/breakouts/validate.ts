// Input checks, at the engine's one entry. Every field the engine reads is checked for
// its shape here, so anything it cannot plan with throws a PlanError with a stable code
// and nothing deeper ever meets a null or a number where it expects a list or a string.
// What it can work around (unknown ids in constraints or history) is tolerated and
// mentioned in the explanation instead.

import { PlanError } from './errors.ts';
import type { PlanErrorCode } from './errors.ts';
import type { PlanInput } from './types.ts';

type Loose = Record<string, unknown>;

const TEXT_FIELDS = ['channel', 'role', 'team', 'organisation', 'region', 'orgType', 'affinity', 'choice'] as const;
const UNANSWERED = ['open-room', 'plenary'];
const ALONE_CHOICES = ['keep', 'merge', 'open-room', 'plenary'];

const fail = (code: PlanErrorCode, message: string): never => {
  throw new PlanError(code, message);
};
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const optionalText = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';
const isWhole = (value: unknown, least: number): boolean => Number.isInteger(value) && (value as number) >= least;

/** Narrows `input` to a PlanInput or throws a PlanError saying what is wrong. */
export function validateInput(input: unknown): asserts input is PlanInput {
  if (!isObject(input)) fail('INVALID_OPTION', 'The plan input must be an object.');
  const given = input as Loose;
  if (typeof given.seed !== 'number' || !Number.isFinite(given.seed)) fail('INVALID_SEED', 'The seed must be a finite number.');
  validateParticipants(given.participants);
  if (given.history !== undefined) validateIdLists(given.history, 'history', 'INVALID_OPTION');
  validateConstraints(given.constraints);
  validateStrategy(given.strategy);
}

function validateParticipants(participants: unknown): void {
  if (!Array.isArray(participants)) fail('INVALID_PARTICIPANT', 'participants must be an array.');
  const seen = new Set<string>();
  for (const person of participants as unknown[]) {
    if (!isObject(person) || !isText(person.id) || person.id === '') {
      fail('INVALID_PARTICIPANT', 'Every participant needs a non-empty id.');
    }
    const p = person as Loose & { id: string };
    if (seen.has(p.id)) fail('DUPLICATE_ID', `Participant id "${p.id}" appears more than once.`);
    seen.add(p.id);
    if (p.isFacilitator !== undefined && typeof p.isFacilitator !== 'boolean') {
      fail('INVALID_PARTICIPANT', `isFacilitator of "${p.id}" must be true or false.`);
    }
    for (const field of TEXT_FIELDS) {
      if (!optionalText(p[field])) fail('INVALID_PARTICIPANT', `${field} of "${p.id}" must be text or empty.`);
    }
  }
}

/** A list of lists of ids (history rooms, keep-together and keep-apart groups). */
function validateIdLists(lists: unknown, label: string, code: PlanErrorCode): void {
  if (!Array.isArray(lists)) fail(code, `${label} must be a list of lists of ids.`);
  for (const list of lists as unknown[]) {
    if (!Array.isArray(list) || !list.every(isText)) fail(code, `Every entry of ${label} must be a list of ids.`);
  }
}

function validateConstraints(constraints: unknown): void {
  if (constraints === undefined || constraints === null) return;
  if (!isObject(constraints)) fail('INVALID_OPTION', 'constraints must be an object.');
  const c = constraints as Loose;
  if (c.keepTogether !== undefined) validateIdLists(c.keepTogether, 'keepTogether', 'INVALID_OPTION');
  if (c.keepApart !== undefined) validateIdLists(c.keepApart, 'keepApart', 'INVALID_OPTION');
  if (c.onePerRoom !== undefined && c.onePerRoom !== null && c.onePerRoom !== 'facilitators') {
    fail('INVALID_OPTION', 'onePerRoom can only be "facilitators".');
  }
}

function validateStrategy(strategy: unknown): void {
  if (!isObject(strategy)) fail('UNKNOWN_STRATEGY', 'A strategy is needed.');
  const s = strategy as Loose;
  switch (s.kind) {
    case 'random':
    case 'mix':
      if (s.avoidSameTeam !== undefined && typeof s.avoidSameTeam !== 'boolean') fail('INVALID_OPTION', 'avoidSameTeam must be true or false.');
      return validateRoomSpec(s);
    case 'byChoice':
      if (s.field !== 'channel' && s.field !== 'role') fail('INVALID_OPTION', 'byChoice field must be "channel" or "role".');
      validateEnum(s.unanswered, UNANSWERED, 'unanswered');
      validateAlone(s.alone);
      return validateMaxSize(s.maxRoomSize);
    case 'affinity':
      if (s.maxRoomSize !== undefined) validateMaxSize(s.maxRoomSize);
      if (s.options !== undefined) validateOptions(s.options);
      if (!UNANSWERED.includes(s.undecided as string)) fail('INVALID_OPTION', 'undecided must be "open-room" or "plenary".');
      return validateAlone(s.alone);
    case 'cohorts':
      validateEnum(s.balance, ['mix', 'similar'], 'balance');
      validateEnum(s.unteamed, ['spread', 'plenary'], 'unteamed');
      return validateTeamsPerCohort(s.teamsPerCohort);
    case 'selfSelect':
      validateRoomList(s.rooms);
      for (const room of s.rooms as Loose[]) {
        if (!isWhole(room.cap, 1)) fail('INVALID_ROOM_SIZE', `Room "${String(room.id)}" needs a capacity of at least 1.`);
      }
      return;
    case 'manual':
      validateRoomList(s.rooms);
      if (s.placements !== undefined && !isObject(s.placements)) fail('INVALID_OPTION', 'placements must map ids to room ids.');
      if (!Object.values((s.placements ?? {}) as Loose).every(isText)) fail('INVALID_OPTION', 'Every placement must name a room id.');
      return;
    default:
      fail('UNKNOWN_STRATEGY', `Unknown strategy "${String(s.kind)}".`);
  }
}

function validateEnum(value: unknown, allowed: readonly string[], label: string): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    fail('INVALID_OPTION', `${label} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}.`);
  }
}

/** The facilitator's choices for rooms of one: room key → keep, merge, open-room or plenary. */
function validateAlone(alone: unknown): void {
  if (alone === undefined) return;
  if (!isObject(alone)) fail('INVALID_OPTION', 'alone must map room keys to a choice.');
  for (const choice of Object.values(alone as Loose)) validateEnum(choice, ALONE_CHOICES, 'A choice for a room of one');
}

function validateRoomSpec(spec: Loose): void {
  if (spec.by === 'count') {
    if (!isWhole(spec.rooms, 1)) fail('INVALID_ROOM_COUNT', 'The number of rooms must be a whole number of at least 1.');
    return;
  }
  if (spec.by === 'size') {
    if (!isWhole(spec.size, 2)) fail('INVALID_ROOM_SIZE', 'The room size must be a whole number of at least 2.');
    return;
  }
  fail('INVALID_OPTION', 'Rooms are chosen "by" count or size.');
}

function validateMaxSize(size: unknown): void {
  if (!isWhole(size, 2)) fail('INVALID_ROOM_SIZE', 'The largest room size must be a whole number of at least 2.');
}

function validateOptions(options: unknown): void {
  if (!Array.isArray(options)) fail('INVALID_OPTION', 'Caucus options must be a list of names.');
  const cleaned = (options as unknown[]).map((o) => (isText(o) ? o.trim().toLowerCase() : ''));
  if (cleaned.length === 0 || cleaned.some((o) => o === '')) {
    fail('INVALID_OPTION', 'Caucus options must be a non-empty list of non-empty names.');
  }
  if (new Set(cleaned).size !== cleaned.length) fail('INVALID_OPTION', 'Caucus options must be different from each other.');
}

function validateTeamsPerCohort(range: unknown): void {
  if (range === undefined) return;
  const r = (isObject(range) ? range : {});
  if (!isWhole(r.min, 1) || !isWhole(r.max, 1) || (r.max as number) < (r.min as number)) {
    fail('INVALID_OPTION', 'teamsPerCohort needs whole numbers with 1 <= min <= max.');
  }
}

function validateRoomList(rooms: unknown): void {
  if (!Array.isArray(rooms) || rooms.length === 0) fail('INVALID_ROOM_COUNT', 'At least one room is needed.');
  const ids = new Set<string>();
  for (const room of rooms as unknown[]) {
    const r = (isObject(room) ? room : {});
    if (!isText(r.id) || r.id === '' || ids.has(r.id)) fail('INVALID_OPTION', `Room ids must be unique and non-empty ("${String(r.id)}").`);
    if (!isText(r.name)) fail('INVALID_OPTION', `Room "${String(r.id)}" needs a name.`);
    ids.add(r.id as string);
  }
}
