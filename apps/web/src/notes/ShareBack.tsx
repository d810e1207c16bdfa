import { Trans, useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { COLLAB_LIMITS, type DocSummary, type Passage } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { Link } from '../components/Link.tsx';
import type { DocsApi } from './api.ts';
import { docHref } from './paths.ts';

interface Block {
  index: number;
  text: string;
}

/** The top-level blocks of the notes as plain text (the server counts blocks the same way). */
function blocksOf(editor: Editor): Block[] {
  const out: Block[] = [];
  editor.state.doc.forEach((node, _offset, index) => {
    const text = node.textBetween(0, node.content.size, '\n', ' ').trim();
    if (text) out.push({ index, text });
  });
  return out;
}

/**
 * Share back with consent: the room ticks the passages it agreed to send, sees exactly
 * what will leave, and only then sends it. A passage is chosen by its words, so if
 * someone edits it after it was ticked, it is no longer chosen.
 */
export function ShareBack({ api, name, conveningId, editor }: { api: DocsApi; name: string; conveningId: string; editor: Editor }) {
  const id = useId();
  const blocks = useEditorState({ editor, selector: ({ editor: e }) => blocksOf(e) });
  const [targets, setTargets] = useState<DocSummary[]>([]);
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; to?: DocSummary; problem?: boolean } | null>(null);
  const { t } = useTranslation('notes');

  useEffect(() => {
    api.list().then(
      (r) => {
        // The plenary first: that is where a room most often reports back.
        const open = r.docs
          .filter((d) => (d.kind === 'plenary' || d.kind === 'toolkit') && d.access === 'write')
          .sort((a, b) => Number(b.kind === 'plenary') - Number(a.kind === 'plenary'));
        setTargets(open);
        setTo((current) => current || (open[0]?.name ?? ''));
      },
      (err: unknown) => setResult({ text: describeError(err), problem: true }),
    );
  }, [api]);

  const picked = blocks.filter((b) => chosen.has(b.text)).slice(0, COLLAB_LIMITS.passagesMax);
  const target = targets.find((t) => t.name === to);
  const toggle = (text: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (!next.delete(text)) next.add(text);
      return next;
    });

  const send = async () => {
    if (!target || picked.length === 0) return;
    setBusy(true);
    // Words when they fit the limit (robust to blocks moving meanwhile), else the block's place.
    const passages: Passage[] = picked.map((b) => (b.text.length <= COLLAB_LIMITS.passageTextMax ? { text: b.text } : { block: b.index }));
    try {
      const r = await api.share(name, target.name, passages);
      setResult({ text: t('share.shared', { count: r.shared, target: target.title }), to: target });
      setChosen(new Set());
      setReviewing(false);
    } catch (err) {
      setResult({ text: describeError(err), problem: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card share-back" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('share.heading')}</h2>
      <p className="hint">{t('share.hint')}</p>
      {!reviewing ? (
        <>
          <fieldset className="fieldset passages">
            <legend>{t('share.passages')}</legend>
            {blocks.length === 0 && <p className="muted">{t('share.empty')}</p>}
            {blocks.map((b) => (
              <label key={`${b.index}:${b.text}`} className="check passage">
                <input type="checkbox" checked={chosen.has(b.text)} onChange={() => toggle(b.text)} />
                <span>{b.text}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('share.to')}</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              {targets.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" disabled={picked.length === 0 || !target} onClick={() => setReviewing(true)}>
            {t('share.review', { count: picked.length })}
          </button>
        </>
      ) : (
        <div className="share-review">
          <p>
            <Trans t={t} i18nKey="share.these" count={picked.length} values={{ target: target?.title ?? '' }} components={{ strong: <strong /> }} />
          </p>
          {picked.map((b) => (
            <blockquote key={b.index} className="words">
              {b.text}
            </blockquote>
          ))}
          <div className="actions">
            <button type="button" className="button quiet" onClick={() => setReviewing(false)}>
              {t('share.back')}
            </button>
            <button type="button" className="button primary" disabled={busy || picked.length === 0} onClick={() => void send()}>
              {t('share.send', { target: target?.title ?? '' })}
            </button>
          </div>
        </div>
      )}
      <div role="status">
        {result && (
          <p className={result.problem ? 'gentle-note' : 'sent-note'}>
            {result.text} {result.to && <Link href={docHref(conveningId, result.to.name)}>{t('share.open', { target: result.to.title })}</Link>}
          </p>
        )}
      </div>
    </section>
  );
}
