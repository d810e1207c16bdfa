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
  /** Replace the snapshot and drop the updates it now contains, atomically. */
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
  /** Delete documents with everything kept about them (log, snapshot, versions, publication), in one transaction. */
  deleteDocs(docs: readonly string[]): Promise<void>;
}
