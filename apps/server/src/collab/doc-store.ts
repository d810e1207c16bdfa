import type { Tx } from '../store/transactions.ts';

/**
 * Where collaborative documents live: the contracts (DocLog, DocStore) and their rows, on
 * the server's database of either engine (tables from store/migrations.ts 0002_documents).
 *
 * A document is a snapshot (a full Yjs state, `upto` = the last update folded into it)
 * plus the updates logged after it, in `seq` order.
 */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastSeq: number;
  /** Stored size: snapshot plus logged updates. */
  bytes: number;
}

export interface UpdateRow {
  doc: string;
  seq: number;
  at: number;
  data: Uint8Array;
}

/** One document's new updates, made on top of what the writer holds (`after` = its last seq). */
export interface DocBatch {
  doc: string;
  after: number;
  at: number;
  updates: Uint8Array[];
}

/** What another process stored of a document after a writer's `after`: a snapshot if it folded those rows away, then the rows. */
export interface StoredTail {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastSeq: number;
}

/** Where a batch went: its first row's seq, and what others had stored before it (null: nothing). */
export interface Appended {
  first: number;
  missed: StoredTail | null;
}

export interface VersionRow {
  id: string;
  doc: string;
  label: string;
  at: number;
  by: string | null;
  data: Uint8Array;
}

export type VersionInfo = Omit<VersionRow, 'data'> & { bytes: number };

export interface PublicationRow {
  slug: string;
  doc: string;
  versionId: string;
  label: string;
  title: string;
  publishedAt: number;
  by: string | null;
  markdown: string;
  html: string;
}

/**
 * The Yjs update log and snapshots of the live documents. Every write resolves only after
 * it committed, so the registry, which awaits it before relaying, never relays what was
 * not stored. Two writers of one document cannot both take a sequence number: the primary
 * key (doc, seq) refuses the second, as StoreUnavailableError, and it must reload.
 */
export interface DocLog {
  load(doc: string): Promise<StoredDoc>;
  /**
   * Append updates of any number of documents in one transaction. `live`, asked inside the
   * transaction, leaves out the rows of a document deleted meanwhile (it must not come back).
   */
  append(rows: UpdateRow[], live?: (doc: string) => boolean): Promise<void>;
  /**
   * Append each batch after whatever is stored for its document, under that document's
   * lock, so any number of writers (processes) share one log without refusing each other:
   * rows are numbered there, and what others stored after the batch's `after` comes back
   * (`missed`) for the writer to apply before its own. `live` as for `append`. A batch
   * whose writer holds more than is stored (`after` past the stored top: the document was
   * deleted since it loaded) is left out and has no entry in the answer, so rows of a
   * deleted document never come back from a copy held somewhere.
   */
  appendAfter(batches: DocBatch[], live?: (doc: string) => boolean): Promise<Map<string, Appended>>;
  /** What is stored after `after`: the snapshot too when it folded rows past `after` away. */
  since(doc: string, after: number): Promise<StoredTail>;
  /**
   * Replace the snapshot and drop the updates it now contains, atomically, under the
   * document's lock. A snapshot already further along (another writer compacted) is kept.
   */
  compact(doc: string, upto: number, at: number, data: Uint8Array): Promise<void>;
}

/** Everything kept about documents: the log, named versions and published pages (collab/doc-log.ts fills it on both engines). */
export interface DocStore extends DocLog {
  /** Stored with its `at` moved on to after the document's newest version, if need be, so versions of one document never share a millisecond. Returns what was stored. */
  saveVersion(v: VersionRow): Promise<VersionInfo>;
  /** Newest first, without their content. */
  versions(doc: string, limit?: number): Promise<VersionInfo[]>;
  version(doc: string, id: string): Promise<VersionRow | null>;
  /** Publish (or re-publish) a document; the slug of its first publication is kept. */
  publish(p: PublicationRow): Promise<PublicationRow>;
  publication(slug: string): Promise<PublicationRow | null>;
  publicationOf(doc: string): Promise<PublicationRow | null>;
  /** Published pages of these documents (one each at most). */
  publicationsOf(docs: readonly string[]): Promise<PublicationRow[]>;
  /** Names of stored documents (any of their rows) that start with `prefix`. */
  namesWithPrefix(prefix: string): Promise<string[]>;
  /**
   * Delete documents with everything kept about them (log, snapshot, versions,
   * publication) under their locks: inside `within` (a caller's transaction on the same
   * database, e.g. a community's purge), else in one transaction of its own. A writer that
   * loaded one of them before finds it gone at its next append (see `appendAfter`).
   */
  delete(docs: readonly string[], within?: Tx): Promise<void>;
}
