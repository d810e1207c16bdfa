import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { LIMITS, type SignalKind } from '@brave/protocol';
import { wordsReaders } from '../app/words.ts';
import { useCommand } from '../live/useCommand.ts';

/**
 * Explaining later, "when you can": words added to a signal already sent. They reach
 * whoever its words were for when it was sent (the facilitators, unless the sender said
 * the room), and the box says so.
 */
export function AddWords({ signalId, kind, toRoom }: { signalId: string; kind: SignalKind; toRoom: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [words, setWords] = useState('');
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('live');

  if (!open) {
    return (
      <button type="button" className="button quiet small" onClick={() => setOpen(true)}>
        {t(`addWords.open.${kind}`)}
      </button>
    );
  }
  const submit = async () => {
    const explanation = words.trim();
    if (!explanation) return;
    const result = await send({ type: 'signal.explain', signalId, explanation });
    if (result.ok) setOpen(false);
  };
  return (
    <form
      className="add-words"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>{t('addWords.label')}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={LIMITS.explanationMax}
        value={words}
        onChange={(e) => setWords(e.target.value)}
        aria-describedby={`${id}-hint`}
        autoFocus
      />
      <p className="hint" id={`${id}-hint`}>
        {wordsReaders(toRoom)}
      </p>
      <div className="actions">
        <button type="button" className="button quiet small" onClick={() => setOpen(false)}>
          {t('addWords.notNow')}
        </button>
        <button type="submit" className="button small" disabled={pending || !words.trim()}>
          {t('addWords.add')}
        </button>
      </div>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
