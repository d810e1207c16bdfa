import type { PulseTally, PulseView } from '@brave/protocol';
import { countOf, topWords } from '@brave/core';
import { SCALE_WORDS } from '../words.ts';

/** The rows a check's results show: every scale point or option (zeros too), or the most given words. */
function rows(pulse: PulseView, tally: PulseTally): [string, string, number][] {
  if (pulse.kind === 'word') return topWords(tally).map(([w, n]) => [w, w, n]);
  const keys = pulse.kind === 'scale' ? ['1', '2', '3', '4', '5'] : pulse.options;
  return keys.map((k) => [k, pulse.kind === 'scale' ? `${k} · ${SCALE_WORDS[k] ?? ''}` : k, tally.counts[k] ?? 0]);
}

/**
 * Results as counts only: bars for a scale or choices, a list of words sized by how often
 * they were given. Each bar says its number in words too, so it reads without the picture.
 */
export function PulseChart({ pulse, tally }: { pulse: PulseView; tally: PulseTally }) {
  const total = tally.total;
  const answered = countOf(total, 'answer');
  if (total === 0) return <p className="muted">No answers yet.</p>;
  const list = rows(pulse, tally);
  const most = Math.max(1, ...list.map(([, , n]) => n));
  if (pulse.kind === 'word') {
    return (
      <>
        <p className="muted small-print">{answered}</p>
        <ul className="pulse-words" aria-label="Words given">
          {list.map(([key, label, n]) => (
            <li key={key} style={{ fontSize: `${0.9 + (n / most) * 0.9}rem` }}>
              {label}
              {n > 1 && <span className="muted small-print"> ×{n}</span>}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <p className="muted small-print">{answered}</p>
      <ul className="pulse-chart" aria-label="Results">
        {list.map(([key, label, n]) => (
          <li key={key}>
            <span>{label}</span>
            <span className="pulse-bar" style={{ width: `${(n / most) * 100}%` }} aria-hidden="true" />
            <span aria-label={`${label}: ${n}`}>{n}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
