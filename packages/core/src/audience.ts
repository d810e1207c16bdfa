import type { DomainEvent } from '@brave/protocol';

/** Who receives a delivery. The server maps each to socket.io rooms. */
export type Audience =
  | { to: 'everyone' }
  | { to: 'facilitators'; except?: string }
  | { to: 'participants'; except?: string }
  | { to: 'person'; id: string }
  | { to: 'people'; ids: string[] };

export interface Delivery {
  audience: Audience;
  event: DomainEvent;
}
