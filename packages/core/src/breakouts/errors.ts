// The one error the engine throws: bad input, named by a stable code.

export type PlanErrorCode =
  | 'DUPLICATE_ID'
  | 'INVALID_PARTICIPANT'
  | 'INVALID_ROOM_COUNT'
  | 'INVALID_ROOM_SIZE'
  | 'INVALID_SEED'
  | 'INVALID_OPTION'
  | 'UNKNOWN_STRATEGY';

/** Thrown for input the engine refuses to plan with. */
export class PlanError extends Error {
  readonly code: PlanErrorCode;

  constructor(code: PlanErrorCode, message: string) {
    super(message);
    this.name = 'PlanError';
    this.code = code;
  }
}
