import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { RadioList } from '../../components/RadioList.tsx';
import { PREFER_NOT, caucusPrivacy } from '../words.ts';

/** A choice in the caucus question: one of the options (by index), prefer not to say, or skip. */
export type CaucusChoice = `option:${number}` | 'prefer' | 'skip';

export function choiceOf(options: readonly string[], answer: string | null | undefined): CaucusChoice | undefined {
  if (answer === undefined) return undefined;
  if (answer === null) return 'skip';
  if (answer === PREFER_NOT) return 'prefer';
  const i = options.indexOf(answer);
  return i >= 0 ? `option:${i}` : undefined;
}

export function answerOf(options: readonly string[], choice: CaucusChoice): string | null {
  if (choice === 'skip') return null;
  if (choice === 'prefer') return PREFER_NOT;
  return options[Number(choice.slice('option:'.length))] ?? null;
}

/**
 * The private self-identification question, with its privacy said plainly. "Prefer not
 * to say" and "skip" are always there, whatever options the facilitators set.
 */
export function CaucusQuestion({
  options,
  choice,
  onChoice,
  keep,
  onKeep,
  stale,
}: {
  options: readonly string[];
  choice: CaucusChoice | undefined;
  onChoice: (c: CaucusChoice) => void;
  keep: boolean;
  onKeep: (keep: boolean) => void;
  /** An earlier answer that is no longer among the options. */
  stale: string | null;
}) {
  const id = useId();
  const { t } = useTranslation('breakouts');
  return (
    <fieldset className="fieldset caucus-question" aria-describedby={`${id}-privacy`}>
      <legend>{t('caucus.legend')}</legend>
      <p className="privacy-note" id={`${id}-privacy`}>
        {caucusPrivacy()}
      </p>
      {stale && (
        <p className="gentle-note">
          {t('caucus.stale', { answer: stale })}
        </p>
      )}
      <RadioList
        legend={t('caucus.which')}
        value={choice}
        onChange={onChoice}
        options={[
          ...options.map((o, i) => ({ value: `option:${i}` as const, label: capitalise(o) })),
          { value: 'prefer' as const, label: t('preferNot'), hint: t('caucus.preferHint') },
          { value: 'skip' as const, label: t('caucus.skip'), hint: t('caucus.skipHint') },
        ]}
      />
      <label className="check">
        <input type="checkbox" checked={keep} onChange={(e) => onKeep(e.target.checked)} aria-describedby={`${id}-keep`} />
        {t('caucus.keep')}
      </label>
      <p className="hint" id={`${id}-keep`}>
        {t('caucus.keepHint')}
      </p>
    </fieldset>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
