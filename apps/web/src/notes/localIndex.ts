import * as idb from 'lib0/indexeddb';
import { z } from 'zod';
import { readStored, removeStored, storageKey, writeStored } from '../app/storage.ts';

/**
 * What this device holds of documents (notes/local.ts keeps the copies): one IndexedDB
 * database per document and person, and for caucus notes per session (credential) too,
 * so a second person on the same device, or the same person signed in again, never
 * opens them. A small index in localStorage lists them, to wipe by age, on leaving and
 * on signing out. Light on purpose (no Yjs): the account and community screens use it.
 */
export interface LocalPlace {
  doc: string;
  person: string;
  /** Set for caucus notes: the copy belongs to this session only. */
  session: string | null;
}

const PREFIX = 'brave-space:doc:';
export const localName = (p: LocalPlace): string => `${PREFIX}${p.doc}:${p.person}${p.session ? `:${p.session}` : ''}`;

/** Copies not opened for this long are wiped: a month for shared documents, a day for caucus notes. */
export const KEEP_MS = 30 * 24 * 3_600_000;
export const KEEP_PRIVATE_MS = 24 * 3_600_000;

const Entry = z.object({ person: z.string().max(200), private: z.boolean(), at: z.number().nonnegative() });
const Index = z.record(z.string().startsWith(PREFIX).max(700), Entry);
type Index = z.infer<typeof Index>;
const INDEX_KEY = storageKey('local-docs', 'index');

function readIndex(): Index {
  const parsed = Index.safeParse(readStored(INDEX_KEY));
  return parsed.success ? parsed.data : {};
}

function writeIndex(index: Index): void {
  if (Object.keys(index).length === 0) removeStored(INDEX_KEY);
  else writeStored(INDEX_KEY, index);
}

/** A short, stable key for a credential: names a session's database without writing the credential into it. */
export function sessionKey(token: string): string {
  const pass = (seed: number): string => {
    let h = seed >>> 0;
    for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 16777619) >>> 0;
    return h.toString(36);
  };
  return `${pass(2166136261)}${pass(3335557777)}`;
}

/** Delete one database; resolves even when the browser refuses (nothing more we can do). */
export function deleteDb(name: string): Promise<void> {
  return idb.deleteDB(name).then(
    () => undefined,
    () => undefined,
  );
}

/** Remember that this device holds `name`, opened `now`. */
export function noteLocal(name: string, place: LocalPlace, now: number): void {
  const index = readIndex();
  index[name] = { person: place.person, private: place.session !== null, at: now };
  writeIndex(index);
}

export function forgetLocal(names: string[]): void {
  const index = readIndex();
  for (const n of names) delete index[n];
  writeIndex(index);
}

/** Wipe every copy this device holds that `which` picks (leaving, signing out). */
export async function wipeLocal(which: (entry: z.infer<typeof Entry>) => boolean): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const names = Object.entries(readIndex())
    .filter(([, e]) => which(e))
    .map(([n]) => n);
  await Promise.all(names.map(deleteDb));
  forgetLocal(names);
}

/** Wipe copies not opened for a while (a month; caucus notes after a day). */
export function sweepLocal(now: number): Promise<void> {
  return wipeLocal((e) => now - e.at > (e.private ? KEEP_PRIVATE_MS : KEEP_MS));
}
