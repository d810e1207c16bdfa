import { Trans, useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import type { SignalKind, Visibility } from '@brave/protocol';
import { KIND_HINT, KIND_LABEL, VISIBILITY_ORDER, clockTime, wordsReaders } from '../app/words.ts';
import { useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';
import { SignalCompose, type SignalDraft } from './SignalCompose.tsx';
import { useSignalShortcuts } from './useSignalShortcuts.ts';

const KINDS: readonly SignalKind[] = ['ouch', 'whoops'];

/**
 * Ouch and whoops: choose one (a tap, or Alt+O / Alt+W), then say who sees it was you
 * and add words if you want, then send (Send, or the same shortcut again). Everything
 * after the choice sits below the buttons, in the page's flow, so nothing covers them.
 */
export function SignalPanel() {
  const { state } = useConvening();
  const base = useId();
  const policy = state.signalPolicy;
  const allowed = VISIBILITY_ORDER.filter((v) => policy.allowed.includes(v));
  const [lastVisibility, setLastVisibility] = useState<Visibility>(policy.default);
  const initial = allowed.includes(lastVisibility) ? lastVisibility : policy.default;
  const [choosing, setChoosing] = useState<SignalKind | null>(null);
  const [sent, setSent] = useState<{ kind: SignalKind; visibility: Visibility; words: boolean; toRoom: boolean; at: number } | null>(null);
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('live');
  const open = state.status === 'open';
  const buttons = useRef<Partial<Record<SignalKind, HTMLButtonElement | null>>>({});

  const back = (kind: SignalKind) => {
    setChoosing(null);
    buttons.current[kind]?.focus();
  };
  const raise = async (kind: SignalKind, draft: SignalDraft) => {
    if (pending || !open) return;
    setLastVisibility(draft.visibility);
    const result = await send({
      type: 'signal.raise',
      kind,
      visibility: draft.visibility,
      ...(draft.explanation ? { explanation: draft.explanation } : {}),
      ...(draft.toRoom ? { explanationFor: 'room' as const } : {}),
    });
    if (result.ok) {
      setSent({ kind, visibility: draft.visibility, words: draft.explanation !== '', toRoom: draft.toRoom, at: Date.now() });
      back(kind);
    } else {
      setSent(null);
    }
  };
  // The shortcut chooses; pressed again while its step is open, it sends as the step stands.
  const draftRef = useRef<(() => void) | null>(null);
  useSignalShortcuts((kind) => (choosing === kind && draftRef.current ? draftRef.current() : setChoosing(kind)), open);

  // Right after affirming, the button that had focus is gone: start keyboard users here.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  return (
    <section className="card signal-panel" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`} ref={heading} tabIndex={-1}>
        {t('signal.heading')}
      </h2>
      <div className="signal-buttons">
        {KINDS.map((kind) => (
          <button
            key={kind}
            ref={(el) => {
              buttons.current[kind] = el;
            }}
            type="button"
            className={`signal-button signal-${kind}`}
            aria-labelledby={`${base}-${kind}`}
            aria-describedby={`${base}-${kind}-hint`}
            aria-keyshortcuts={kind === 'ouch' ? 'Alt+O' : 'Alt+W'}
            aria-expanded={choosing === kind}
            disabled={!open}
            onClick={() => setChoosing(kind)}
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
      {choosing ? (
        <SignalCompose
          key={choosing}
          kind={choosing}
          allowed={allowed}
          initial={initial}
          pending={pending}
          register={(sendNow) => {
            draftRef.current = sendNow;
          }}
          onSend={(draft) => void raise(choosing, draft)}
          onCancel={() => back(choosing)}
        />
      ) : (
        <p className="shortcut-help">
          <Trans t={t} i18nKey="signal.help" components={{ kbd: <kbd /> }} />
        </p>
      )}

      <div className="signal-status" role="status">
        {error ? (
          <p className="gentle-note">{error.message}</p>
        ) : sent ? (
          <p className="sent-note">
            {t(`signal.sent.${sent.kind}`, { time: clockTime(sent.at) })} {t(`whoKnows.${sent.visibility}`)}
            {sent.words && <> {wordsReaders(sent.toRoom)}</>}
          </p>
        ) : null}
      </div>
    </section>
  );
}
