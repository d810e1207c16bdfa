import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS, type SignalKind, type Visibility } from '@brave/protocol';
import { VISIBILITY_CHOICE, wordsReaders } from '../app/words.ts';
import { RadioList } from './RadioList.tsx';

export interface SignalDraft {
  visibility: Visibility;
  explanation: string;
  toRoom: boolean;
}

/**
 * The second step of a signal, right under the button that was chosen: who sees it was
 * you, a few words if you want (and who reads them), then send. The defaults are ready,
 * so Send (or the same shortcut again) sends at once. Escape puts it away.
 */
export function SignalCompose({
  kind,
  allowed,
  initial,
  pending,
  register,
  onSend,
  onCancel,
}: {
  kind: SignalKind;
  allowed: readonly Visibility[];
  initial: Visibility;
  pending: boolean;
  /** Hands the panel a way to send this step as it stands (its shortcut, pressed again). */
  register: (sendNow: () => void) => void;
  onSend: (draft: SignalDraft) => void;
  onCancel: () => void;
}) {
  const base = useId();
  const [visibility, setVisibility] = useState<Visibility>(initial);
  const [explanation, setExplanation] = useState('');
  const [toRoom, setToRoom] = useState(false);
  const named = visibility === 'named';
  const { t } = useTranslation('live');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [kind]);
  const send = () => onSend({ visibility, explanation: explanation.trim(), toRoom: named && toRoom });
  useEffect(() => register(send));

  return (
    <form
      className={`signal-compose kind-${kind}`}
      aria-labelledby={`${base}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          send();
        }
      }}
    >
      <h3 id={`${base}-h`} ref={heading} tabIndex={-1}>
        {t(`signal.composeHeading.${kind}`)}
      </h3>
      {allowed.length > 1 ? (
        <RadioList
          legend={t('signal.whoSees')}
          value={visibility}
          onChange={setVisibility}
          options={allowed.map((v) => ({ value: v, ...VISIBILITY_CHOICE[v] }))}
        />
      ) : (
        <p className="muted">
          {t('signal.fixedVisibility', { choice: VISIBILITY_CHOICE[visibility].label.toLowerCase(), hint: VISIBILITY_CHOICE[visibility].hint })}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${base}-words`}>{t('signal.words')}</label>
        <textarea
          id={`${base}-words`}
          rows={2}
          maxLength={LIMITS.explanationMax}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          aria-describedby={`${base}-words-hint`}
        />
        <p className="hint" id={`${base}-words-hint`}>
          {wordsReaders(named && toRoom)} {t('signal.wordsLater')}
        </p>
      </div>
      {named && (
        <label className="check">
          <input type="checkbox" checked={toRoom} onChange={(e) => setToRoom(e.target.checked)} />
          {t('signal.wordsToRoom')}
        </label>
      )}
      <div className="actions">
        <button type="button" className="button quiet" onClick={onCancel}>
          {t('signal.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={pending}>
          {t(`signal.send.${kind}`)}
        </button>
      </div>
    </form>
  );
}
