/**
 * Runs synchronous work behind an async contract. better-sqlite3 answers at once, but
 * the Store, AccountAuth and DocCaller contracts are promises so that another engine can
 * fill them. As in an `async` function, a throw becomes a rejection, so callers that
 * chain `.then`/`.catch` see every failure the same way.
 */
export function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}
