import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { DocVersion, Passage, Publication } from '@brave/protocol';
import type { DocRef } from '@brave/core';
import { newId } from '../convening/ids.ts';
import type { DocStore, PublicationRow, VersionInfo } from './doc-store.ts';
import type { LiveDoc } from './live-doc.ts';
import { appendBlocks, blockTexts, fragmentOf, replaceContent } from './prose.ts';
import type { DocRegistry } from './registry.ts';
import { toHtml, toMarkdown } from './render.ts';

/** A request the caller can fix (bad passage, unknown version): becomes a 400/404. */
export class DocActionError extends Error {
  constructor(
    readonly code: 'bad_request' | 'not_found',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * What people do with a document besides typing in it: named versions, restore, export,
 * publish and share-back. Access is checked by the routes; this only does the work.
 */
export class DocActions {
  constructor(
    private readonly docs: DocRegistry,
    private readonly store: DocStore,
    private readonly now: () => number,
  ) {}

  async saveVersion(doc: LiveDoc, label: string, by: string | null): Promise<VersionInfo> {
    await this.docs.flush(); // a version includes everything received so far
    const data = Y.encodeStateAsUpdate(doc.ydoc);
    return this.store.saveVersion({ id: newId('v'), doc: doc.name, label, at: this.now(), by, data });
  }

  async versions(docName: string): Promise<VersionInfo[]> {
    return this.store.versions(docName);
  }

  /**
   * Make the live content equal to a version, as one new update (so every editor
   * converges on it). The current content is saved as a version first, so a restore
   * can itself be undone.
   */
  async restore(doc: LiveDoc, versionId: string, by: string, label: (v: VersionInfo) => string): Promise<{ restored: VersionInfo; savedBefore: VersionInfo }> {
    const version = await this.store.version(doc.name, versionId);
    if (!version) throw new DocActionError('not_found', 'There is no such version of this document.');
    const { data, ...info } = version;
    const restored = { ...info, bytes: data.length };
    const savedBefore = await this.saveVersion(doc, label(restored), null);
    const source = loadDoc(data);
    try {
      await this.docs.serverWrite(doc, { kind: 'restore', versionId, by }, (ydoc) => replaceContent(fragmentOf(ydoc), fragmentOf(source)));
    } finally {
      source.destroy();
    }
    return { restored, savedBefore };
  }

  /** Markdown and HTML of the live document, or of one of its versions. */
  async render(doc: LiveDoc, versionId?: string): Promise<{ markdown: string; html: string; label: string | null }> {
    if (!versionId) return { markdown: toMarkdown(fragmentOf(doc.ydoc)), html: toHtml(fragmentOf(doc.ydoc)), label: null };
    const version = await this.store.version(doc.name, versionId);
    if (!version) throw new DocActionError('not_found', 'There is no such version of this document.');
    const source = loadDoc(version.data);
    try {
      return { markdown: toMarkdown(fragmentOf(source)), html: toHtml(fragmentOf(source)), label: version.label };
    } finally {
      source.destroy();
    }
  }

  /** Publish a version at the document's stable public address (kept across re-publishing). */
  async publish(doc: LiveDoc, versionId: string, by: string, title: string, slugHint: string): Promise<PublicationRow> {
    const rendered = await this.render(doc, versionId);
    const slug = (await this.store.publicationOf(doc.name))?.slug ?? `${slugHint}-${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase()}`;
    return this.store.publish({
      slug,
      doc: doc.name,
      versionId,
      label: rendered.label ?? '',
      title,
      publishedAt: this.now(),
      by,
      markdown: rendered.markdown,
      html: rendered.html,
    });
  }

  /**
   * Copy chosen passages of a room's notes into another document, under a line that says
   * where they came from. Passages are top-level blocks by index, or text that must
   * appear in the notes: nothing that was not written in the room can be sent as its words.
   */
  async shareBack(from: LiveDoc, to: LiveDoc, passages: Passage[], fromTitle: string, by: string): Promise<number> {
    await this.docs.flush();
    const blocks = blockTexts(fragmentOf(from.ydoc));
    const whole = normalise(blocks.join('\n'));
    const chosen = passages.map((p, i) => {
      if ('block' in p) {
        const text = blocks[p.block];
        if (text === undefined) throw new DocActionError('bad_request', `These notes have no block ${p.block}.`, `passages.${i}.block`);
        return text;
      }
      if (!whole.includes(normalise(p.text))) throw new DocActionError('bad_request', 'That passage is not in these notes.', `passages.${i}.text`);
      return p.text;
    });
    const paragraphs = chosen.flatMap((t) => t.split('\n')).map((t) => t.trim()).filter(Boolean);
    if (paragraphs.length === 0) throw new DocActionError('bad_request', 'The chosen passages are empty.', 'passages');
    await this.docs.serverWrite(to, { kind: 'share-back', from: from.name, by }, (ydoc) =>
      appendBlocks(fragmentOf(ydoc), [
        { type: 'paragraph', italic: true, text: `Shared with consent from ${fromTitle}:` },
        { type: 'blockquote', paragraphs },
      ]),
    );
    return paragraphs.length;
  }
}

export function publicationOf(row: PublicationRow, base: string): Publication {
  return {
    slug: row.slug,
    doc: row.doc,
    versionId: row.versionId,
    label: row.label,
    publishedAt: row.publishedAt,
    url: `${base}/p/${row.slug}`,
    markdownUrl: `${base}/p/${row.slug}.md`,
  };
}

/** A version as the API shows it; `nameOf` names its author (participant, member or facilitator). */
export function versionOf(v: VersionInfo, nameOf: (id: string) => string | null): DocVersion {
  return { ...v, byName: v.by ? nameOf(v.by) : null };
}

/** A short readable prefix for public addresses, e.g. "money-toolkit". */
export const slugHint = (ref: DocRef): string => (ref.kind === 'toolkit' ? `${ref.channel}-toolkit` : 'notes');

function loadDoc(data: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, data);
  return doc;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
