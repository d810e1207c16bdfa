import type { ApiError, DomainEvent, ErrorCode, RoundPreview } from '@brave/protocol';

/** What a decision returns: the events to append, or why nothing happens. */
export type Decision =
  | { ok: true; events: DomainEvent[]; id?: string; preview?: RoundPreview }
  | { ok: false; error: ApiError };

export const accept = (events: DomainEvent[], id?: string): Decision =>
  id === undefined ? { ok: true, events } : { ok: true, events, id };

export const refuse = (code: ErrorCode, message: string, extra?: Partial<ApiError>): Decision => ({
  ok: false,
  error: { code, message, ...extra },
});
