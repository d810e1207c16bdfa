import { useTranslation } from 'react-i18next';
import type { PulseTally, PulseView } from '@brave/protocol';
import { i18n } from '../../app/i18n.ts';
import { SCALE_WORDS } from '../words.ts';
import { WordCloud } from './WordCloud.tsx';

/** The rows a check's results show: every scale point or option (zeros too), the cloud draws words itself. */
function rows(pulse: PulseView, tally: PulseTally): [string, string, number][] {
  const keys = pulse.kind === 'scale' ? ['1', '2', '3', '4', '5'] : pulse.options;
  return keys.map((k) => [k, pulse.kind === 'scale' ? i18n.t('show:pulse.scaleRow', { n: k, words: SCALE_WORDS[k] ?? '' }) : k, tally.counts[k] ?? 0]);
}

/**
 * Results as counts only: bars for a scale or choices, a cloud of words sized by how often
 * they were given (WordCloud.tsx). Each bar says its number in words too, so it reads without the picture.
 */
export function PulseChart({ pulse, tally }: { pulse: PulseView; tally: PulseTally }) {
  const { t } = useTranslation('show');
  const total = tally.total;
  const answered = t('pulse.answers', { count: total });
  if (total === 0) return <p className="muted">{t('pulse.noAnswers')}</p>;
  if (pulse.kind === 'word') return <WordCloud tally={tally} />;
  const list = rows(pulse, tally);
  const most = Math.max(1, ...list.map(([, , n]) => n));
  return (
    <>
      <p className="muted small-print">{answered}</p>
      <ul className="pulse-chart" aria-label={t('pulse.results')}>
        {list.map(([key, label, n]) => (
          <li key={key}>
            <span>{label}</span>
            <span className="pulse-bar" style={{ width: `${(n / most) * 100}%` }} aria-hidden="true" />
            <span aria-label={t('pulse.rowLabel', { label, n })}>{n}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
