/** A signed-in facilitator, as every other part of the server sees one. Its own module
 *  because both the session check (auth.ts) and the SQLite rows (store.ts) build on it. */
export interface Account {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}
