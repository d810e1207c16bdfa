import type { AccountTables } from './tables-accounts.ts';
import type { CommunityTables } from './tables-community.ts';
import type { DocTables } from './tables-docs.ts';
import type { HubTables } from './tables-hub.ts';
import type { MailTables } from './tables-mail.ts';

/**
 * Row types of the tables reached through Kysely (store/kysely-store.ts, collab/doc-log.ts, accounts/store.ts,
 * community/*-store.ts),
 * as both engines return them: 64-bit integers are parsed to numbers (store/database.ts),
 * bytes arrive as Buffers. The tables themselves are made by store/migrations.ts.
 */
export interface Schema extends AccountTables, CommunityTables, DocTables, HubTables, MailTables {
  convenings: { id: string; join_code: string; cohost_code: string; created_at: number };
  events: { convening_id: string; seq: number; at: number; actor: string | null; body: string };
  actions: { convening_id: string; actor: string; key: string; result: string };
  doc_updates: { doc: string; seq: number; at: number; data: Uint8Array };
  doc_snapshots: { doc: string; upto: number; at: number; data: Uint8Array };
  leases: { convening_id: string; owner: string; epoch: number; expires_at: number };
}
