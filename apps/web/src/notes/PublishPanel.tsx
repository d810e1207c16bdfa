import type { Publication } from '@brave/protocol';
import { CopyField } from '../components/host/CopyField.tsx';
import { whenSaved } from './words.ts';

/** The public share-out of a toolkit draft: where it is, and which version it shows. */
export function PublishPanel({ publication, canPublish }: { publication: Publication | null; canPublish: boolean }) {
  if (!publication && !canPublish) return null;
  return (
    <section className="card publish" aria-labelledby="publish-h">
      <h2 id="publish-h">Public share-out</h2>
      {!publication ? (
        <p className="muted">
          Nothing is public yet. Save a named version, then choose <strong>Publish</strong> on it: anyone with the link can read that
          version, without an account. Later edits stay private until you publish again.
        </p>
      ) : (
        <>
          <p>
            Showing “{publication.label || 'unnamed version'}”, published {whenSaved(publication.publishedAt)}.{' '}
            <a href={publication.url} target="_blank" rel="noopener noreferrer">
              Open the public page
            </a>{' '}
            ·{' '}
            <a href={publication.markdownUrl} target="_blank" rel="noopener noreferrer">
              Markdown
            </a>
          </p>
          <CopyField label="Public link" value={publication.url} hint="This address stays the same when you publish a newer version." />
        </>
      )}
    </section>
  );
}
