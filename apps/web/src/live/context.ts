import { createContext, useContext } from 'react';
import type { ConnectionStatus, LiveClient } from '@brave/client';
import type { ApiError, ConveningView, ParticipantView, Self } from '@brave/protocol';

/** What every component inside a connected screen may read: never null once provided. */
export interface Convening {
  state: ConveningView;
  self: Self;
  me: ParticipantView | undefined;
  client: LiveClient;
  status: ConnectionStatus;
  version: number;
  problem: ApiError | null;
}

export const ConveningContext = createContext<Convening | null>(null);

export function useConvening(): Convening {
  const value = useContext(ConveningContext);
  if (!value) throw new Error('useConvening needs a ConveningContext provider');
  return value;
}

/** Display name of a participant id, or null when unknown or hidden. */
export function nameOf(state: ConveningView, id: string | null): string | null {
  return id ? (state.participants[id]?.name ?? null) : null;
}
