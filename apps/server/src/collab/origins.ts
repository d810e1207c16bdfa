/**
 * Transaction origins: every change to a server-side Y.Doc says who made it, so the
 * update handler knows whether it is already durable (load, client batch) or must be
 * persisted before anyone sees it (a server-side write).
 */
export type ServerWriteOrigin =
  | { kind: 'template' }
  | { kind: 'restore'; versionId: string; by: string }
  | { kind: 'share-back'; from: string; by: string };

/** `stored`: what another process stored (relayed over Redis or read back from the log). */
export type CollabOrigin = { kind: 'load' } | { kind: 'clients' } | { kind: 'stored' } | ServerWriteOrigin;
