import { useTranslation } from 'react-i18next';
import type { PulseTally } from '@brave/protocol';
import { topWords } from '@brave/core';

/**
 * One-word answers as a cloud: each word (already lower-cased and trimmed by core, so
 * "Hopeful " and "hopeful" meet) sized by how often it was given, the most given in the
 * middle. It is a picture of counts only: no word ever carries who gave it. Screen
 * readers get the same words as a list, most given first, with their counts; a new
 * word grows in gently, not at all when reduced motion is asked for (base.css).
 */
export function WordCloud({ tally }: { tally: PulseTally }) {
  const words = topWords(tally);
  const { t } = useTranslation('show');
  const most = Math.max(1, ...words.map(([, n]) => n));
  // Most given in the middle: alternate the rest to either side.
  const placed = words.reduce<[string, number][]>((row, w, i) => (i % 2 === 0 ? [...row, w] : [w, ...row]), []);
  return (
    <div className="word-cloud">
      <p className="muted small-print" aria-live="polite">
        {t('pulse.answersWords', { answers: t('pulse.answers', { count: tally.total }), words: t('pulse.words', { count: words.length }) })}
      </p>
      <div className="word-cloud-picture" aria-hidden="true">
        {placed.map(([word, n]) => (
          <span key={word} className="word-cloud-word" data-count={n} style={{ fontSize: `${1 + (n / most) * 1.6}rem`, fontWeight: n === most ? 700 : 500 }}>
            {word}
          </span>
        ))}
      </div>
      <ul className="visually-hidden" aria-label={t('pulse.wordsGiven')}>
        {words.map(([word, n]) => (
          <li key={word}>
            {t('pulse.times', { word, count: n })}
          </li>
        ))}
      </ul>
    </div>
  );
}
