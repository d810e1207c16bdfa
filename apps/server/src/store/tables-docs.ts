/**
 * Row types of the named versions and published pages of documents (migration
 * 0002_documents) as both engines return them; part of the Kysely Schema (store/schema.ts).
 * Read and written through collab/doc-log.ts.
 */
export interface DocTables {
  doc_versions: { id: string; doc: string; label: string; at: number; by: string | null; data: Uint8Array };
  doc_publications: {
    slug: string;
    doc: string;
    version_id: string;
    label: string;
    title: string;
    published_at: number;
    by: string | null;
    markdown: string;
    html: string;
  };
}
