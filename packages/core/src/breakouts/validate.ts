// Input checks. Anything the engine cannot plan with throws a PlanError with a
// stable code; anything it can work around (unknown ids in constraints or
// history) is tolerated and mentioned in the explanation instead.

import { PlanError } from './errors.ts';
import type { PlanInput, RoomSpec, Strategy } from './types.ts';

export function validateInput(input: PlanInput): void {
  if (!Number.isFinite(input.seed)) {
    throw new PlanError('INVALID_SEED', 'The seed must be a finite number.');
  }
  validateParticipants(input);
  validateStrategy(input.strategy);
}

function validateParticipants(input: PlanInput): void {
  if (!Array.isArray(input.participants)) {
    throw new PlanError('INVALID_PARTICIPANT', 'participants must be an array.');
  }
  const seen = new Set<string>();
  for (const person of input.participants) {
    if (typeof person?.id !== 'string' || person.id === '') {
      throw new PlanError('INVALID_PARTICIPANT', 'Every participant needs a non-empty id.');
    }
    if (seen.has(person.id)) {
      throw new PlanError('DUPLICATE_ID', `Participant id "${person.id}" appears more than once.`);
    }
    seen.add(person.id);
  }
}

function validateStrategy(strategy: Strategy): void {
  switch (strategy.kind) {
    case 'random':
    case 'mix':
      return validateRoomSpec(strategy);
    case 'byChoice':
      if (strategy.field !== 'channel' && strategy.field !== 'role') {
        throw new PlanError('INVALID_OPTION', 'byChoice field must be "channel" or "role".');
      }
      return validateMaxSize(strategy.maxRoomSize);
    case 'affinity':
      if (strategy.maxRoomSize !== undefined) validateMaxSize(strategy.maxRoomSize);
      if (strategy.options !== undefined) validateOptions(strategy.options);
      return;
    case 'cohorts':
      return validateTeamsPerCohort(strategy.teamsPerCohort);
    case 'selfSelect':
      validateRoomList(strategy.rooms);
      for (const room of strategy.rooms) {
        if (!Number.isInteger(room.cap) || room.cap < 1) {
          throw new PlanError('INVALID_ROOM_SIZE', `Room "${room.id}" needs a capacity of at least 1.`);
        }
      }
      return;
    case 'manual':
      return validateRoomList(strategy.rooms);
    default:
      throw new PlanError('UNKNOWN_STRATEGY', `Unknown strategy "${String((strategy as { kind?: unknown }).kind)}".`);
  }
}

function validateRoomSpec(spec: RoomSpec): void {
  if (spec.by === 'count') {
    if (!Number.isInteger(spec.rooms) || spec.rooms < 1) {
      throw new PlanError('INVALID_ROOM_COUNT', 'The number of rooms must be a whole number of at least 1.');
    }
    return;
  }
  if (spec.by === 'size') {
    if (!Number.isInteger(spec.size) || spec.size < 2) {
      throw new PlanError('INVALID_ROOM_SIZE', 'The room size must be a whole number of at least 2.');
    }
    return;
  }
  throw new PlanError('INVALID_OPTION', 'Rooms are chosen "by" count or size.');
}

function validateMaxSize(size: number): void {
  if (!Number.isInteger(size) || size < 2) {
    throw new PlanError('INVALID_ROOM_SIZE', 'The largest room size must be a whole number of at least 2.');
  }
}

function validateOptions(options: readonly string[]): void {
  const cleaned = options.map((o) => (typeof o === 'string' ? o.trim().toLowerCase() : ''));
  if (cleaned.length === 0 || cleaned.some((o) => o === '')) {
    throw new PlanError('INVALID_OPTION', 'Caucus options must be a non-empty list of non-empty names.');
  }
  if (new Set(cleaned).size !== cleaned.length) {
    throw new PlanError('INVALID_OPTION', 'Caucus options must be different from each other.');
  }
}

function validateTeamsPerCohort(range: { min: number; max: number } | undefined): void {
  if (range === undefined) return;
  const { min, max } = range;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new PlanError('INVALID_OPTION', 'teamsPerCohort needs whole numbers with 1 <= min <= max.');
  }
}

/** Array.isArray that keeps a typed list typed (Array.isArray narrows it to any[]). */
const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

function validateRoomList(rooms: readonly { id: string }[]): void {
  if (!isList(rooms) || rooms.length === 0) {
    throw new PlanError('INVALID_ROOM_COUNT', 'At least one room is needed.');
  }
  const ids = new Set<string>();
  for (const room of rooms) {
    if (typeof room.id !== 'string' || room.id === '' || ids.has(room.id)) {
      throw new PlanError('INVALID_OPTION', `Room ids must be unique and non-empty ("${String(room.id)}").`);
    }
    ids.add(room.id);
  }
}
