/**
 * Row types of the account tables (migration 0003_accounts) as both engines return them;
 * part of the Kysely Schema (store/schema.ts). Read and written by accounts/store.ts only.
 */
export interface AccountTables {
  accounts: { id: string; email: string; name: string; password_hash: string; is_admin: number; created_at: number };
  account_sessions: { id_hash: string; account_id: string; csrf: string; created_at: number; expires_at: number };
  account_reset_links: { token_hash: string; account_id: string; created_by: string; created_at: number; expires_at: number };
}
