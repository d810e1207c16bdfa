import type { Role } from '@brave/protocol';

/** Whoever is asking or reading: one participant of one convening, with a role. */
export interface Viewer {
  participantId: string;
  role: Role;
}

export const isFacilitator = (role: Role): boolean => role === 'facilitator' || role === 'cofacilitator';
