import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS, type SignalKind, type Visibility } from '@brave/protocol';
import { KIND_HINT, KIND_LABEL, VISIBILITY_CHOICE, VISIBILITY_ORDER, clockTime } from '../app/words.ts';
import { useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';
import { RadioList } from './RadioList.tsx';
import { useSignalShortcuts } from './useSignalShortcuts.ts';

const WHO_KNOWS: Record<Visibility, string> = {
  named: 'The room can see it came from you.',
  anonymous_to_room: 'Only the facilitators know it came from you.',
  anonymous: 'Nobody can see it came from you.',
};

const KINDS: readonly SignalKind[] = ['ouch', 'whoops'];

/**
 * Ouch and whoops: one tap (or Alt+O / Alt+W) sends, with whatever words are in the box
 * and the visibility chosen above, bounded by what this convening allows.
 */
export function SignalPanel() {
  const { state } = useConvening();
  const base = useId();
  const policy = state.signalPolicy;
  const allowed = VISIBILITY_ORDER.filter((v) => policy.allowed.includes(v));
  const [chosen, setChosen] = useState<Visibility>(policy.default);
  const visibility = allowed.includes(chosen) ? chosen : policy.default;
  const [words, setWords] = useState('');
  const [wordsPrivate, setWordsPrivate] = useState(false);
  const [sent, setSent] = useState<{ kind: SignalKind; visibility: Visibility; at: number } | null>(null);
  const { send, pending, error } = useCommand();
  const open = state.status === 'open';

  const raise = async (kind: SignalKind) => {
    if (pending || !open) return;
    const explanation = words.trim();
    const result = await send({
      type: 'signal.raise',
      kind,
      visibility,
      ...(explanation ? { explanation } : {}),
      ...(visibility === 'named' && wordsPrivate ? { privateExplanation: true } : {}),
    });
    if (result.ok) {
      setWords('');
      setSent({ kind, visibility, at: Date.now() });
    } else {
      setSent(null);
    }
  };
  useSignalShortcuts((kind) => void raise(kind), open);

  // Right after affirming, the button that had focus is gone: start keyboard users here.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  return (
    <section className="card signal-panel" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`} ref={heading} tabIndex={-1}>
        Say it in the moment
      </h2>
      <div className="signal-buttons">
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`signal-button signal-${kind}`}
            aria-labelledby={`${base}-${kind}`}
            aria-describedby={`${base}-${kind}-hint`}
            aria-keyshortcuts={kind === 'ouch' ? 'Alt+O' : 'Alt+W'}
            disabled={!open}
            onClick={() => void raise(kind)}
          >
            <span className="signal-word" id={`${base}-${kind}`}>
              {KIND_LABEL[kind]}
            </span>
            <span className="signal-hint" id={`${base}-${kind}-hint`}>
              {KIND_HINT[kind]}
            </span>
          </button>
        ))}
      </div>
      <p className="shortcut-help">
        From the keyboard: <kbd>Alt</kbd> + <kbd>O</kbd> for ouch, <kbd>Alt</kbd> + <kbd>W</kbd> for whoops.
      </p>

      <div className="signal-status" role="status">
        {error ? (
          <p className="gentle-note">{error.message}</p>
        ) : sent ? (
          <p className="sent-note">
            Your {KIND_LABEL[sent.kind].toLowerCase()} went to the facilitators at {clockTime(sent.at)}.{' '}
            {WHO_KNOWS[sent.visibility]}
          </p>
        ) : null}
      </div>

      {allowed.length > 1 ? (
        <RadioList
          legend="Who sees it was you"
          value={visibility}
          onChange={setChosen}
          options={allowed.map((v) => ({ value: v, ...VISIBILITY_CHOICE[v] }))}
        />
      ) : (
        <p className="muted">
          In this convening: {VISIBILITY_CHOICE[visibility].label.toLowerCase()}. {VISIBILITY_CHOICE[visibility].hint}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${base}-words`}>A few words (optional)</label>
        <textarea
          id={`${base}-words`}
          rows={2}
          maxLength={LIMITS.explanationMax}
          value={words}
          onChange={(e) => setWords(e.target.value)}
          aria-describedby={`${base}-words-hint`}
        />
        <p className="hint" id={`${base}-words-hint`}>
          {visibility === 'named'
            ? 'Sent with your next signal. You can also add words afterwards.'
            : 'Sent with your next signal, to the facilitators only.'}
        </p>
      </div>
      {visibility === 'named' && (
        <label className="check">
          <input type="checkbox" checked={wordsPrivate} onChange={(e) => setWordsPrivate(e.target.checked)} />
          Share my words with the facilitators only
        </label>
      )}
    </section>
  );
}
